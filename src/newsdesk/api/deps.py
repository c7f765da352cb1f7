"""Shared request helpers: the store, the actor registry, and resolving user references to entity keys."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from fastapi import Query, Request

from ..errors import NewsdeskError, NotFound
from ..store import Store
from .pagination import DEFAULT_LIMIT, MAX_LIMIT

_registry_lock = threading.Lock()


def get_store(request: Request) -> Store:
    return request.app.state.store


def limit_param(limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="page size")) -> int:
    return limit


def registry(request: Request) -> Any | None:
    """The actor registry (loaded once per app); None when it cannot be loaded."""
    state = request.app.state
    with _registry_lock:
        if not hasattr(state, "registry"):
            try:
                from ..nlp.registry import load_registry

                state.registry = load_registry(state.actor_files)
            except (NewsdeskError, OSError, ValueError, KeyError):
                state.registry = None
    return state.registry


@dataclass
class Ref:
    """A user's reference resolved to a canonical entity key and the keys linked to it."""

    key: str
    name: str
    keys: list[str] = field(default_factory=list)
    entity: dict[str, Any] | None = None
    country: str | None = None
    type: str | None = None


def resolve_ref(request: Request, ref: str) -> Ref:
    """Entity key, registry id/code/name/alias, or an entity name in the store -> Ref; else NotFound."""
    store = get_store(request)
    ref = ref.strip()
    entity = _entity(store, ref)
    if entity is None:
        reg = registry(request)
        actor = reg.resolve(ref) if reg is not None and ref else None
        if actor is not None:
            entity = _entity(store, actor.key) or {"key": actor.key, "name": actor.name, "type": actor.type,
                                                   "country": actor.id if actor.type == "GPE" else actor.country}
    if entity is None and ref:
        found = store.find_entities(ref)
        entity = found[0] if found else None
    if entity is None:
        raise NotFound(f"no actor or entity {ref!r}")
    return Ref(key=entity["key"], name=entity["name"], keys=store.entity_keys(entity["key"]), entity=entity,
               country=entity.get("country"), type=entity.get("type"))


def _entity(store: Store, key: str) -> dict[str, Any] | None:
    try:
        return store.entity_row(key)
    except NotFound:
        return None
