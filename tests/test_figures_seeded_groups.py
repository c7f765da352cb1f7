"""Cross-story claim groups are seeded by direct alignment, whatever order and batches the claims came in.

On Reuters articles (read from ../shared/corpus/reuters21578.jsonl, never copied into the repo) linked
in one batch, in small batches, and in two runs whose ids interleave, the stored groups and cross-story
rows equal an oracle that tests every pair of claims sharing a block on the final store; every member
of a group is aligned with its seed; a delete leaves what the oracle gives without the article.
Across stories two claims align only when they name a common actor (``cross_story_needs_actor``); the
blocks are then keyed on the actor too, and the oracle still tests every pair of a stored block. The
grouping itself is also checked with the rule off, where these few articles make more groups. The
neighbours read through the actor index (``claim_actors``) are those reading every block neighbour gives,
also after a later entity link gives a stored actor key another canonical key.
"""
from __future__ import annotations

from itertools import islice

import pytest

from newsdesk.config import load_settings
from newsdesk.corpus.compare import Claim, aligned, vocab
from newsdesk.corpus.delete import delete_article
from newsdesk.corpus.figures import _group_claims
from newsdesk.corpus.link import link_pending
from newsdesk.corpus.link_tasks import group_discrepancies
from newsdesk.engine.local import run_local
from newsdesk.errors import RejectedInput
from newsdesk.readers import read_file
from newsdesk.records import RawDoc
from newsdesk.store import open_store
from paths import ROOT

REUTERS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl"
ARTICLES = 240


@pytest.fixture(scope="module")
def records(models):
    settings = load_settings(db="unused.db", workers=1)
    docs = islice((d for d in read_file(REUTERS, settings) if isinstance(d, RawDoc)), ARTICLES)
    out = [r for r in run_local(docs, settings, workers=1) if not isinstance(r, RejectedInput)]
    assert len(out) >= ARTICLES * 0.8, "Reuters corpus missing"
    return out


def _link(tmp_path, name: str, runs: list[list], link_batch: int):
    db = str(tmp_path / f"{name}.db")
    store = open_store(db)
    settings = load_settings(db=db, link_batch=link_batch)
    for run in runs:
        for rec in run:
            with store.writer():
                store.save_record(rec)
        link_pending(store, settings)
    return store, settings


def _state(store) -> tuple[dict[str, str | None], dict[str, dict]]:
    with store.engine.connect() as conn:
        grp = dict(conn.exec_driver_sql("select amount_id, grp from claims").all())
    rows = {r["id"]: {k: r[k] for k in ("kind", "about", "note", "block")} | {"claims": sorted(
        c["amount"] for c in r["claims"])} for r in store.discrepancies_of(None)}
    return grp, rows


def _oracle(store) -> tuple[dict[str, str | None], dict[str, dict], list]:
    """Seeds and rows from every pair of claims sharing a block, on the store as it is now."""
    with store.engine.connect() as conn:
        pairs = conn.exec_driver_sql("select amount_id, block from claim_blocks").all()
        grp = {a: None for (a,) in conn.exec_driver_sql("select amount_id from claims").all()}
    blocks: dict[str, set[str]] = {}
    for a, b in pairs:
        blocks.setdefault(b, set()).add(a)
    claims = {c.id: c for c in _group_claims(store, {a for a, _ in pairs})}
    near: dict[str, set[str]] = {}
    for ids in blocks.values():
        for a in ids:
            for b in ids:
                if a != b and a in claims and b in claims and aligned(claims[a], claims[b], across=True):
                    near.setdefault(a, set()).add(b)
    grp.update({a: min(n | {a}) for a, n in near.items()})
    groups: dict[str, set[str]] = {}
    for a, g in grp.items():
        if g:
            groups.setdefault(g, {g}).add(a)
    rows = {}
    for g, ids in groups.items():
        for r in group_discrepancies([claims[a] for a in sorted(ids)]):
            rows[r["id"]] = {k: r[k] for k in ("kind", "about", "note")} | {
                "block": g, "claims": sorted(c["amount"] for c in r["claims"])}
    return grp, rows, [(claims[g], [claims[a] for a in ids if a != g]) for g, ids in groups.items()]


@pytest.fixture(params=[True, False], ids=["actor rule", "no actor rule"])
def actor_rule(request, monkeypatch):
    monkeypatch.setitem(vocab(), "cross_story_needs_actor", request.param)
    return request.param


def test_figures_seeded_groups_equal_the_oracle_in_any_batches(records, tmp_path, actor_rule):
    ids = sorted(r.id for r in records)
    late = {i for i in ids[::3]}  # a third of the ids, spread over the id order, comes in a second run
    runs = {"one batch": ([records], 1000), "small batches": ([records], 7),
            "two runs": ([[r for r in records if r.id not in late], [r for r in records if r.id in late]], 50)}
    for name, (parts, batch) in runs.items():
        store, _ = _link(tmp_path, name.replace(" ", "-"), parts, batch)
        grp, rows = _state(store)
        want_grp, want_rows, groups = _oracle(store)
        store.close()
        assert grp == want_grp, name
        assert rows == want_rows, name
    if not actor_rule:  # without it the articles do make cross-story groups
        assert sum(len(m) for _, m in groups) >= 10 and len(rows) >= 3
    for seed, members in groups:  # no chains: every member aligned with its seed, the seed the smallest
        assert all(aligned(seed, c, across=True) and seed.id < c.id for c in members)
        assert not actor_rule or all(seed.actors & c.actors for c in members)


def _claim(cid: str, story: str, actors: set[str]) -> Claim:
    return Claim(cid, f"art-{cid}", None, story, None, 4.1, "percent", 4.1, "percent", False, None, None,
                 "1987-02", (0, 1, "x"), (0, 1, "x"), terms={"retail", "sale", "grow"}, actors=actors)


def test_figures_claims_of_two_stories_align_only_with_a_common_actor():
    a, b = _claim("a", "s1", {"USA"}), _claim("b", "s2", {"USA", "Q30"})
    assert aligned(a, b, across=True)
    assert not aligned(a, _claim("c", "s2", set()), across=True)  # a side without an actor no longer fits any
    assert not aligned(_claim("d", "s1", set()), _claim("e", "s2", set()), across=True)
    assert not aligned(a, _claim("f", "s2", {"JPN"}), across=True)
    assert aligned(a, _claim("g", "s1", set()))  # inside one story the rule is unchanged


def test_figures_seeded_groups_after_a_delete_equal_the_oracle(records, tmp_path, actor_rule):
    store, settings = _link(tmp_path, "delete", [records], 100)
    grp, _ = _state(store)
    seeds = {g for a, g in grp.items() if g and g != a} or set(grp)  # with the actor rule there may be none
    victim = sorted(seeds)[len(seeds) // 2].rsplit("-a", 1)[0]  # an article holding the seed of a group
    delete_article(store, victim, settings)
    grp, rows = _state(store)
    want_grp, want_rows, _ = _oracle(store)
    store.close()
    assert not any(a.startswith(victim) or (g or "").startswith(victim) for a, g in grp.items())
    assert grp == want_grp
    assert rows == want_rows


def test_figures_seeded_groups_regrouped_in_pages_and_by_the_migration_equal_the_oracle(records, tmp_path, actor_rule):
    from alembic import command

    from newsdesk.corpus.figures import regroup_all
    from newsdesk.store import core

    store, _ = _link(tmp_path, "pages", [records], 100)
    want_grp, want_rows, _ = _oracle(store)
    with store.transaction():
        regroup_all(store, page=17)  # claims of one group fall in different pages
    assert _state(store) == (want_grp, want_rows)
    with store.engine.begin() as conn:  # a store of the transitive groups: 0011 and back to the head
        command.downgrade(core._alembic_config(conn), "0011")
    assert not any(_state(store)[0].values()) and not _state(store)[1]
    with store.engine.begin() as conn:
        command.upgrade(core._alembic_config(conn), "head")
    assert _state(store) == (want_grp, want_rows)
    store.close()


def test_figures_seeded_groups_actor_index_finds_what_reading_every_block_neighbour_finds(records, tmp_path):
    """The neighbours read through ``claim_actors`` (keys as linked) are those whose actors, with the entity
    links of now, share one with a fresh claim of a shared block: the same as reading every claim of the
    blocks, also after an entity link that came later gives a stored key another canonical key."""
    from newsdesk.corpus.figures import _actors, _sharing_actor

    store, _ = _link(tmp_path, "index", [records], 100)
    with store.engine.connect() as conn:  # claim A names entity k0, claim B of a shared block names k1, not k0
        pair = conn.exec_driver_sql(
            "select x.amount_id, x.key, y.amount_id, y.key from claim_actors x "
            "join claim_blocks bx on bx.amount_id = x.amount_id join claim_blocks by on by.block = bx.block "
            "join claim_actors y on y.amount_id = by.amount_id "
            "where y.amount_id <> x.amount_id and x.key like '%:%' and y.key like '%:%' and y.key <> x.key "
            "and not exists (select 1 from claim_actors z where z.amount_id = y.amount_id and z.key = x.key) "
            "order by x.amount_id, y.amount_id limit 1").first()
    assert pair, "no two claims of a block naming two entities"
    a, k0, b, k1 = pair
    fresh = {a}
    blocks = store.blocks_of(fresh)
    assert b not in _sharing_actor(store, fresh, blocks, _actors(store, fresh)[1])
    with store.engine.begin() as conn:  # k1 now resolves to k0: an entity link made after B was linked
        conn.exec_driver_sql("insert into entity_links(key, canonical) values (?, ?)", (k1, k0))
    assert b in _sharing_actor(store, fresh, blocks, _actors(store, fresh)[1])
    with store.engine.connect() as conn:  # and, for claims at large, the same set as reading every neighbour
        fresh = {a} | {r for (r,) in conn.exec_driver_sql(
            "select distinct amount_id from claim_actors order by amount_id limit 40").all()}
    blocks = store.blocks_of(fresh)
    every = store.block_claims(sorted({b for bs in blocks.values() for b in bs}))
    now = _actors(store, set(every) | fresh)[1]
    fresh_actors: dict[str, set[str]] = {}
    for a in fresh:
        for b in blocks.get(a, ()):
            fresh_actors.setdefault(b, set()).update(now.get(a, ()))
    want = {a: bs for a, bs in every.items()
            if a in fresh or any(now.get(a, set()) & fresh_actors.get(b, set()) for b in bs)}
    got = _sharing_actor(store, fresh, blocks, {a: now[a] for a in fresh if a in now})
    store.close()
    assert got == want
    assert len(want) > len(fresh)  # the fresh claims do meet stored ones
