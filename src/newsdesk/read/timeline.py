"""Timelines: one actor's or a dyad's events, oldest first, one row per real-world event, with the
cooperative/conflictual counts per period the charts draw."""
from __future__ import annotations

from typing import Any

from ..store import Store
from .entities import resolve_ref
from .params import InvalidArgument, check_date
from .plover import series


def timeline(store: Store, actors: list[str] | tuple[str, ...], *, since: str | None = None,
             until: str | None = None, actor_files: tuple[str, ...] = ()) -> dict[str, Any]:
    """``{"actors": [{key, name, keys}], "events": [row...], "series": {...}}`` for one or two actors."""
    from ..corpus.timeline import timeline as build

    if not 1 <= len(actors) <= 2:
        raise InvalidArgument("give one actor, or two for a dyad")
    since, until = check_date(since, "since"), check_date(until, "until")
    refs = [resolve_ref(store, a, actor_files) for a in actors]
    rows = [r.as_dict() for r in build(store, [r["key"] for r in refs], since, until)]
    return {"actors": [{"key": r["key"], "name": r["name"], "keys": r["keys"], "type": r["type"],
                        "country": r["country"]} for r in refs],
            "events": rows, "series": series(rows)}
