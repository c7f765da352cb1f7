"""estimate_anchor on written fixtures (tests/fixtures/anchor/*.json, the author's own words)."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from paths import FIXTURES
from newsdesk.nlp.anchor import estimate_anchor
from newsdesk.records import Meta

CASES = sorted((FIXTURES / "anchor").glob("*.json"))
TODAY = dt.date(2040, 1, 1)  # far ahead: future years must be excluded by the rules, not by the clock


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_anchor_fixture(models, path):
    case = json.loads(path.read_text())
    doc = models.nlp(case["text"])
    a = estimate_anchor(doc, Meta(**case["meta"]), captions=case["captions"], today=TODAY)
    exp = case["expect"]
    if exp.get("none_or_year"):
        assert a is None or a.precision == "year", a
        return
    assert a is not None, case["name"]
    for key in ("date", "precision", "source", "date_end"):
        if key in exp:
            assert getattr(a, key) == exp[key], (key, a)
    if "max_confidence" in exp:
        assert a.confidence <= exp["max_confidence"]
    if a.start is not None:  # provenance: the evidence is the text at its offsets
        assert doc.text[a.start:a.end] == a.evidence


def test_trusted_date_is_never_overridden(models):
    doc = models.nlp("Leaders met on Thursday at the SCO summit in Samarkand, officials said.")
    a = estimate_anchor(doc, Meta(published="2024-01-05", published_from="url"))
    assert (a.date, a.source) == ("2024-01-05", "published")


def test_text_date_after_the_header_bound_is_dropped(models):
    # the header says the page is from 2022-03-01; a summit later than that cannot be its event
    doc = models.nlp("Leaders met on Thursday at the SCO summit in Samarkand, officials said.")
    a = estimate_anchor(doc, Meta(published="2022-03-01", published_from="page-header"))
    assert a is not None and a.source == "page-header" and a.date == "2022-03-01"


def test_header_close_to_the_summit_loses_to_the_summit(models):
    doc = models.nlp("Leaders met on Thursday at the SCO summit in Samarkand, officials said.")
    a = estimate_anchor(doc, Meta(published="2022-10-06", published_from="page-header"))
    assert (a.date, a.date_end, a.upper_bound) == ("2022-09-15", "2022-09-16", "2022-10-06")
    assert a.confidence > 0.6
    assert doc.text[a.start:a.end] == a.evidence


def test_no_evidence_gives_none(models):
    doc = models.nlp("The council voted on Tuesday to extend the tram line. Opponents said buses were better.")
    assert estimate_anchor(doc, Meta()) is None


def test_future_summit_is_not_an_anchor(models):
    doc = models.nlp("The prime minister will attend the NATO summit in Vilnius next month, "
                     "her office said on Friday.")
    assert estimate_anchor(doc, Meta(), today=TODAY) is None


def test_summit_named_with_an_old_year_in_the_lead_is_background(models):
    # the lead recalls a 2014 summit; the article's latest explicit point is 2017
    doc = models.nlp("The two leaders first met at the 2014 G20 summit in Brisbane.\n\n"
                     "Their countries signed a trade pact in March 2017, which both now want to widen.")
    a = estimate_anchor(doc, Meta(), today=TODAY)
    assert a is None or not a.source.startswith("summit:")
