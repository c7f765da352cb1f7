"""The pure parts of synthesis linking: functions of plain data, mapped in-process or on Dask workers.

:mod:`.figures` reads each item from the store, maps one of these over the items
(:mod:`newsdesk.engine.link_map`) and writes the results, so they never touch the store and give
the same results wherever they run.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .compare import Claim, aligned, build_claims, discrepancies, group_rows, vocab
from .quote_groups import group_quotes
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


@dataclass
class StoryOutput:
    story: str
    summary: list[dict[str, Any]]
    discrepancies: list[dict[str, Any]]
    quote_groups: list[dict[str, Any]]


def story_synthesis(inp: StoryInput) -> StoryOutput:
    """Summary, in-story discrepancies and quote groups of one story."""
    claims = build_claims(inp.articles, inp.amounts, inp.mentions, inp.country, inp.canonical)
    rows = [r for r in discrepancies(claims) if r["story_id"] == inp.story]
    by_id = {a["id"]: a for a in inp.articles}
    quotes = []
    for q in inp.quotes:
        a = by_id[q["article_id"]]
        quotes.append({**q, "published": a["published"], "story_id": a["story_id"], "outlet": a["outlet"],
                       "duplicate_of": a["duplicate_of"]})
    groups = [g for g in group_quotes(quotes, inp.canonical) if g["story_id"] == inp.story]
    return StoryOutput(inp.story, summarize(inp.articles), rows, groups)


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
