"""Amounts: points, currencies, measures and counts written in ways the first fixtures lacked (own sentences)."""
from __future__ import annotations

import pytest

from newsdesk.nlp.amounts import extract_amounts
from newsdesk.nlp.context import Context
from newsdesk.nlp.times import extract_times
from newsdesk.records import Meta


def _amounts(models, text, anchor="2024-03-14"):
    ctx = Context(doc=models.nlp(text), meta=Meta(), anchor=anchor, resources=models.resources)
    ctx.times = extract_times(ctx)
    got = extract_amounts(ctx)
    for a in got:
        assert text[a.start:a.end] == a.text
    return [(a.text, round(a.value, 4), a.unit) for a in got]


def test_amounts_units_points_are_not_percent(models):
    got = _amounts(models, "The lender raised rates by 75 basis points to 6.5%, a 75-basis-point move; "
                           "support for the mayor fell 4 percentage points while her rival gained 3 points.")
    assert got == [("75 basis points", 75, "basis point"), ("6.5%", 6.5, "percent"),
                   ("75-basis-point", 75, "basis point"), ("4 percentage points", 4, "percentage point"),
                   ("3", 3, "percentage point")]


def test_amounts_units_fraction_of_a_point(models):
    got = _amounts(models, "The bank cut by half a point in June and by a quarter-point in July.")
    assert [(t, v, u) for t, v, u in got] == [("half a point", 0.5, "percentage point"),
                                              ("a quarter-point", 0.25, "percentage point")]


def test_amounts_units_index_points_stay_out(models):
    assert _amounts(models, "The index fell 500 points on Monday.", anchor="2024-03-14") == []


@pytest.mark.parametrize("text,value,unit", [
    ("Petrobras paid R$12.4 billion in dividends.", 12.4e9, "BRL"),
    ("The bank froze 80 billion CFA francs.", 80e9, "XOF"),
    ("The port cost NZ$300 million.", 300e6, "NZD"),
])
def test_amounts_units_currencies(models, text, value, unit):
    ((_, v, u),) = _amounts(models, text)
    assert (v, u) == (value, unit)


def test_amounts_units_measures_convert(models):
    got = _amounts(models, "Gusts reached 180 km/h (112 mph), rain fell 30 cm deep, hail 2 inches wide, "
                           "and the heat hit 47C.")
    assert got == [("180 km/h", 180, "km/h"), ("112 mph", 180.2, "km/h"), ("30 cm", 0.3, "m"),
                   ("2 inches", 0.0508, "m"), ("47C", 47, "°C")]


def test_amounts_units_small_word_counts(models):
    got = _amounts(models, "Three judges dissented, while two abstained. The two judges who dissented "
                           "wrote separately. Two-thirds of voters agreed; one in four stayed home.")
    assert ("Three", 3, "judges") in got and ("two", 2, "judges") in got
    assert not any(t == "The two" or t == "two" and u != "judges" for t, _, u in got)
    assert ("Two-thirds", 66.7, "percent") in got and ("one in four", 25.0, "percent") in got


def test_amounts_units_partitive_and_sentence_final_counts(models):
    got = _amounts(models, "The party won 120 of the 300 seats. Its main rival took 95. The price was 4,000.")
    assert got[:3] == [("120", 120, "seats"), ("300", 300, "seats"), ("95", 95, "seats")]
    assert ("4,000", 4000, "seats") not in got
