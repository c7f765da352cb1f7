"""Quality gate: the coder over the gold set (tests/fixtures/events/gold.jsonl) keeps its measured level."""
from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "score_events.py"


def _scorer():
    spec = importlib.util.spec_from_file_location("score_events", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_events_gold_floor_precision_and_recall(models):
    scorer = _scorer()
    rows = scorer.load_gold()
    assert len(rows) >= 60
    result = scorer.score(rows)
    assert result["type_precision"] >= 0.9
    assert result["type_recall"] >= 0.78
    assert result["actor_target_precision"] >= 0.7
    assert result["actor_target_recall"] >= 0.58
    assert result["date_precision"] >= 0.65
    assert result["date_recall"] >= 0.58
    assert result["status_accuracy_on_matched"] >= 0.9
