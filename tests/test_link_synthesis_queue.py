"""Linking queues the stories it touches and synthesises each once after the last batch; a run killed
between linking and synthesis leaves them queued (`check` says so) and the next run finishes them, with
what an uninterrupted run stores."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from fixtures.corpus.stories import ARTICLES, record

from newsdesk.config import load_settings
from newsdesk.corpus import figures
from newsdesk.corpus.link import check, link_pending
from newsdesk.store import open_store


def _synthesis(store) -> dict:
    stories = {r["id"]: r["summary"] for r in store.stories_by_id(store.story_ids())}
    drop = ("created_at", "updated_at")
    rows = {t: sorted((str({k: v for k, v in r.items() if k not in drop}) for r in store.table_rows(t)))
            for t in ("discrepancies", "quote_groups")}
    return {"summaries": stories, **rows}


def _store(tmp_path, name: str):
    db = str(tmp_path / f"{name}.db")
    store = open_store(db)
    for n in sorted(ARTICLES):
        rec = record(n)
        rec.sentences = [m.span() for m in re.finditer(r"[^.!?\n]+[.!?]", rec.text)]  # so stories get summaries
        with store.writer():
            store.save_record(rec)
    return store, load_settings(db=db, workers=1, link_batch=2)


def test_link_synthesis_queue_each_story_once_after_the_last_batch(tmp_path, monkeypatch):
    store, settings = _store(tmp_path, "once")
    calls: Counter = Counter()
    real = figures.update_story_synthesis

    def counting(st, sids, mapper=None):
        calls.update(sids)
        assert st.count_pending() == 0  # every batch is linked before any story is synthesised
        return real(st, sids, mapper)

    monkeypatch.setattr(figures, "update_story_synthesis", counting)
    assert link_pending(store, settings) == len(ARTICLES)
    stories = set(store.story_ids())
    assert set(calls) >= stories and max(calls.values()) == 1  # four batches, one synthesis per story
    assert store.count_pending_synthesis() == 0 and check(store)["ok"]
    linked = _synthesis(store)
    assert any(linked["summaries"].values())
    with store.transaction():  # recomputing every story from its members changes nothing
        real(store, stories)
    assert _synthesis(store) == linked
    store.close()


def test_link_synthesis_queue_killed_before_synthesis_is_finished_by_the_next_run(tmp_path, monkeypatch):
    whole, settings = _store(tmp_path, "whole")
    link_pending(whole, settings)
    want = _synthesis(whole)
    whole.close()

    store, settings = _store(tmp_path, "killed")

    def killed(*a, **kw):
        raise KeyboardInterrupt  # the process dies after its last batch was linked

    monkeypatch.setattr(figures, "update_story_synthesis", killed)
    with pytest.raises(KeyboardInterrupt):
        link_pending(store, settings)
    monkeypatch.undo()
    report = check(store)
    assert report["pending_links"] == 0 and report["pending_synthesis"] > 0 and not report["ok"]
    assert link_pending(store, settings) == 0  # nothing to link; the queued stories are synthesised
    assert check(store)["ok"]
    assert _synthesis(store) == want
    store.close()
