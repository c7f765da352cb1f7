"""Incremental synthesis after linking: the touched stories, and the claim blocks of new articles.

:func:`newsdesk.corpus.brief.update_synthesis` recomputes every cross-story comparison; here a new
article's dated claims are compared only inside their blocks (canonical unit, year and measure term:
see :func:`.claims.block_keys`, and across stories the actor too, read through ``claim_actors``; a row
found in two blocks is written once), and each queued story is recomputed from its own members, once
after a run's last batch (:func:`newsdesk.corpus.link.synthesize_pending`). Claim features come from the pipeline
(:mod:`.claims`), so nothing here parses text. Reads and writes happen here, in the caller's
transaction; the pure work between them (:mod:`.link_tasks`) runs on a mapper (:mod:`newsdesk.engine.link_map`).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from ..engine.link_map import Mapper, serial_map
from .claims import claim_actors
from .compare import MAX_CONFLICT_RATIO, Claim, build_claims, normalise_unit, vocab
from .link_tasks import BlockInput, StoryInput, block_pairs, group_discrepancies, omitted_rows, story_synthesis

STORY_READ_CHUNK = 200  # stories read, computed and written per round: bounds the memory of one round
REGROUP_PAGE = 2000  # claims grouped per round when every claim is grouped again: bounds its memory


def update_story_synthesis(store: Any, story_ids: Iterable[str], mapper: Mapper | None = None,
                           anew: bool = False) -> None:
    """Summary, in-story discrepancies and quote groups of these stories, from their members only.

    Read here, computed by ``mapper`` (one story per item: stories are independent), written here. What a
    story's last synthesis kept spares testing its old pairs again (:mod:`.story_state`; same rows), unless
    ``anew``."""
    sids = sorted(set(story_ids))
    for k in range(0, len(sids), STORY_READ_CHUNK):
        chunk = sids[k:k + STORY_READ_CHUNK]
        inputs = _story_inputs(store, chunk, anew)
        outs = (mapper or serial_map)(story_synthesis, inputs)
        outs = _complete(store, inputs, outs, mapper or serial_map)
        store.save_summaries({out.story: out.summary for out in outs})
        store.save_story_states({out.story: out.kept for out in outs})
        for kept in (False, True):  # a story whose kept groups held rewrites only the rows of changed groups
            part = [o for o in outs if (o.unchanged.get("claims") is not None) == kept]
            store.replace_discrepancies([o.story for o in part], [r for o in part for r in o.discrepancies],
                                        unchanged={i for o in part for i in o.unchanged["claims"]} if kept else None)
            part = [o for o in outs if (o.unchanged.get("quotes") is not None) == kept]
            store.replace_quote_groups([o.story for o in part], [g for o in part for g in o.quote_groups],
                                       unchanged={i for o in part for i in o.unchanged["quotes"]} if kept else None)


def _complete(store: Any, inputs: list[StoryInput], outs: list[Any], mapper: Mapper) -> list[Any]:
    """The outputs, where a story left out rows of unchanged groups that the store does not hold (a row once
    shadowed by a cross-story row of the same id, or removed by hand) computed again from every pair: a
    row left out is one its last synthesis wrote, and only the stored copy may stand for it."""
    wanted = {o.story: omitted_rows(o) for o in outs}
    if not any(wanted.values()):
        return outs
    held = store.story_row_ids("discrepancies", [sid for sid, ids in wanted.items() if ids])
    redo = {sid for sid, ids in wanted.items() if not ids <= held.get(sid, set())}
    if not redo:
        return outs
    again = iter(mapper(story_synthesis, [dataclasses.replace(i, kept=None) for i in inputs if i.story in redo]))
    return [next(again) if o.story in redo else o for o in outs]


def _story_inputs(store: Any, sids: list[str], anew: bool = False) -> list[StoryInput]:
    """Each story's members with their rows (and what its last synthesis kept), read for all the stories at once."""
    found = store.story_members(sids)  # one read for the chunk, not one per story
    members = {sid: found.get(sid, []) for sid in sids}
    kept = {} if anew else store.story_states(sids)
    ids = sorted({a for m in members.values() for a in m})
    articles = store.synthesis_articles(ids)
    amounts = store.synthesis_items("amounts", ids)
    # mentions serve the claims only (their actors): those of members without an amount are not read
    mentions = store.synthesis_items("mentions", {a["article_id"] for a in amounts})
    quotes = store.synthesis_items("quotes", ids)
    keys = {m["entity"] for m in mentions} | {a["about_entity"] for a in amounts if a["about_entity"]}
    ents = store.entity_rows(keys)
    canon = store.canonical_keys(keys | {q["speaker_entity"] for q in quotes})
    story_of = {a: sid for sid, m in members.items() for a in m}

    def by_story(rows: list[dict[str, Any]], key: str = "article_id") -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {sid: [] for sid in sids}
        for r in rows:  # keeps the store's order, as a read of one story's rows would
            out[story_of[r[key]]].append(r)
        return out

    arts, ams, mes, qus = by_story(articles, "id"), by_story(amounts), by_story(mentions), by_story(quotes)
    inputs = []
    for sid in sids:
        own = {m["entity"] for m in mes[sid]} | {a["about_entity"] for a in ams[sid] if a["about_entity"]}
        speakers = {q["speaker_entity"] for q in qus[sid]}
        inputs.append(StoryInput(sid, arts[sid], ams[sid], mes[sid], qus[sid],
                                 {k: ents[k]["country"] for k in own if k in ents},
                                 {k: canon[k] for k in own | speakers if k in canon}, kept.get(sid)))
    return inputs


def update_blocks(store: Any, blocks: Iterable[str], mapper: Mapper | None = None) -> int:
    """Regroup every claim in these blocks from scratch (after a delete); returns rows written."""
    return _regroup(store, set(store.block_claims(sorted(set(blocks)))), mapper or serial_map)


def add_to_blocks(store: Any, article_ids: Iterable[str], mapper: Mapper | None = None,
                  story_ids: Iterable[str] = ()) -> int:
    """Group the dated claims of these articles with the claims sharing a block with them; returns rows written.

    A group's rows are cross-story only while its claims lie in two stories or more, so the groups holding
    a claim of a member of ``story_ids`` (stories that gained or absorbed members) whose rows are stored
    but now lie in one story, or lie in two but have none stored, are emitted again too."""
    members = store.story_members(sorted(set(story_ids))) if story_ids else {}
    moved = store.article_claim_groups({a for ids in members.values() for a in ids})
    return _regroup(store, set(store.blocks_of(_article_amounts(store, article_ids))), mapper or serial_map,
                    _flipped(store, set(moved) | set(moved.values())))


def _flipped(store: Any, groups: set[str]) -> set[str]:
    """The groups whose stored rows disagree with the stories their claims lie in now."""
    stories, with_rows = store.group_stories(groups), store.groups_with_rows(groups)
    # rows are kept unless every claim lies in one and the same story (group_rows' story_id)
    return {g for g, st in stories.items() if (len(st) > 1 or None in st) != (g in with_rows)}


def regroup_all(store: Any, mapper: Mapper | None = None, page: int = REGROUP_PAGE) -> int:
    """Group every claim again from scratch (migration 0012), a page of claims at a time: a claim gets
    its whole seed when its page comes, and a later page only lowers a seed to a claim it aligns with,
    so after the last page every seed and group is what linking them one by one gives. Returns rows written."""
    store.clear_claim_groups()
    rows, last = 0, ""
    while ids := store.block_amounts_after(last, page):
        rows += _regroup(store, set(ids), mapper or serial_map)
        last = ids[-1]
    return rows


def _article_amounts(store: Any, article_ids: Iterable[str]) -> list[str]:
    return sorted(a["id"] for a in store.synthesis_items("amounts", sorted(set(article_ids))))


def _regroup(store: Any, fresh: set[str], mapper: Mapper, also: set[str] = frozenset()) -> int:
    """Cross-story groups seeded by direct alignment (claims are compared when they share a block).

    A claim's group is named by its seed: the smallest of itself and the claims aligned with it (none
    when nothing aligns with it). The rows of a group are those of its members and its seed, so every
    claim of a group is aligned with the seed itself: groups never chain through intermediate claims,
    and a group is a function of the stored claims, whatever order they came in. A fresh claim gets
    its seed from its own aligned pairs, and a stored claim aligned with it can only get a smaller
    seed (the fresh claim); so only the fresh claims, the claims they align with and the groups these
    leave or join change, and only those groups are emitted again (and the groups ``also`` names).
    ``fresh`` claims get their seed from scratch (after a delete, every claim of the deleted claims'
    blocks). The pair tests, one block per item, run on ``mapper``."""
    if not fresh and not also:
        return 0
    blocks = store.blocks_of(fresh)
    raw, actors = _actors(store, fresh)
    store.save_claim_actors({a: (raw[a][0], blocks.get(a, set()), raw[a][1]) for a in fresh if a in raw})
    needs_actor = vocab()["cross_story_needs_actor"]
    if needs_actor:  # only the block neighbours naming a fresh claim's actor: read through the actor index
        near = _within_ratio(store, fresh, blocks, _sharing_actor(store, fresh, blocks, actors))
    else:
        near = _within_ratio(store, fresh, blocks, store.block_claims(sorted({b for bs in blocks.values() for b in bs})))
    blocks.update({a: near[a] for a in near})
    claims = _group_claims(store, set(near) | fresh)
    old = store.claim_groups(set(near) | fresh)
    by_block: dict[str, list[tuple[int, Any, bool, frozenset[str]]]] = {}
    for i, c in enumerate(claims):
        # across stories only claims naming a common actor align, so a block is also keyed on the actor
        own = frozenset(f"{b}|{x}" for b in blocks.get(c.id, ()) for x in c.actors) if needs_actor \
            else frozenset(blocks.get(c.id, ()))
        for b in own:
            by_block.setdefault(b, []).append((i, c, c.id in fresh, own))
    items = [BlockInput(b, m) for b, m in sorted(by_block.items()) if any(x[2] for x in m)]
    aligned_with: dict[str, set[str]] = {}  # every pair holds a fresh claim: a stored claim's set is its fresh ones
    for pairs in mapper(block_pairs, items):
        for i, j in pairs:
            aligned_with.setdefault(claims[i].id, set()).add(claims[j].id)
            aligned_with.setdefault(claims[j].id, set()).add(claims[i].id)
    seed: dict[str, str | None] = {}
    for a in fresh:
        seed[a] = min(aligned_with[a] | {a}) if a in aligned_with else None
    for a, with_fresh in aligned_with.items():
        if a not in fresh:
            seed[a] = min(old.get(a) or a, *with_fresh)
    changed = {a: g for a, g in seed.items() if old.get(a) != g}
    # the groups that gain or lose a member, and a fresh claim's own, old and new (a fresh claim may be
    # an article's new copy link, or may have lost a member after a delete), and the one it seeds
    touched = {g for a in set(changed) | fresh for g in (old.get(a), seed.get(a)) if g} | fresh | also
    members = {a: g for a, g in store.group_members(touched).items() if a not in seed}
    members.update({a: g for a, g in seed.items() if g in touched})
    groups: dict[str, set[str]] = {}
    for a, g in members.items():
        groups.setdefault(g, {g}).add(a)
    built = {c.id: c for c in claims}
    missing = {a for ids in groups.values() for a in ids} - set(built)
    built.update({c.id: c for c in _group_claims(store, missing)} if missing else {})
    rows: list[dict[str, Any]] = []
    for g, ids in sorted(groups.items()):
        group = [built[a] for a in sorted(ids) if a in built]
        rows += [{**r, "block": g} for r in group_discrepancies(group)]
    store.replace_group_discrepancies(touched, rows)
    store.save_claim_groups(changed)
    return len(rows)


def _group_claims(store: Any, amount_ids: set[str]) -> list[Claim]:
    """Claims of these amounts only (as :func:`.brief._claims` builds them for whole articles)."""
    amounts = store.claim_amounts(amount_ids)
    arts = sorted({a["article_id"] for a in amounts})
    mentions = store.synthesis_items("mentions", arts)
    keys = {m["entity"] for m in mentions} | {a["about_entity"] for a in amounts if a["about_entity"]}
    ents = store.entity_rows(keys)
    return build_claims(store.claim_articles(arts), amounts, mentions,
                        {k: e["country"] for k, e in ents.items()}, store.canonical_keys(keys))


def _sharing_actor(store: Any, fresh: set[str], blocks: dict[str, set[str]],
                   actors: dict[str, set[str]]) -> dict[str, set[str]]:
    """The fresh claims and the claims sharing a block with one of them and naming, in that block, one of
    its actors (the only ones that can align with it across stories), with all their blocks. Read through
    ``claim_actors`` (block, actor key as stored, before entity links): a stored key is looked up under
    every key that resolves to the wanted one now, so the set is what the claims' actors give today."""
    fresh_actors: dict[str, set[str]] = {}
    for a in fresh:
        for b in blocks.get(a, ()):
            fresh_actors.setdefault(b, set()).update(actors.get(a, ()))
    wanted = set().union(*fresh_actors.values()) if fresh_actors else set()
    aliases: dict[str, set[str]] = {k: {k} for k in wanted}  # canonical key -> the stored keys it stands for
    for key, canonical in store.links_into(wanted).items():
        if canonical in aliases:
            aliases[canonical].add(key)
    named = store.claims_naming((b, k) for b, ks in fresh_actors.items() for x in ks for k in aliases[x])
    canonical = store.canonical_keys({k for ps in named.values() for _, k in ps})
    keep = {a for a, ps in named.items() if a not in fresh
            and any(canonical.get(k, k) in fresh_actors.get(b, ()) for b, k in ps)}
    return {**store.blocks_of(keep), **{a: blocks[a] for a in fresh if a in blocks}}


def _actors(store: Any, amount_ids: set[str]) -> tuple[dict[str, tuple[str, set[str]]], dict[str, set[str]]]:
    """amount id -> (article id, actor keys before entity links), and amount id -> actor keys as
    :func:`_group_claims` fills them; claims without stored features have neither."""
    amounts = [a for a in store.claim_amounts(amount_ids) if a["claim"] is not None]
    mentions = store.synthesis_items("mentions", sorted({a["article_id"] for a in amounts}))
    keys = {m["entity"] for m in mentions} | {a["about_entity"] for a in amounts if a["about_entity"]}
    country = {k: e["country"] for k, e in store.entity_rows(keys).items()}
    canonical = store.canonical_keys(keys)
    by_article: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        by_article.setdefault(m["article_id"], []).append(m)
    raw, now = {}, {}
    for a in amounts:
        ms = by_article.get(a["article_id"], [])
        raw[a["id"]] = (a["article_id"], claim_actors(a["claim"], ms, country, {}, a["about_entity"]))
        now[a["id"]] = claim_actors(a["claim"], ms, country, canonical, a["about_entity"])
    return raw, now


def _within_ratio(store: Any, fresh: set[str], blocks: dict[str, set[str]],
                  near: dict[str, set[str]]) -> dict[str, set[str]]:
    """The block neighbours whose value could align with a fresh claim of a shared block: aligned claims
    are never more than MAX_CONFLICT_RATIO apart, so this drops only claims no fresh one can meet, and
    reads two columns instead of their articles."""
    vals = {a: normalise_unit(u, v)[1] for a, (v, u) in store.amount_values(set(near) | fresh).items()}
    fresh_vals: dict[str, list[float]] = {}
    for a in fresh:
        if a in vals:
            for b in blocks.get(a, ()):
                fresh_vals.setdefault(b, []).append(vals[a])

    def close(x: float, y: float) -> bool:  # the ratio test of compare.aligned
        return max(x, y) / max(min(x, y), 1e-12) <= MAX_CONFLICT_RATIO

    return {a: bs for a, bs in near.items()
            if a in fresh or a not in vals or any(close(vals[a], f) for b in bs for f in fresh_vals.get(b, ()))}


def update_synthesis_for(store: Any, story_ids: Iterable[str], article_ids: Iterable[str],
                         mapper: Mapper | None = None) -> None:
    """What linking these articles into these stories changes in briefings: the claim groups now (pure
    parts on ``mapper``); the stories are queued, and synthesised once after the last batch of the run
    (:func:`newsdesk.corpus.link.link_pending`), not once per batch that touches them."""
    store.queue_synthesis(story_ids)
    add_to_blocks(store, article_ids, mapper, story_ids)
