"""Incremental synthesis after linking: the touched stories, and the claim blocks of new articles.

:func:`newsdesk.corpus.brief.update_synthesis` recomputes every cross-story comparison; here a new
article's dated claims are compared only inside their blocks (canonical unit, year and measure term:
see :func:`.claims.block_keys`; a row found in two blocks is written once),
and each story is recomputed from its own members. Claim features come from the pipeline
(:mod:`.claims`), so nothing here parses text. Reads and writes happen here, in the caller's
transaction; the pure work between them (:mod:`.link_tasks`) runs on a mapper (:mod:`newsdesk.engine.link_map`).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..engine.link_map import Mapper, serial_map
from .compare import MAX_CONFLICT_RATIO, Claim, build_claims, normalise_unit
from .groups import DisjointSet
from .link_tasks import BlockInput, StoryInput, block_pairs, group_discrepancies, story_synthesis

STORY_READ_CHUNK = 200  # stories read, computed and written per round: bounds the memory of one round


def update_story_synthesis(store: Any, story_ids: Iterable[str], mapper: Mapper | None = None) -> None:
    """Summary, in-story discrepancies and quote groups of these stories, from their members only.

    Read here, computed by ``mapper`` (one story per item: stories are independent), written here."""
    sids = sorted(set(story_ids))
    for k in range(0, len(sids), STORY_READ_CHUNK):
        chunk = sids[k:k + STORY_READ_CHUNK]
        outs = (mapper or serial_map)(story_synthesis, _story_inputs(store, chunk))
        for out in outs:
            store.save_summary(out.story, out.summary)
        store.replace_discrepancies(chunk, [r for out in outs for r in out.discrepancies])
        store.replace_quote_groups(chunk, [g for out in outs for g in out.quote_groups])


def _story_inputs(store: Any, sids: list[str]) -> list[StoryInput]:
    """Each story's members with their rows, read for all the stories at once."""
    members = {sid: store.story_article_ids(sid) for sid in sids}
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
                                 {k: canon[k] for k in own | speakers if k in canon}))
    return inputs


def update_blocks(store: Any, blocks: Iterable[str], mapper: Mapper | None = None) -> int:
    """Regroup every claim in these blocks from scratch (after a delete); returns rows written."""
    return _regroup(store, set(store.block_claims(sorted(set(blocks)))), mapper or serial_map)


def add_to_blocks(store: Any, article_ids: Iterable[str], mapper: Mapper | None = None) -> int:
    """Group the dated claims of these articles with the claims sharing a block with them; returns rows written."""
    return _regroup(store, set(store.blocks_of(_article_amounts(store, article_ids))), mapper or serial_map)


def _article_amounts(store: Any, article_ids: Iterable[str]) -> list[str]:
    return sorted(a["id"] for a in store.synthesis_items("amounts", sorted(set(article_ids))))


def _regroup(store: Any, fresh: set[str], mapper: Mapper) -> int:
    """Cross-story groups: claims are linked when they share a block and are aligned; the groups found
    before stay (their pairs were compared then), each fresh claim is compared with the claims sharing a
    block with it, and only the groups holding a fresh claim are emitted again. The pair tests, one
    block per item, run on ``mapper``."""
    if not fresh:
        return 0
    blocks = store.blocks_of(fresh)
    near = _within_ratio(store, fresh, blocks, store.block_claims(sorted({b for bs in blocks.values() for b in bs})))
    old = store.claim_groups(set(near) | fresh)
    whole = store.group_members({g for a, g in old.items() if g and a not in fresh})
    universe = set(near) | fresh | set(whole)
    # a kept member outside ``near`` shares no block with a fresh claim, or is too far from every fresh
    # value to align with one: it only joins the group's rows, so its blocks are not read
    blocks.update({a: near[a] for a in near})
    claims = _group_claims(store, universe)
    index = {c.id: i for i, c in enumerate(claims)}
    sets: DisjointSet[int] = DisjointSet(range(len(claims)))
    first: dict[str, int] = {}
    for i, c in enumerate(claims):
        g = old.get(c.id) or whole.get(c.id)
        if g and c.id not in fresh:
            sets.union(i, first.setdefault(g, i))
    # every aligned pair sharing a block with a fresh claim is united: the same components as testing
    # them one by one, so the pair tests are independent per block
    by_block: dict[str, list[tuple[int, Any, bool, frozenset[str]]]] = {}
    for i, c in enumerate(claims):
        own = frozenset(blocks.get(c.id, ()))
        for b in own:
            by_block.setdefault(b, []).append((i, c, c.id in fresh, own))
    items = [BlockInput(b, m) for b, m in sorted(by_block.items()) if any(x[2] for x in m)]
    for pairs in mapper(block_pairs, items):
        for i, j in pairs:
            sets.union(i, j)
    changed = {sets.find(index[a]) for a in fresh if a in index}
    members: dict[int, list] = {}
    for i, c in enumerate(claims):
        if sets.find(i) in changed:
            members.setdefault(sets.find(i), []).append(c)
    rows: list[dict[str, Any]] = []
    groups: dict[str, str | None] = {a: None for a in fresh}
    stale = {g for a, g in old.items() if g} | set(whole.values())
    for group in members.values():
        gid = min(c.id for c in group)
        groups.update({c.id: gid for c in group})
        # the group is connected by aligned pairs already: emit its rows without comparing all pairs again
        # (here, not mapped: sorting a group costs less than sending it; 0.01 CPU-s for 753 groups at 1k)
        rows += [{**r, "block": gid} for r in group_discrepancies(group)]
    touched_old = {old.get(a) or whole.get(a) for a in groups} - {None}
    store.replace_group_discrepancies(touched_old & stale, rows)
    store.save_claim_groups(groups)
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
    """What linking these articles into these stories changes in briefings (pure parts run on ``mapper``)."""
    update_story_synthesis(store, story_ids, mapper)
    add_to_blocks(store, article_ids, mapper)
