"""Incremental synthesis after linking: the touched stories, and the claim blocks of new articles.

:func:`newsdesk.corpus.brief.update_synthesis` recomputes every cross-story comparison; here a new
article's dated claims are compared only inside their blocks (canonical unit, year and measure term:
see :func:`.claims.block_keys`; a row found in two blocks is written once),
and each story is recomputed from its own members. Claim features come from the pipeline
(:mod:`.claims`), so nothing here parses text.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .brief import _claims, _quotes
from .compare import MAX_CONFLICT_RATIO, aligned, discrepancies, group_rows, normalise_unit
from .groups import DisjointSet
from .quote_groups import group_quotes
from .summarize import summarize


def update_story_synthesis(store: Any, story_ids: Iterable[str]) -> None:
    """Summary, in-story discrepancies and quote groups of these stories, from their members only."""
    for sid in sorted(set(story_ids)):
        members = store.story_article_ids(sid)
        articles = store.synthesis_articles(members)
        store.save_summary(sid, summarize(articles))
        rows = discrepancies(_claims(store, members, articles))
        store.replace_discrepancies([sid], [r for r in rows if r["story_id"] == sid])
        quotes = _quotes(store, members, articles)
        canon = store.canonical_keys({q["speaker_entity"] for q in quotes})
        groups = group_quotes(quotes, canon)
        store.replace_quote_groups([sid], [g for g in groups if g["story_id"] == sid])


def update_blocks(store: Any, blocks: Iterable[str]) -> int:
    """Regroup every claim in these blocks from scratch (after a delete); returns rows written."""
    return _regroup(store, set(store.block_claims(sorted(set(blocks)))))


def add_to_blocks(store: Any, article_ids: Iterable[str]) -> int:
    """Group the dated claims of these articles with the claims sharing a block with them; returns rows written."""
    return _regroup(store, set(store.blocks_of(_article_amounts(store, article_ids))))


def _article_amounts(store: Any, article_ids: Iterable[str]) -> list[str]:
    return sorted(a["id"] for a in store.synthesis_items("amounts", sorted(set(article_ids))))


def _regroup(store: Any, fresh: set[str]) -> int:
    """Cross-story groups: claims are linked when they share a block and are aligned; the groups found
    before stay (their pairs were compared then), each fresh claim is compared with the claims sharing a
    block with it, and only the groups holding a fresh claim are emitted again."""
    if not fresh:
        return 0
    blocks = store.blocks_of(fresh)
    near = _within_ratio(store, fresh, blocks, store.block_claims(sorted({b for bs in blocks.values() for b in bs})))
    old = store.claim_groups(set(near) | fresh)
    whole = store.group_members({g for a, g in old.items() if g and a not in fresh})
    universe = set(near) | fresh | set(whole)
    blocks.update(store.blocks_of(set(whole) - set(near)))
    blocks.update({a: near[a] for a in near})
    arts = sorted({a.rsplit("-a", 1)[0] for a in universe})
    claims = [c for c in _claims(store, arts, store.synthesis_articles(arts)) if c.id in universe]
    index = {c.id: i for i, c in enumerate(claims)}
    sets: DisjointSet[int] = DisjointSet(range(len(claims)))
    first: dict[str, int] = {}
    for i, c in enumerate(claims):
        g = old.get(c.id) or whole.get(c.id)
        if g and c.id not in fresh:
            sets.union(i, first.setdefault(g, i))
    by_block: dict[str, list[int]] = {}
    for c in claims:
        for b in blocks.get(c.id, ()):
            by_block.setdefault(b, []).append(index[c.id])
    for c in claims:
        if c.id not in fresh:
            continue
        i = index[c.id]
        for b in blocks.get(c.id, ()):
            for j in by_block[b]:
                if j != i and sets.find(i) != sets.find(j) and aligned(c, claims[j]):
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
        rows += [{**r, "block": gid} for r in group_rows(group) if r["story_id"] is None] if len(group) > 1 else []
    touched_old = {old.get(a) or whole.get(a) for a in groups} - {None}
    store.replace_group_discrepancies(touched_old & stale, rows)
    store.save_claim_groups(groups)
    return len(rows)


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


def update_synthesis_for(store: Any, story_ids: Iterable[str], article_ids: Iterable[str]) -> None:
    """What linking these articles into these stories changes in briefings."""
    update_story_synthesis(store, story_ids)
    add_to_blocks(store, article_ids)
