"""Held-out stories set (tests/fixtures/heldout_stories): floors just under the measured figures.

The set was written before looking at the clusterer; scripts/score_heldout_stories.py prints details.
"""
from __future__ import annotations

import pytest
from paths import load_script


@pytest.fixture(scope="module")
def result(models):
    return load_script("score_heldout_stories").score()


def test_stories_heldout_pairs_and_dates_hold_their_floors(result):
    assert result["pair_precision"] >= 0.95
    assert result["pair_recall"] >= 0.77
    assert result["story_date_accuracy"] >= 0.85
    assert result["timeline_recall"] >= 0.66


def test_stories_heldout_two_rounds_of_the_same_talks_stay_apart(result):
    groups = [set(g) for g in result["found_stories"]]
    ankara = next(g for g in groups if "a1_ankara_talks_harborwire" in g)
    athens = next(g for g in groups if "d1_athens_talks_aegeanpost" in g)
    assert ankara is not athens and not ankara & athens
    assert "d2_athens_talks_anatoliaobserver" in athens


def test_stories_heldout_reaction_filed_from_the_other_capital_joins_its_story(result):
    # the EU sanctions follow-up is filed from Dubai a day later; a far place on another day is no veto
    assert ["e1_eu_iran_sanctions_continentalbrief", "e2_eu_iran_sanctions_gulfmonitor"] in result["found_stories"]


def test_stories_heldout_next_day_follow_up_joins_the_summit(result):
    # the Brasilia follow-up's events are dated the next day and placed in Buenos Aires
    assert ["c1_brasilia_summit_pampaeconomist", "c2_brasilia_summit_riodaily"] in result["found_stories"]
    dates = {name[0]: got for name, _, got in result["story_dates"]}
    assert dates["C"] == ["2023-08-22"]
