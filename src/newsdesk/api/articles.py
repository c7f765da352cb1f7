"""/api/articles: list (filters, full-text search, keyset pages), one article with its spans, delete."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from ..errors import NotFound
from ..records import to_dict
from ..store import Store
from .auth import require_read, require_write
from .deps import get_store, limit_param, resolve_ref
from .pagination import decode_cursor, page_body

router = APIRouter(prefix="/api", tags=["articles"])

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ITEMS = ("mentions", "quotes", "amounts", "times", "places", "events")


def find_article_id(store: Store, ref: str) -> str:
    """A full id, or a unique prefix of one."""
    if store.has_article(ref):
        return ref
    return store.resolve_article_id(ref)


def article_detail(store: Store, ref: str) -> dict[str, Any]:
    """One article: metadata, clean text, removed boilerplate and every extracted item with its offsets."""
    article_id = find_article_id(store, ref)
    row = store.article_row(article_id)
    rec = store.get_record(article_id)
    detail = {k: v for k, v in row.items() if k not in ("raw", "source_text", "offsets", "sentences")}
    detail["story"] = detail.pop("story_id")
    names = {e.key: to_dict(e) for e in rec.entities}
    for name in ITEMS:
        detail[name] = store.items(name, article_id)
    for m in detail["mentions"]:
        ent = names.get(m["entity"])
        m["entity_name"] = ent["name"] if ent else None
        m["entity_type"] = ent["type"] if ent else None
    detail["entities"] = list(names.values())
    return detail


@router.get("/articles", dependencies=[Depends(require_read)])
def list_articles(request: Request, outlet: str | None = None,
                  since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE),
                  actor: str | None = Query(None, description="entity key, registry id/code, or name"),
                  story: str | None = None, q: str | None = Query(None, description="full-text search"),
                  cursor: str | None = None, limit: int = Depends(limit_param)) -> dict[str, Any]:
    """Articles newest first; ``next`` is the cursor of the following page (null on the last one)."""
    store = get_store(request)
    keys = resolve_ref(request, actor).keys if actor else ()
    items, nxt = store.articles_page(outlet=outlet, since=since, until=until, story=story, entities=keys,
                                     query=q, after=decode_cursor(cursor), limit=limit)
    return page_body(items, nxt)


@router.get("/articles/{article_id}", dependencies=[Depends(require_read)])
def get_article(article_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    """One article with its quotes, amounts, times, places, mentions (actors) and events."""
    return article_detail(store, article_id)


@router.delete("/articles/{article_id}", dependencies=[Depends(require_write)])
def delete_article(article_id: str, request: Request, store: Store = Depends(get_store)) -> dict[str, Any]:
    """Remove an article and everything derived from it (stories, figures, quote groups relinked)."""
    from ..corpus.delete import delete_article as delete_linked

    if not store.has_article(article_id):
        raise NotFound(f"no article {article_id!r}")
    delete_linked(store, article_id, request.app.state.settings)
    return {"deleted": article_id}
