"""The actor registry (bundled data/actors.jsonl plus user actor files). [contract stub]"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


class Registry:
    def __init__(self, actors: list[dict] | None = None) -> None:
        self.actors = actors or []


def load_registry(extra_files: Iterable[str | Path] = ()) -> Registry:
    return Registry()
