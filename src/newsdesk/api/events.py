"""/api/events: coded PLOVER events with filters and keyset pages."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from .. import read
from .articles import DATE_HELP
from .auth import require_read
from .deps import ReadJSON, actor_files, get_store, limit_param

router = APIRouter(prefix="/api", tags=["events"], dependencies=[Depends(require_read)])


@router.get("/events")
def list_events(request: Request, type: list[str] = Query([], description="PLOVER type(s), e.g. CONSULT"),
                actor: str | None = Query(None, description="source actor (key, id, code or name)"),
                target: str | None = Query(None, description="target actor"),
                country: str | None = Query(None, description="ISO3 of either side"),
                since: str | None = Query(None, description=DATE_HELP),
                until: str | None = Query(None, description=DATE_HELP),
                place: str | None = Query(None, description="location name (substring) or its ISO3"),
                story: str | None = None, cursor: str | None = None,
                limit: int = Depends(limit_param)) -> ReadJSON:
    """Events newest first (merged duplicates hidden: they are sources of the event they joined)."""
    return ReadJSON(read.list_events(get_store(request), types=type, actor=actor, target=target,
                                     country=country, since=since, until=until, place=place, story=story,
                                     cursor=cursor, limit=limit, actor_files=actor_files(request)))
