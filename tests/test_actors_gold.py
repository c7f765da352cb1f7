"""Linking quality on the hand-written gold paragraphs (tests/fixtures/actors/gold.jsonl) stays above a floor."""
from __future__ import annotations
from paths import load_script


def test_actors_gold_precision_and_recall_floor(models):
    mod = load_script("score_actors")
    res = mod.score()
    assert res["gold"] >= 70
    assert res["precision"] >= 0.9 and res["recall"] >= 0.9
