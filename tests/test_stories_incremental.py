"""Story assignment is incremental and idempotent: candidate stories come from the story_keys index.

Adding articles never reads every term count or every story (those store reads are made to fail
here), and assigning the same articles again changes nothing.
"""
from __future__ import annotations

import pytest
from fixtures.corpus.stories import ARTICLES
from test_stories_clustering import expected, ingest, partition

from newsdesk.corpus.stories import assign_stories


def _forbid(*_args, **_kwargs):
    raise AssertionError("story assignment read the whole store")


@pytest.mark.parametrize("with_events", [True, False])
def test_stories_incremental_one_by_one_reads_only_the_neighbourhood(store, settings, monkeypatch, with_events):
    monkeypatch.setattr(store, "term_stats", _forbid)
    monkeypatch.setattr(store, "stories_between", _forbid)
    ingest(store, settings, list(ARTICLES), with_events=with_events, one_by_one=True)
    if with_events:
        assert partition(store) == expected()
    keys = store.table_rows("story_keys")
    assert keys and {k["story_id"] for k in keys} == {s["id"] for s in store.table_rows("stories")}


def test_stories_incremental_assigning_again_changes_nothing(store, settings):
    ingest(store, settings, list(ARTICLES))
    before = {t: store.table_rows(t) for t in ("term_stats", "story_keys")}
    stories = {s["id"]: s["features"] for s in store.table_rows("stories")}
    ids = [a["id"] for a in store.list_articles()]
    again = assign_stories(store, ids, settings)
    assert again == {a["id"]: a["story_id"] for a in store.list_articles()}
    assert {t: store.table_rows(t) for t in before} == before
    assert {s["id"]: s["features"] for s in store.table_rows("stories")} == stories


def test_stories_incremental_reset_then_reassign_gives_the_same_partition(store, settings):
    ingest(store, settings, list(ARTICLES))
    first = partition(store)
    store.reset_stories()
    assert not store.table_rows("story_keys") and not store.table_rows("term_stats")
    assign_stories(store, [a["id"] for a in store.list_articles()], settings)
    assert partition(store) == first


def test_stories_incremental_upgraded_store_indexes_its_old_stories(store, settings):
    from alembic import command

    from newsdesk.store import core

    names = list(ARTICLES)
    last = next(n for n in names if n.startswith("moscow"))
    ingest(store, settings, [n for n in names if n != last])
    with store.engine.begin() as conn:  # a store from before story_keys: the index is gone
        command.downgrade(core._alembic_config(conn), "0004")
    with store.engine.begin() as conn:
        command.upgrade(core._alembic_config(conn), "head")
    assert {k["story_id"] for k in store.table_rows("story_keys")} == {s["id"] for s in store.table_rows("stories")}
    ingest(store, settings, [last])
    assert partition(store) == expected()
