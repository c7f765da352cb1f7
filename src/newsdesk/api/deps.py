"""Shared request helpers: the store, the actor files, the page size."""
from __future__ import annotations

import json
from typing import Any

from fastapi import Query, Request
from fastapi.responses import Response

from ..read.paging import DEFAULT_LIMIT, MAX_LIMIT
from ..store import Store


def get_store(request: Request) -> Store:
    return request.app.state.store


async def store_dependency(request: Request) -> Store:
    """``Depends(store_dependency)``: the store, without the thread-pool hop of a plain-def dependency."""
    return request.app.state.store


def actor_files(request: Request) -> tuple[str, ...]:
    return tuple(getattr(request.app.state, "actor_files", ()))


async def limit_param(limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="page size")) -> int:
    return limit


class ReadJSON(Response):
    """The read model's plain dicts as JSON, without FastAPI's recursive jsonable_encoder (about a quarter
    of a read's CPU): they hold only str, numbers, bools, None, lists and dicts."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str).encode()
