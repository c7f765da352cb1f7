"""estimate_anchor on the five seed articles (read from ../shared; never copied)."""
from __future__ import annotations

import pytest

from newsdesk.config import load_settings
from newsdesk.nlp.anchor import estimate_anchor
from newsdesk.pipeline import prepare
from newsdesk.records import RawDoc

# seed prefix -> acceptable (date, date_end) pairs
EXPECT = {
    "000": {("2018-09-11", None), ("2018-09-11", "2018-09-13")},
    "001": {("2018-09-11", "2018-09-13")},
    "002": {("2024-05-16", None)},
    "003": {("2022-09-15", "2022-09-16")},
    "004": {("2018-09-11", "2018-09-12"), ("2018-09-11", "2018-09-13")},
}


@pytest.fixture(scope="module")
def analysed(models, seed_paths):
    out = {}
    for p in seed_paths:
        clean = prepare(RawDoc(source=str(p), text=p.read_text(encoding="utf-8")), load_settings())
        out[p.name[:3]] = (clean, models.nlp(clean.text))
    return out


@pytest.mark.parametrize("seed", sorted(EXPECT))
def test_seed_anchor(analysed, seed):
    clean, doc = analysed[seed]
    a = estimate_anchor(doc, clean.meta, captions=[c.text for c in clean.captions])
    assert a is not None
    assert (a.date, a.date_end) in EXPECT[seed], a
    if a.start is not None:
        assert doc.text[a.start:a.end] == a.evidence


def test_seed_003_summit_beats_the_display_date(analysed):
    clean, doc = analysed["003"]
    meta = type(clean.meta)(published="2022-10-06", published_from="page-header")
    a = estimate_anchor(doc, meta)
    assert a.source == "summit:sco-summit-2022" and a.upper_bound == "2022-10-06"
