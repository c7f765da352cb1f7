"""Amounts: the gold of seeds and written fixtures through the full pipeline, plus single rules."""
from __future__ import annotations

import pytest

from newsdesk.nlp.amounts import extract_amounts
from newsdesk.nlp.context import Context
from newsdesk.nlp.numbers import parse_number
from newsdesk.nlp.times import extract_times
from newsdesk.records import Meta
from paths import load_script


def _scorer():
    return load_script("score_amounts")


@pytest.fixture(scope="module")
def scored(models, seed_paths):
    mod = _scorer()
    docs = mod.load_docs()
    return docs, mod.score(docs)


def test_amounts_gold_recall_and_precision(scored):
    _, result = scored
    assert result["gold"] >= 70
    assert result["recall"] >= 0.9
    assert result["precision"] >= 0.9
    assert result["approx_agreement"] >= 0.9


def test_amounts_offsets_match_text(scored):
    docs, _ = scored
    for rec in docs.values():
        for a in rec.amounts:
            assert rec.text[a.start:a.end] == a.text
        for t in rec.times:
            assert rec.text[t.start:t.end] == t.text
        for p in rec.places:
            assert rec.text[p.start:p.end] == p.text


def _amounts(models, text, anchor="2024-03-14"):
    ctx = Context(doc=models.nlp(text), meta=Meta(), anchor=anchor, resources=models.resources)
    ctx.times = extract_times(ctx)
    return extract_amounts(ctx)


def test_amounts_money_about_and_period(models):
    (a,) = _amounts(models, "Bilateral trade rose to a record $240 billion last year, officials said.")
    assert (a.value, a.unit, a.about, a.date) == (240e9, "USD", "Bilateral trade", "2023")


def test_amounts_measure_is_converted(models):
    (a,) = _amounts(models, "The two countries share a 2600-mile border.")
    assert (a.unit, a.value, a.original_value, a.original_unit) == ("km", 4184.3, 2600, "mile")


def test_amounts_approximations(models):
    got = {a.text: a.qualifier for a in _amounts(models, "Some 300 people fled and more than 1,200 soldiers "
                                                           "were sent, nearly 10% of the force.")}
    assert got == {"300": "some", "1,200": "more than", "10%": "nearly"}


@pytest.mark.parametrize("text", [
    "The two leaders met for the third time in 2018.",
    "One of the officials said billions of dollars were lost over four decades.",
    "The G7 bought S-400 systems on page 3 of the deal, the 45-year-old said at 3 p.m.",
    "The pipeline runs several thousand kilometers through the steppe.",
])
def test_amounts_non_amounts_skipped(models, text):
    assert _amounts(models, text) == []


def test_amounts_counts_inherit_the_noun(models):
    got = [(a.value, a.unit) for a in _amounts(models, "Of the forty ships in port, twelve were damaged.")]
    assert got == [(40, "ships"), (12, "ships")]


def test_amounts_shares(models):
    got = [(a.text, a.value) for a in _amounts(models, "Exports grew by a quarter, and half of the firms hired.")]
    assert got == [("a quarter", 25.0), ("half", 50.0)]


@pytest.mark.parametrize("text,value", [("fifty-eight", 58), ("a dozen", 12), ("three hundred and twenty", 320),
                                        ("2.5 million", 2.5e6), ("40bn", 4e10), ("3,500", 3500),
                                        ("one hundred thousand", 1e5)])
def test_amounts_number_parser(text, value):
    assert parse_number(text) == value


def test_amounts_number_parser_rejects_words():
    assert parse_number("several") is None
