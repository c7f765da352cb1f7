"""extract_times over whole articles written for the tests (the seeds are checked in the scorer)."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.nlp.context import Context
from newsdesk.nlp.times import extract_times
from newsdesk.records import Meta

FIX = Path(__file__).parent / "fixtures" / "extract"


def _times(models, text: str, anchor: str | None):
    ctx = Context(doc=models.nlp(text), meta=Meta(), anchor=anchor, resources=models.resources)
    return extract_times(ctx)


@pytest.fixture(scope="module")
def trade(models):
    text = (FIX / "article_trade.txt").read_text(encoding="utf-8")
    return text, _times(models, text, "2023-05-18")  # a Thursday


def test_times_offsets_match_text(trade):
    text, times = trade
    assert times
    for t in times:
        assert text[t.start:t.end] == t.text


def test_times_news_cases(trade):
    _, times = trade
    got = {t.text: t.value for t in times}
    assert got["Tuesday"] == "2023-05-16"  # the Tuesday of the publication week, before the anchor
    assert got["last year"] == "2022"
    assert got["next year"] == "2024"
    assert got["February"] == "2023-02"
    assert got["last month"] == "2023-04"
    assert got["2022"] == "2022"
    assert got["Friday"] == "2023-05-19"  # "will meet again on Friday": future tense


def test_times_durations_skipped(trade):
    _, times = trade
    texts = " | ".join(t.text.lower() for t in times)
    assert "four decades" not in texts
    assert "almost a year" not in texts
    assert all(t.text.lower() not in ("month", "year") for t in times)


def test_times_dateline_date_is_the_anchor(models):
    text = (FIX / "article_energy.txt").read_text(encoding="utf-8")
    times = _times(models, text, None)
    assert {t.anchor for t in times} == {"2021-03-04"}
    got = {t.text: t.value for t in times}
    assert got["Thursday"] == "2021-03-04"
    assert got["October 2022"] == "2022-10"


def test_times_event_name_year_is_not_a_time(models):
    times = _times(models, "The navies held Pacific Shield 2019 off Guam. The drill began in 2019.", "2019-08-01")
    assert [t.text for t in times] == ["2019"]
    assert times[0].start == len("The navies held Pacific Shield 2019 off Guam. The drill began in ")


def test_times_without_anchor_leaves_relative_unresolved(models):
    times = _times(models, "Exports fell last year, and rose in December 2017 and again on Tuesday.", None)
    got = {t.text: t.value for t in times}
    assert got["last year"] is None
    assert got["December 2017"] == "2017-12"
    assert got["Tuesday"] is None


def test_times_lowercase_may_is_not_a_month(models):
    times = _times(models, "Officials may decide in March whether prices will march higher.", "2020-01-10")
    assert [(t.text, t.value) for t in times] == [("March", "2020-03")]
