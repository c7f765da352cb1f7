"""The pure parts of synthesis linking: functions of plain data, mapped in-process or on Dask workers.

:mod:`.figures` reads each item from the store, maps one of these over the items
(:mod:`newsdesk.engine.link_map`) and writes the results, so they never touch the store and give
the same results wherever they run.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .compare import Claim, aligned, build_claims, claim_groups, group_rows, rows_of_groups, vocab
from .quote_groups import quote_components, quote_group_rows, quote_signature
from .story_state import keep, plan, signature
from .summarize import summarize


@dataclass
class StoryInput:
    """What one story's synthesis reads: its member articles and their amounts, mentions and quotes."""
    story: str
    articles: list[dict[str, Any]]  # synthesis_articles rows, sorted by id
    amounts: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    country: dict[str, str | None]  # entity key -> country
    canonical: dict[str, str]  # entity key -> canonical key
    kept: dict[str, Any] | None = None  # what the story's last synthesis kept (:mod:`.story_state`); None: all anew


@dataclass
class StoryOutput:
    story: str
    summary: list[dict[str, Any]]
    discrepancies: list[dict[str, Any]]
    quote_groups: list[dict[str, Any]]
    kept: dict[str, Any] = field(default_factory=dict)  # for the next synthesis of this story
    # when the kept groups held: ids of the rows of groups that did not change (written as they are by the last
    # synthesis); those of ``discrepancies`` are left out of it when the kept state named them (see omitted_rows)
    unchanged: dict[str, set[str] | None] = field(default_factory=dict)


def omitted_rows(out: StoryOutput) -> set[str]:
    """Ids of unchanged rows that ``out`` does not carry: the store must hold them already."""
    ids = out.unchanged.get("claims")
    return ids - {r["id"] for r in out.discrepancies} if ids else set()


def claim_signature(c: Claim) -> str:
    """What :func:`.compare.aligned` reads of a claim that can change once stored (its copy link, its actors'
    entity links, its story) and the figure itself."""
    return signature(c.source, c.story, sorted(c.actors), c.unit, c.value, c.period, c.approx, sorted(c.terms))


def story_synthesis(inp: StoryInput) -> StoryOutput:
    """Summary, in-story discrepancies and quote groups of one story; with ``inp.kept``, the groups found
    last time are joined by the pairs of the new claims and quotes only (same groups, :mod:`.story_state`)."""
    kept = inp.kept or {}
    claims = build_claims(inp.articles, inp.amounts, inp.mentions, inp.country, inp.canonical)
    ids = [c.id for c in claims]
    sigs = {c.id: claim_signature(c) for c in claims}
    start, fresh = plan(kept.get("claims"), ids, sigs)
    found = claim_groups(claims, start, fresh)
    # a kept group's rows, by its smallest claim id (groups are disjoint), as its last synthesis wrote them
    known = (kept.get("claims") or {}).get("rows", {}) if fresh is not None else {}
    rows, same, row_ids = [], set(), {}
    for g in found:
        first = min(ids[i] for i in g)
        unchanged = fresh is not None and not any(i in fresh for i in g)  # only a fresh claim joins kept groups
        if unchanged and first in known:  # as it was: its rows are as last written, and only their ids are needed
            same.update(row_ids.setdefault(first, known[first]))
            continue
        mine = [r for r in rows_of_groups(claims, [g]) if r["story_id"] == inp.story]
        if unchanged:
            same.update(r["id"] for r in mine)
        rows += mine
        row_ids[first] = [r["id"] for r in mine]
    rows.sort(key=lambda r: r["id"])
    by_id = {a["id"]: a for a in inp.articles}
    quotes = []
    for q in inp.quotes:
        a = by_id[q["article_id"]]
        quotes.append({**q, "published": a["published"], "story_id": a["story_id"], "outlet": a["outlet"],
                       "duplicate_of": a["duplicate_of"]})
    qsigs = {q["id"]: quote_signature(q, inp.canonical) for q in quotes}
    qids = [q["id"] for q in quotes]
    qstart, qfresh = plan(kept.get("quotes"), qids, qsigs)
    spoken, qfound = quote_components(quotes, inp.canonical, qstart,
                                      None if qfresh is None else {qids[i] for i in qfresh})
    groups = [g for g in quote_group_rows(spoken, qfound, inp.canonical) if g["story_id"] == inp.story]
    # a quote group's row is a function of its quotes alone, so a kept group's row (same id) is as stored
    qsame = {g["id"] for g in groups} if qfresh is not None else None
    state = {"claims": {**keep(sigs, ([ids[i] for i in g] for g in found)), "rows": dict(sorted(row_ids.items()))},
             "quotes": keep(qsigs, ([spoken[i]["id"] for i in g] for g in qfound))}
    return StoryOutput(inp.story, summarize(inp.articles), rows, groups, state,
                       {"claims": same if fresh is not None else None, "quotes": qsame})


@dataclass
class BlockInput:
    """One claim block: its claims (index into the caller's list, claim, fresh?, the claim's blocks)."""
    block: str
    members: list[tuple[int, Claim, bool, frozenset[str]]]


def block_pairs(inp: BlockInput) -> list[tuple[int, int]]:
    """Aligned pairs (as claims of two stories) of a block with at least one fresh claim; a pair sharing
    several blocks is tested in the first of them only."""
    out = []
    for i, a, fresh_a, blocks_a in inp.members:
        if not fresh_a:
            continue
        for j, b, fresh_b, blocks_b in inp.members:
            if j == i or (fresh_b and j < i) or min(blocks_a & blocks_b) != inp.block:
                continue
            if aligned(a, b, across=True):
                out.append((i, j))
    return out


def group_discrepancies(claims: list[Claim]) -> list[dict[str, Any]]:
    """Cross-story rows of one group of aligned claims. Conflicts across stories are emitted only when
    ``cross_story_conflicts`` is on, and then need an actor that every claim of the group names: two
    different figures of two stories sharing year, unit, measure word and even a country were two
    different quantities in every pair we read (tests/fixtures/claim_groups_dev); equal figures from
    independent sources still corroborate each other. Conflicts within a story are not affected."""
    if len(claims) < 2:
        return []
    if vocab()["cross_story_conflicts"]:
        shared = set.intersection(*(c.actors for c in claims))
    else:
        shared = set()
    return [r for r in group_rows(claims) if r["story_id"] is None and (shared or r["kind"] != "conflict")]
