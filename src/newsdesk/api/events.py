"""/api/events: coded PLOVER events with filters and keyset pages."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from .articles import DATE
from .auth import require_read
from .deps import get_store, limit_param, resolve_ref
from .pagination import decode_cursor, page_body

router = APIRouter(prefix="/api", tags=["events"], dependencies=[Depends(require_read)])


@router.get("/events")
def list_events(request: Request, type: list[str] = Query([], description="PLOVER type(s), e.g. CONSULT"),
                actor: str | None = Query(None, description="source actor (key, id, code or name)"),
                target: str | None = Query(None, description="target actor"),
                country: str | None = Query(None, pattern=r"^[A-Za-z]{3}$", description="ISO3 of either side"),
                since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE),
                place: str | None = Query(None, description="location name (substring) or its ISO3"),
                story: str | None = None, cursor: str | None = None,
                limit: int = Depends(limit_param)) -> dict[str, Any]:
    """Events newest first (merged duplicates hidden: they are sources of the event they joined)."""
    store = get_store(request)
    articles = store.story_article_ids(store.story_row(story)["id"]) if story else None
    items, nxt = store.events_page(
        types=type, actor=resolve_ref(request, actor).keys if actor else (),
        target=resolve_ref(request, target).keys if target else (), country=country, since=since, until=until,
        place=place, articles=articles, after=decode_cursor(cursor), limit=limit)
    return page_body(items, nxt)
