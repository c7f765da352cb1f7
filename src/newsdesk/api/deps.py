"""Shared request helpers: the store, the actor files, the page size."""
from __future__ import annotations

from fastapi import Query, Request

from ..read.paging import DEFAULT_LIMIT, MAX_LIMIT
from ..store import Store


def get_store(request: Request) -> Store:
    return request.app.state.store


def actor_files(request: Request) -> tuple[str, ...]:
    return tuple(getattr(request.app.state, "actor_files", ()))


def limit_param(limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="page size")) -> int:
    return limit
