"""/api/timeline: events of one actor, or between two (a dyad), oldest first, with counts per period."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from ..corpus.timeline import timeline, timeline_rows
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
    return [r.as_dict() for r in rows if r.events]  # coded events only, not days that articles merely name


@router.get("/timeline")
def get_timeline(request: Request,
                 actor: list[str] = Query([], description="one actor, or two for a dyad"),
                 whole: bool = Query(False, alias="all", description="the whole store's timeline (no actor)"),
                 since: str | None = Query(None, pattern=DATE),
                 until: str | None = Query(None, pattern=DATE),
                 top: int | None = Query(None, ge=1, le=10000, description="keep the N best-scored days"),
                 min_sources: int = Query(0, ge=0, le=10000,
                                          description="keep days and rows that at least K articles report"),
                 ) -> dict[str, Any]:
    """Events of ``?actor=A``, between ``?actor=A&actor=B`` or of the whole store (``?all=true``); a merged
    event counts once. Each row has its day's score, evidence sentence and sources; ``dates`` ranks the days
    (best first) as ``newsdesk timeline --json`` does; ``series`` has per-period cooperative/conflictual counts."""
    if not ((whole and not actor) or (not whole and 1 <= len(actor) <= 2)):
        raise ApiError(422, "give one actor, two for a dyad, or all=true for the whole store")
    refs = [resolve_ref(request, a) for a in actor]
    data = timeline_rows(get_store(request), [r.key for r in refs], since, until, top=top, min_sources=min_sources)
    events = data["rows"]
    return {"actors": [{"key": r.key, "name": r.name} for r in refs], "events": events, "dates": data["dates"],
            "series": series([e for e in events if e["type"]])}
