"""Linking quality on the hand-written gold paragraphs (tests/fixtures/actors/gold.jsonl) stays above a floor."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_actors_gold_precision_and_recall_floor(models):
    spec = importlib.util.spec_from_file_location("score_actors", ROOT / "scripts" / "score_actors.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    res = mod.score()
    assert res["gold"] >= 70
    assert res["precision"] >= 0.9 and res["recall"] >= 0.9
