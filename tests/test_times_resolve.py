"""The resolver against a hand-written gold of expressions with anchors and tenses."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.nlp.time_rules import is_duration, resolve

GOLD = Path(__file__).parent / "fixtures" / "extract" / "times_gold.jsonl"
CASES = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_times_gold_is_big_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[f"{c['text']}@{c['anchor']}/{c['tense']}" for c in CASES])
def test_times_resolve_gold(case):
    assert resolve(case["text"], case["anchor"], case["tense"]) == (case["value"], case["precision"])


@pytest.mark.parametrize("text", ["four decades", "two-day", "annual", "the last two years", "nearly two decades",
                                  "3 months", "mere days", "a twenty-first century"])
def test_times_durations_are_not_points(text):
    assert is_duration(text)


@pytest.mark.parametrize("text", ["last month", "this year", "the same day", "on Tuesday", "in 2015"])
def test_times_points_are_not_durations(text):
    assert not is_duration(text)


def test_times_relative_needs_anchor():
    assert resolve("last month", None) == (None, None)
    assert resolve("October 2023", None) == ("2023-10", "month")
