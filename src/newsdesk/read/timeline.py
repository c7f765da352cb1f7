"""Timelines: one actor's or a dyad's events, oldest first, one row per real-world event, with the
cooperative/conflictual counts per period the charts draw."""
from __future__ import annotations

from typing import Any

from ..store import Store
from .entities import resolve_ref
from .params import InvalidArgument, check_date
from .plover import series


def timeline(store: Store, actors: list[str] | tuple[str, ...], *, since: str | None = None,
             until: str | None = None, actor_files: tuple[str, ...] = (), whole: bool = False,
             top: int | None = None, min_sources: int = 0, days: bool = True) -> dict[str, Any]:
    """``{"actors": [{key, name, keys}], "events": [row...], "dates": [day...], "series": {...}}`` for one
    actor, a dyad, or the whole store (``whole``). Rows carry their day's score, evidence and sources;
    ``days=False`` keeps coded events only (not the days that articles merely name)."""
    from ..corpus.timeline import timeline_rows

    if whole:
        if actors:
            raise InvalidArgument("give actors or ask for the whole store, not both")
    elif not 1 <= len(actors) <= 2:
        raise InvalidArgument("give one actor, two for a dyad, or all=true for the whole store")
    since, until = check_date(since, "since"), check_date(until, "until")
    refs = [resolve_ref(store, a, actor_files) for a in actors]
    data = timeline_rows(store, [r["key"] for r in refs], since, until, top=top, min_sources=min_sources)
    rows = data["rows"] if days else [r for r in data["rows"] if r["events"]]
    return {"actors": [{"key": r["key"], "name": r["name"], "keys": r["keys"], "type": r["type"],
                        "country": r["country"]} for r in refs],
            "events": rows, "dates": data["dates"], "series": series([r for r in rows if r["type"]])}
