"""Entities: the directory (type and name filters) and one entity with its articles, partners and quotes;
resolving what users type (a key, a registry id/code/alias, a name) to the entity keys in the store."""
from __future__ import annotations

import functools
import threading
from pathlib import Path
from typing import Any

from ..errors import NewsdeskError, NotFound
from ..store import Store
from .paging import check_limit, decode_cursor, page_body
from .params import check_entity_type

GENERIC_NOUNS = Path(__file__).parent / "data" / "generic_nouns.txt"
_lock = threading.Lock()


@functools.lru_cache(maxsize=1)
def generic_nouns() -> tuple[str, ...]:
    lines = GENERIC_NOUNS.read_text(encoding="utf-8").splitlines()
    return tuple(sorted({w.strip().lower() for w in lines if w.strip() and not w.startswith("#")}))


@functools.lru_cache(maxsize=8)
def _registry(actor_files: tuple[str, ...]) -> Any | None:
    try:
        from ..nlp.registry import load_registry

        return load_registry(actor_files)
    except (NewsdeskError, OSError, ValueError, KeyError):
        return None


def registry(actor_files: tuple[str, ...] = ()) -> Any | None:
    """The actor registry (loaded once per process and actor files); None when it cannot be loaded."""
    with _lock:
        return _registry(tuple(actor_files))


def _entity(store: Store, key: str) -> dict[str, Any] | None:
    try:
        return store.entity_row(key)
    except NotFound:
        return None


def resolve_ref(store: Store, ref: str, actor_files: tuple[str, ...] = ()) -> dict[str, Any]:
    """Entity key, registry id/code/name/alias, or an entity name in the store ->
    ``{key, name, keys (the key and every key linked to it), entity, country, type}``; else NotFound."""
    ref = ref.strip()
    entity = _entity(store, ref) if ref else None
    if entity is None and ref:
        reg = registry(actor_files)
        actor = reg.resolve(ref) if reg is not None else None
        if actor is not None:
            entity = _entity(store, actor.key) or {"key": actor.key, "name": actor.name, "type": actor.type,
                                                   "country": actor.id if actor.type == "GPE" else actor.country}
    if entity is None and ref:
        found = store.find_entities(ref)
        entity = found[0] if found else None
    if entity is None:
        raise NotFound(f"no actor or entity {ref!r}")
    return {"key": entity["key"], "name": entity["name"], "keys": store.entity_keys(entity["key"]),
            "entity": entity, "country": entity.get("country"), "type": entity.get("type")}


def list_entities(store: Store, *, type: str | None = None, q: str | None = None, cursor: str | None = None,
                  limit: int | None = None) -> dict[str, Any]:
    """Entities ordered by key with mention and article counts: ``{"items", "next"}``. Gazetteer twins of
    registry places and one-word generic ORG names (data/generic_nouns.txt) are left out."""
    items, nxt = store.entities_page(type=check_entity_type(type), q=q or None, after=decode_cursor(cursor),
                                     limit=check_limit(limit), hide_generic=generic_nouns())
    return page_body(items, nxt)


def entity_detail(store: Store, ref: str, actor_files: tuple[str, ...] = ()) -> dict[str, Any]:
    """One entity with its linked keys, latest articles, event partners and quotes."""
    r = resolve_ref(store, ref, actor_files)
    articles, _ = store.articles_page(entities=r["keys"], limit=100)
    return {**(r["entity"] or {}), "key": r["key"], "name": r["name"], "keys": r["keys"], "articles": articles,
            "partners": store.partners(r["keys"]), "quotes": store.quotes_by(r["keys"], limit=50)}
