"""Floors on the held-out cleaning set (pages written for testing, never tuned on one by one).

Scored by scripts/score_heldout_clean.py; the floors sit just under the figures it reports, so
a change that loses body sentences, lets debris back in or misreads metadata fails here.
"""
from __future__ import annotations
from paths import load_script


scorer = load_script("score_heldout_clean")


def test_clean_heldout_scores_stay_above_floors():
    s = scorer.score()
    assert s["pages"] == 12
    assert s["body_recall"] >= 0.98
    assert s["debris_removed"] >= 0.98
    assert s["captions"] >= 0.8
    for field in scorer.FIELDS:
        assert s[field] >= 11 / 12, field
    assert all(p["recall"] >= 0.8 for p in s["per_page"].values())


def test_clean_heldout_clean_text_maps_back_to_source():
    for path in sorted(scorer.HELDOUT.glob("[0-9]*")):
        doc = scorer.clean_page(path)
        for clean_start, source_start, length in doc.offsets:
            assert doc.text[clean_start:clean_start + length] == doc.source_text[source_start:source_start + length]
        for item in doc.dropped + doc.captions:
            assert doc.source_text[item.start:item.end] == item.text
