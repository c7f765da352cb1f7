"""/api/stories and /api/discrepancies."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from .. import read
from ..store import Store
from .auth import require_read
from .deps import ReadJSON, get_store, limit_param, store_dependency

router = APIRouter(prefix="/api", tags=["stories"], dependencies=[Depends(require_read)])


@router.get("/stories")
def list_stories(request: Request, cursor: str | None = None, limit: int = Depends(limit_param)) -> ReadJSON:
    """Stories, newest first, with their outlets and article counts."""
    return ReadJSON(read.list_stories(get_store(request), cursor=cursor, limit=limit))


@router.get("/stories/{story_id}")
def get_story(story_id: str, store: Store = Depends(store_dependency)) -> ReadJSON:
    """A story with its briefing, articles, events, quotes, figures and comparisons."""
    return ReadJSON(read.story_detail(store, story_id))


@router.get("/discrepancies")
def list_discrepancies(story: str | None = None, store: Store = Depends(store_dependency)) -> ReadJSON:
    """Corroborations and conflicts between sources (filled by the corpus comparison step)."""
    return ReadJSON(read.list_discrepancies(store, story))


@router.get("/rejects")
def list_rejects(store: Store = Depends(store_dependency)) -> ReadJSON:
    """Inputs that were rejected, with the reason."""
    return ReadJSON(read.list_rejects(store))
