"""A story's synthesis keeps its groups (migration 0018): a story that grew tests only its new items' pairs,
stores what recomputing it from every pair stores, and drops what it kept when an item changed or left."""
from __future__ import annotations

import random
from itertools import islice

import pytest

from newsdesk.config import load_settings
from newsdesk.corpus import figures, link_tasks, quote_groups as qg
from newsdesk.corpus.brief import update_synthesis
from newsdesk.corpus.delete import delete_article
from newsdesk.corpus.link import link_pending, synthesize_pending
from newsdesk.corpus.story_state import keep, plan
from newsdesk.engine.local import run_local
from newsdesk.errors import RejectedInput
from newsdesk.readers import read_file
from newsdesk.records import RawDoc
from newsdesk.store import open_store
from paths import ROOT
from pg_fixtures import pg_databases  # noqa: F401  (fixture)
from test_quote_groups_blocked import CANONICAL, _quotes, _reference

REUTERS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl"
ARTICLES = 240


def test_plan_reuses_kept_groups_only_while_every_item_is_unchanged():
    sigs = {"a": "1", "b": "2", "c": "3"}
    kept = keep({"a": "1", "b": "2"}, [["b", "a"]])
    assert plan(kept, ["a", "b", "c"], sigs) == ([["a", "b"]], {2})
    assert plan(kept, ["a", "c"], {"a": "1", "c": "3"}) == ([], None)  # b left the story
    assert plan(kept, ["a", "b", "c"], {**sigs, "b": "changed"}) == ([], None)  # b's copy/entity link moved
    assert plan(None, ["a"], {"a": "1"}) == ([], None)


def test_quote_groups_kept_plus_fresh_pairs_are_those_of_every_pair(monkeypatch):
    # wording similarity stubbed by the statement number, as in test_quote_groups_blocked
    monkeypatch.setattr(qg, "_similarity", lambda a, b, cache=None: 1.0 if a["text"] == b["text"] else 0.0)
    grew = 0
    for seed in range(25):
        quotes = _quotes(random.Random(seed), 60)
        old = quotes[:40]
        spoken, found = qg.quote_components(old, CANONICAL)
        kept = [[spoken[i]["id"] for i in g] for g in found]
        rows = qg.group_quotes(quotes, CANONICAL, kept, {q["id"] for q in quotes[40:]})
        groups = sorted(sorted(r["quotes"]) for r in rows)
        assert groups == sorted(_reference(quotes, CANONICAL))
        assert rows == qg.group_quotes(quotes, CANONICAL)
        grew += groups != sorted(sorted(g) for g in kept)  # new quotes joined or opened groups
    assert grew


def _synthesis(store) -> dict:
    drop = ("created_at", "updated_at")
    rows = {t: sorted(str({k: v for k, v in r.items() if k not in drop}) for r in store.table_rows(t))
            for t in ("discrepancies", "quote_groups")}
    return {"summaries": {r["id"]: r["summary"] for r in store.stories_by_id(store.story_ids())}, **rows}


@pytest.fixture(scope="module")
def records(models):
    """Reuters stories (read from ../shared, never copied into the repo): real figures and quotes that
    stories gain over several runs."""
    settings = load_settings(db="unused.db", workers=1)
    docs = islice((d for d in read_file(REUTERS, settings) if isinstance(d, RawDoc)), ARTICLES)
    out = [r for r in run_local(docs, settings, workers=1) if not isinstance(r, RejectedInput)]
    assert len(out) >= ARTICLES * 0.8, "Reuters corpus missing"
    return out


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_story_state_a_grown_story_tests_new_pairs_only_and_stores_the_rows_of_every_pair(
        tmp_path, records, monkeypatch, backend, pg_databases):  # noqa: F811
    db = str(tmp_path / "s.db") if backend == "sqlite" else pg_databases.create()
    store, settings = open_store(db), load_settings(db=db, workers=1)
    joined: list[int] = []  # per synthesis that started from kept groups: kept groups that new claims joined
    real = link_tasks.claim_groups

    def noting(claims, kept, fresh):
        out = real(claims, kept, fresh)
        if fresh is not None:
            joined.append(sum(1 for g in out if any(i in fresh for i in g) and not all(i in fresh for i in g)))
        return out

    monkeypatch.setattr(link_tasks, "claim_groups", noting)
    order = sorted(records, key=lambda r: r.id)
    for part in (order[::3], order[1::3], order[2::3]):  # later runs grow stories the first made
        for rec in part:
            store.save_record(rec)
        link_pending(store, settings)
    assert sum(joined) > 0  # stories of later runs started from what they kept, and kept groups grew
    grown = _synthesis(store)
    assert any(r.find("'story_id': None") < 0 for r in grown["discrepancies"] + grown["quote_groups"])
    states = store.story_states(store.story_ids())
    assert set(states) == set(store.story_ids())
    update_synthesis(store)  # every story and every cross-story group from every pair
    assert _synthesis(store) == grown
    assert store.story_states(store.story_ids()) == states  # the same groups and signatures

    # a kept group's rows are not built again but read as stored; a story whose stored row went missing
    # (here dropped by hand) is computed again from every pair, so the row comes back
    sid = next(sid for sid in sorted(states) if any(states[sid]["claims"]["rows"].values())
               and store.discrepancies_of(sid))
    stored = store.discrepancies_of(sid)
    calls: list[tuple[str, bool, int]] = []
    real_synthesis = figures.story_synthesis

    def spying(inp):
        out = real_synthesis(inp)
        calls.append((inp.story, inp.kept is not None, len(link_tasks.omitted_rows(out))))
        return out

    monkeypatch.setattr(figures, "story_synthesis", spying)
    with store.transaction():
        store.replace_discrepancies([sid], stored[1:])
        store.queue_synthesis([sid])
    synthesize_pending(store)
    assert calls == [(sid, True, len(stored)), (sid, False, 0)]  # every row left out, then all anew
    assert _synthesis(store) == grown and store.story_states([sid])[sid] == states[sid]
    calls.clear()
    with store.transaction():
        store.queue_synthesis([sid])
    synthesize_pending(store)
    assert calls == [(sid, True, len(stored))] and _synthesis(store) == grown  # all held: nothing built again

    story = max(store.story_ids(), key=lambda s: len(store.story_article_ids(s)))
    victim = sorted(store.story_article_ids(story))[0]
    delete_article(store, victim, settings)
    after = store.story_states(store.story_ids())
    assert story not in after or story in store.story_ids()  # a dissolved story's state goes with it
    assert not any(i.startswith(victim) for st in after.values() for kind in st.values() for i in kind["seen"])
    assert set(after) == set(store.story_ids())
    store.close()


def test_story_state_rows_of_changed_groups_are_rewritten_unchanged_ones_kept(tmp_path):
    """A kept group that grew keeps its corroboration row's id (same claims) while its label changes: such a
    row is rewritten; a row of an unchanged group is left as stored; a stored row no longer produced goes."""
    store = open_store(str(tmp_path / "r.db"))

    def row(i: str, about: str) -> dict:
        return {"id": i, "kind": "corroboration", "about": about, "story_id": "s1", "claims": [], "note": "n"}

    with store.transaction():
        store.replace_discrepancies(["s1"], [row("a", "old label"), row("b", "kept"), row("c", "gone")])
        store.replace_discrepancies(["s1"], [row("a", "new label"), row("b", "ignored"), row("d", "new")],
                                    unchanged={"b"})
    got = {r["id"]: r["about"] for r in store.table_rows("discrepancies")}
    assert got == {"a": "new label", "b": "kept", "d": "new"}
    store.close()
