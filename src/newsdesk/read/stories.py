"""Stories: the paged list and one story with its briefing, articles, events, quotes and figures.

Neither carries the clustering state (term weights): it is internal and was most of the payload.
"""
from __future__ import annotations

from typing import Any

from ..store import Store
from .paging import check_limit, decode_cursor, page_body


def list_stories(store: Store, *, cursor: str | None = None, limit: int | None = None) -> dict[str, Any]:
    """Stories newest first with their outlets and article counts: ``{"items", "next"}``."""
    items, nxt = store.stories_page(after=decode_cursor(cursor), limit=check_limit(limit))
    return page_body(items, nxt)


def story_detail(store: Store, story_id: str) -> dict[str, Any]:
    """A story with its briefing (the stored summary), articles, events, quotes, figures and comparisons."""
    story = store.story_row(story_id)
    ids = store.story_article_ids(story_id)
    events, _ = store.events_page(articles=ids, limit=None)
    events.sort(key=lambda e: (e["date"] or "9999", e["id"]))
    return {
        **story,
        "briefing": story.get("summary"),
        "articles": store.article_summaries(ids),
        "events": events,
        "quotes": store.items_for_articles("quotes", ids),
        "amounts": store.items_for_articles("amounts", ids),
        "quote_groups": store.quote_group_rows(story_id),
        "discrepancies": store.discrepancy_rows(story_id),
    }


def list_discrepancies(store: Store, story: str | None = None) -> dict[str, Any]:
    """Corroborations and conflicts between sources (filled by the corpus comparison step)."""
    return {"items": store.discrepancy_rows(story), "next": None}
