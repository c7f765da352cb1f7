"""Cooperation/conflict series for the actor timeline chart."""
from __future__ import annotations

from newsdesk.web.charts import timeline_chart
from newsdesk.web.plover import group_of, series


def test_web_plover_groups():
    assert group_of("AGREE") == group_of("aid") == "cooperative"
    assert group_of("ASSAULT") == group_of("REQUEST") == "conflictual"
    assert group_of("SOMETHING_NEW") == group_of(None) == "other"


def test_web_plover_series_fills_gaps_between_months():
    ev = [{"date": "2030-11-02", "type": "ACCUSE"}, {"date": "2031-02", "type": "AGREE"},
          {"date": "2031-02-20", "type": "CONSULT"}, {"date": None, "type": "AID"}]
    s = series(ev)
    assert s["unit"] == "month"
    assert [p["period"] for p in s["periods"]] == ["2030-11", "2030-12", "2031-01", "2031-02"]
    assert s["periods"][0]["conflictual"] == 1 and s["periods"][3]["cooperative"] == 2
    assert s["periods"][1] == {"period": "2030-12", "cooperative": 0, "conflictual": 0, "other": 0}


def test_web_plover_series_units_follow_the_span():
    days = series([{"date": "2031-03-01", "type": "AID"}, {"date": "2031-03-04", "type": "AID"}])
    assert days["unit"] == "day" and len(days["periods"]) == 4
    years = series([{"date": "2001-05-01", "type": "AID"}, {"date": "2024", "type": "THREATEN"}])
    assert years["unit"] == "year" and years["periods"][0]["period"] == "2001" and len(years["periods"]) == 24


def test_web_chart_bars_sit_on_both_sides_of_the_axis():
    chart = timeline_chart([{"date": "2031-01", "type": "AGREE"}, {"date": "2031-02", "type": "COERCE"}])
    coop = next(b for b in chart["bars"] if b.cls == "cooperative")
    conf = next(b for b in chart["bars"] if b.cls == "conflictual")
    assert coop.y + coop.h == chart["axis"] and conf.y == chart["axis"] and conf.x > coop.x
    assert timeline_chart([{"date": None, "type": "AGREE"}]) is None
