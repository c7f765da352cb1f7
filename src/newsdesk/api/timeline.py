"""/api/timeline: events of one actor, or between two (a dyad), oldest first, with counts per period."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from ..corpus.timeline import timeline
from ..web.plover import series
from .articles import DATE
from .auth import require_read
from .deps import Ref, get_store, resolve_ref
from .errors import ApiError

router = APIRouter(prefix="/api", tags=["timeline"], dependencies=[Depends(require_read)])


def actor_timeline(request: Request, refs: list[Ref], since: str | None = None,
                   until: str | None = None) -> list[dict[str, Any]]:
    """Timeline rows (``newsdesk.corpus.timeline``) for one actor or a dyad, oldest first: one row per
    real-world event, with its title, type, place, source articles and event ids."""
    rows = timeline(get_store(request), [r.key for r in refs], since, until)
    return [r.as_dict() for r in rows]


@router.get("/timeline")
def get_timeline(request: Request, actor: list[str] = Query(..., description="one actor, or two for a dyad"),
                 since: str | None = Query(None, pattern=DATE),
                 until: str | None = Query(None, pattern=DATE)) -> dict[str, Any]:
    """Events of ``?actor=A`` or between ``?actor=A&actor=B`` (a merged event counts once), with
    per-period cooperative/conflictual counts in ``series``."""
    if not 1 <= len(actor) <= 2:
        raise ApiError(422, "give one actor, or two for a dyad")
    refs = [resolve_ref(request, a) for a in actor]
    events = actor_timeline(request, refs, since, until)
    return {"actors": [{"key": r.key, "name": r.name} for r in refs], "events": events, "series": series(events)}
