"""Cross-story conflicts are off by default (``cross_story_conflicts``); switched on, one needs an actor every
claim of the group names. Equal figures corroborate either way."""
from __future__ import annotations

import pytest

from newsdesk.corpus.compare import Claim, vocab
from newsdesk.corpus.link_tasks import group_discrepancies


def _claim(cid: str, story: str, value: float, actors: set[str]) -> Claim:
    text = f"Profit was {value} mln dlrs in 1986."
    return Claim(cid, f"art-{cid}", f"outlet-{cid}", story, None, value, "dlrs", value, "dlrs", False, None,
                 "profit", "1986", (0, len(text), text), (11, 11 + len(str(value)), str(value)),
                 terms={"profit"}, common={"profit"}, actors=actors)


@pytest.fixture
def conflicts_on(monkeypatch):
    monkeypatch.setitem(vocab(), "cross_story_conflicts", True)


def test_link_tasks_cross_conflict_is_off_by_default_even_with_a_shared_actor():
    assert vocab()["cross_story_conflicts"] is False
    rows = group_discrepancies([_claim("a", "s1", 10.0, {"Acme", "US"}), _claim("b", "s2", 14.0, {"Acme"})])
    assert rows == []


def test_link_tasks_cross_conflict_without_a_shared_actor_is_not_emitted(conflicts_on):
    rows = group_discrepancies([_claim("a", "s1", 10.0, set()), _claim("b", "s2", 14.0, {"Acme"})])
    assert rows == []


def test_link_tasks_cross_conflict_with_a_shared_actor_is_emitted(conflicts_on):
    rows = group_discrepancies([_claim("a", "s1", 10.0, {"Acme", "US"}), _claim("b", "s2", 14.0, {"Acme"})])
    assert [r["kind"] for r in rows] == ["conflict"] and rows[0]["story_id"] is None


def test_link_tasks_cross_corroboration_needs_no_actor():
    rows = group_discrepancies([_claim("a", "s1", 10.0, set()), _claim("b", "s2", 10.0, set())])
    assert [r["kind"] for r in rows] == ["corroboration"]
