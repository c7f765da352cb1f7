"""resolve_weekday against day anchors and summit spans."""
from __future__ import annotations

import datetime as dt

from newsdesk.nlp.anchor import AnchorEstimate, resolve_weekday


def _a(date: str, end: str | None = None, precision: str = "day") -> AnchorEstimate:
    return AnchorEstimate(date=date, precision=precision, source="test", confidence=1.0, date_end=end)


def test_weekday_inside_a_span():
    span = _a("2022-09-15", "2022-09-16")  # Thursday-Friday
    assert resolve_weekday("Thursday", span, "past") == dt.date(2022, 9, 15)
    assert resolve_weekday("Friday", span, "future") == dt.date(2022, 9, 16)


def test_weekday_outside_the_span_past_and_future():
    span = _a("2022-09-15", "2022-09-16")
    assert resolve_weekday("Monday", span, "past") == dt.date(2022, 9, 12)
    assert resolve_weekday("Monday", span, "future") == dt.date(2022, 9, 19)


def test_single_day_anchor():
    day = _a("2018-09-11")  # a Tuesday
    assert resolve_weekday("Tuesday", day, "past") == dt.date(2018, 9, 11)
    assert resolve_weekday("Tuesday", day, "future") == dt.date(2018, 9, 18)
    assert resolve_weekday("Sunday", day, "past") == dt.date(2018, 9, 9)
    assert resolve_weekday("Thurs.", day, None) == dt.date(2018, 9, 13)


def test_weekday_needs_a_day_anchor():
    assert resolve_weekday("Monday", _a("2018-01-01", precision="year"), "past") is None
    assert resolve_weekday("Monday", None, "past") is None
    assert resolve_weekday("Funday", _a("2018-09-11"), "past") is None
