"""Quality gate: quote precision, recall and speaker accuracy on the seeds plus our own fixtures."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from newsdesk.config import load_settings
from newsdesk.pipeline import process_article
from newsdesk.readers import read_inputs

ROOT = Path(__file__).resolve().parents[1]


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_quotes", ROOT / "scripts" / "score_quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_quotes_gold_meets_floors(models, seed_paths):
    result = load_scorer().score()
    assert result["gold"] >= 90
    assert result["recall"] >= 0.9
    assert result["precision"] >= 0.85
    assert result["speaker_accuracy"] >= 0.9


def test_quotes_gold_spans_point_into_clean_text(models, seed_paths):
    settings = load_settings()
    fixtures = sorted((ROOT / "tests" / "fixtures" / "quotes").glob("*.txt"))
    for raw in read_inputs(list(seed_paths) + fixtures, settings):
        record = process_article(raw, models, settings, strict=True)
        assert record.quotes, raw.source
        for q in record.quotes:
            assert record.text[q.start:q.end] == q.text
            assert q.text and q.text[0] not in "“”\"' " and q.text[-1] not in "“”\" ,"
