"""Quality gate: quote precision, recall and speaker accuracy on the seeds plus our own fixtures."""
from __future__ import annotations

from pathlib import Path

from newsdesk.config import load_settings
from newsdesk.pipeline import process_article
from newsdesk.readers import read_inputs
from paths import load_script

ROOT = Path(__file__).resolve().parents[1]


def load_scorer():
    return load_script("score_quotes")


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
