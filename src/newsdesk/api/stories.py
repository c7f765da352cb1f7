"""/api/stories and /api/discrepancies."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from .. import read
from ..store import Store
from .auth import require_read
from .deps import get_store, limit_param

router = APIRouter(prefix="/api", tags=["stories"], dependencies=[Depends(require_read)])


@router.get("/stories")
def list_stories(request: Request, cursor: str | None = None, limit: int = Depends(limit_param)) -> dict[str, Any]:
    """Stories, newest first, with their outlets and article counts."""
    return read.list_stories(get_store(request), cursor=cursor, limit=limit)


@router.get("/stories/{story_id}")
def get_story(story_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    """A story with its briefing, articles, events, quotes, figures and comparisons."""
    return read.story_detail(store, story_id)


@router.get("/discrepancies")
def list_discrepancies(story: str | None = None, store: Store = Depends(get_store)) -> dict[str, Any]:
    """Corroborations and conflicts between sources (filled by the corpus comparison step)."""
    return read.list_discrepancies(store, story)


@router.get("/rejects")
def list_rejects(store: Store = Depends(get_store)) -> dict[str, Any]:
    """Inputs that were rejected, with the reason."""
    return read.list_rejects(store)
