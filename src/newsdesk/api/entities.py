"""/api/entities: list (type, name filter) and one entity with its articles, partners and quotes."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from .. import read
from ..read.params import ENTITY_TYPES
from .auth import require_read
from .deps import ReadJSON, actor_files, get_store, limit_param

router = APIRouter(prefix="/api", tags=["entities"], dependencies=[Depends(require_read)])


@router.get("/entities")
def list_entities(request: Request, type: str | None = Query(None, description=", ".join(ENTITY_TYPES)),
                  q: str | None = None, cursor: str | None = None,
                  limit: int = Depends(limit_param)) -> ReadJSON:
    """Entities ordered by key, with mention and article counts."""
    return ReadJSON(read.list_entities(get_store(request), type=type, q=q, cursor=cursor, limit=limit))


@router.get("/entities/{ref}")
def get_entity(request: Request, ref: str) -> ReadJSON:
    """One entity (key, registry id/code or name) with linked keys, articles, event partners and quotes."""
    return ReadJSON(read.entity_detail(get_store(request), ref, actor_files(request)))
