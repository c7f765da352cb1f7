"""/api/timeline: events of one actor, or between two (a dyad), oldest first, with counts per period."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from .. import read
from .articles import DATE_HELP
from .auth import require_read
from .deps import ReadJSON, actor_files, get_store

router = APIRouter(prefix="/api", tags=["timeline"], dependencies=[Depends(require_read)])


@router.get("/timeline")
def get_timeline(request: Request, actor: list[str] = Query(..., description="one actor, or two for a dyad"),
                 since: str | None = Query(None, description=DATE_HELP),
                 until: str | None = Query(None, description=DATE_HELP)) -> ReadJSON:
    """Events of ``?actor=A`` or between ``?actor=A&actor=B`` (a merged event counts once), with
    per-period cooperative/conflictual counts in ``series`` (coarser dates apart, in ``series.coarse``)."""
    return ReadJSON(read.timeline(get_store(request), actor, since=since, until=until,
                                  actor_files=actor_files(request)))
