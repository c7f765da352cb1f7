"""Quotes, amounts and times on the held-out set (tests/fixtures/heldout_extract): ten articles written
for scoring only, through the real reader and pipeline. Floors sit just under the measured figures."""
from __future__ import annotations

import pytest
from paths import load_script


@pytest.fixture(scope="module")
def heldout(models):
    mod = load_script("score_heldout_extract")
    records = mod.run_pipeline()
    return records, mod.score(records)


def test_extract_heldout_provenance(heldout):
    records, _ = heldout
    assert len(records) == 10
    for _, _, rec in records:
        text = rec.clean.text
        for item in [*rec.quotes, *rec.amounts, *rec.times]:
            assert text[item.start:item.end] == item.text


def test_extract_heldout_quotes(heldout):
    q = heldout[1]["quotes"]
    assert q["gold"] == 58
    assert q["precision"] >= 0.95 and q["recall"] >= 0.98
    assert q["speaker_acc"] >= 0.95 and q["partial_acc"] >= 0.97


def test_extract_heldout_amounts(heldout):
    a = heldout[1]["amounts"]
    assert a["gold"] == 128
    assert a["precision"] >= 0.97 and a["recall"] >= 0.92 and a["approx_acc"] >= 0.95


def test_extract_heldout_times(heldout):
    t = heldout[1]["times"]
    assert t["gold"] == 79
    assert t["precision"] >= 0.93 and t["recall"] >= 0.92
