"""/api/stories and /api/discrepancies."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from ..store import Store
from .auth import require_read
from .deps import get_store, limit_param
from .pagination import decode_cursor, page_body

router = APIRouter(prefix="/api", tags=["stories"], dependencies=[Depends(require_read)])


def story_detail(store: Store, story_id: str) -> dict[str, Any]:
    """A story with its briefing (the stored summary), articles, events, quotes, figures and comparisons."""
    story = store.story_row(story_id)
    ids = store.story_article_ids(story_id)
    articles = store.article_summaries(ids)
    events, _ = store.events_page(articles=ids, limit=None)
    events.sort(key=lambda e: (e["date"] or "9999", e["id"]))
    return {
        **story,
        "briefing": story.get("summary"),
        "articles": articles,
        "events": events,
        "quotes": store.items_for_articles("quotes", ids),
        "amounts": store.items_for_articles("amounts", ids),
        "quote_groups": store.quote_group_rows(story_id),
        "discrepancies": store.discrepancy_rows(story_id),
    }


@router.get("/stories")
def list_stories(request: Request, cursor: str | None = None, limit: int = Depends(limit_param)) -> dict[str, Any]:
    """Stories, newest first, with their outlets and article counts."""
    items, nxt = get_store(request).stories_page(after=decode_cursor(cursor), limit=limit)
    return page_body(items, nxt)


@router.get("/stories/{story_id}")
def get_story(story_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    return story_detail(store, story_id)


@router.get("/discrepancies")
def list_discrepancies(story: str | None = None, store: Store = Depends(get_store)) -> dict[str, Any]:
    """Corroborations and conflicts between sources (filled by the corpus comparison step)."""
    return {"items": store.discrepancy_rows(story), "next": None}
