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
from .compare import discrepancies
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
    """Recompute the cross-story discrepancies of these claim blocks; returns rows written."""
    blocks = sorted(set(blocks))
    rows: list[dict[str, Any]] = []
    for block, members in sorted(store.block_members(blocks).items()):
        ids, wanted = members["articles"], set(members["amounts"])
        articles = store.synthesis_articles(ids)
        claims = [c for c in _claims(store, ids, articles) if c.id in wanted]
        rows += [{**r, "block": block} for r in discrepancies(claims) if r["story_id"] is None]
    store.replace_block_discrepancies(blocks, rows)
    return len(rows)


def update_synthesis_for(store: Any, story_ids: Iterable[str], article_ids: Iterable[str]) -> None:
    """What linking these articles into these stories changes in briefings."""
    update_story_synthesis(store, story_ids)
    update_blocks(store, store.claim_blocks(article_ids))
