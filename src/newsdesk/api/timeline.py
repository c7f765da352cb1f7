"""/api/timeline: events of one actor, or between two (a dyad), oldest first, with counts per period."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from .. import read
from .articles import DATE_HELP
from .auth import require_read
from .deps import ReadJSON, actor_files, get_store

router = APIRouter(prefix="/api", tags=["timeline"], dependencies=[Depends(require_read)])


@router.get("/timeline")
def get_timeline(request: Request,
                 actor: list[str] = Query([], description="one actor, or two for a dyad"),
                 whole: bool = Query(False, alias="all", description="the whole store's timeline (no actor)"),
                 since: str | None = Query(None, description=DATE_HELP),
                 until: str | None = Query(None, description=DATE_HELP),
                 top: int | None = Query(None, ge=1, le=10000, description="keep the N best-scored days"),
                 min_sources: int = Query(0, ge=0, le=10000,
                                          description="keep days and rows that at least K articles report"),
                 ) -> ReadJSON:
    """Events of ``?actor=A``, between ``?actor=A&actor=B`` or of the whole store (``?all=true``); a merged
    event counts once. Each row has its day's score, evidence sentence and sources; ``dates`` ranks the days
    (best first) as ``newsdesk timeline --json`` does; ``series`` has per-period cooperative/conflictual
    counts (coarser dates apart, in ``series.coarse``)."""
    return ReadJSON(read.timeline(get_store(request), actor, since=since, until=until, whole=whole, top=top,
                                  min_sources=min_sources, actor_files=actor_files(request)))
