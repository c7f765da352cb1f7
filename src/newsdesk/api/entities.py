"""/api/entities: list (type, name filter) and one entity with its articles, partners and quotes."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from .auth import require_read
from .deps import get_store, limit_param, resolve_ref
from .pagination import decode_cursor, page_body

router = APIRouter(prefix="/api", tags=["entities"], dependencies=[Depends(require_read)])


@router.get("/entities")
def list_entities(request: Request, type: str | None = None, q: str | None = None, cursor: str | None = None,
                  limit: int = Depends(limit_param)) -> dict[str, Any]:
    """Entities ordered by key, with mention and article counts."""
    items, nxt = get_store(request).entities_page(type=type, q=q, after=decode_cursor(cursor), limit=limit)
    return page_body(items, nxt)


@router.get("/entities/{ref}")
def get_entity(request: Request, ref: str) -> dict[str, Any]:
    """One entity (key, registry id/code or name) with linked keys, articles, event partners and quotes."""
    store = get_store(request)
    r = resolve_ref(request, ref)
    articles, _ = store.articles_page(entities=r.keys, limit=100)
    return {**(r.entity or {}), "key": r.key, "name": r.name, "keys": r.keys, "articles": articles,
            "partners": store.partners(r.keys), "quotes": store.quotes_by(r.keys, limit=50)}
