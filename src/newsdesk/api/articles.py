"""/api/articles: list (filters, full-text search with snippets, keyset pages), one article, delete."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from .. import read
from ..errors import NotFound
from ..store import Store
from .auth import require_read, require_write
from .deps import ReadJSON, actor_files, get_store, limit_param, store_dependency

router = APIRouter(prefix="/api", tags=["articles"])

DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date; 422 otherwise)"


@router.get("/articles", dependencies=[Depends(require_read)])
def list_articles(request: Request, outlet: str | None = None,
                  since: str | None = Query(None, description=DATE_HELP),
                  until: str | None = Query(None, description=DATE_HELP),
                  actor: str | None = Query(None, description="entity key, registry id/code, or name"),
                  story: str | None = None,
                  q: str | None = Query(None, max_length=500, description="full-text search"),
                  cursor: str | None = None, limit: int = Depends(limit_param)) -> ReadJSON:
    """Articles newest first; ``next`` is the cursor of the following page (null on the last one). With
    ``q``, each article has a ``snippet``: [{text, hit}] parts around the matched words."""
    return ReadJSON(read.list_articles(get_store(request), outlet=outlet, since=since, until=until, q=q,
                                       actor=actor, story=story, cursor=cursor, limit=limit,
                                       actor_files=actor_files(request)))


@router.get("/articles/{article_id}", dependencies=[Depends(require_read)])
def get_article(article_id: str, store: Store = Depends(store_dependency)) -> ReadJSON:
    """One article with its quotes, amounts, times, places, mentions (actors) and events."""
    return ReadJSON(read.article_detail(store, article_id))


@router.delete("/articles/{article_id}", dependencies=[Depends(require_write)])
def delete_article(article_id: str, request: Request, store: Store = Depends(store_dependency)) -> dict[str, Any]:
    """Remove an article and everything derived from it (stories, figures, quote groups relinked)."""
    from ..corpus.delete import delete_article as delete_linked

    if not store.has_article(article_id):
        raise NotFound(f"no article {article_id!r}")
    delete_linked(store, article_id, request.app.state.settings)
    return {"deleted": article_id}
