"""Timelines: the dated history of an actor, or of a pair of actors, with its sources.

Events told by several articles count once: merged events (``merged_into``) are one row, and
so are events of the same type, pair and date. Sources are distinct original articles (a copy
counts as its original). Undated events are left out unless ``undated=True``, which lists
them after the dated ones; coarser dates sort before finer ones in the same period
("2018" before "2018-09" before "2018-09-11").
"""
from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import NotFound
from .merge import vocabulary


@dataclass
class TimelineRow:
    date: str | None
    date_precision: str | None
    title: str
    type: str
    place: str | None
    articles: list[str]
    events: list[str]
    outlets: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Ref:
    """A resolved actor reference: the entity keys and the country code it stands for."""

    ref: str
    name: str
    entities: frozenset[str]
    country: str | None  # ISO3 when the ref is a country


@functools.lru_cache(maxsize=1)
def cached_registry() -> Any:
    from ..nlp.registry import load_registry

    return load_registry()


def resolve_ref(store: Any, ref: str) -> Ref:
    """A name, QID, registry id or ISO code -> :class:`Ref` (registry first, then stored entities)."""
    actor = cached_registry().resolve(ref)
    if actor is not None:
        country = actor.id if actor.type == "GPE" else None
        keys = {actor.key}
    else:
        found = store.find_entities(ref.strip())
        if not found:
            raise NotFound(f"no actor or entity {ref!r}")
        ent = found[0]
        country = ent["country"] if ent["type"] == "GPE" else None
        keys = {ent["key"]}
        actor = None
    keys |= store.linked_keys(keys)
    return Ref(ref, actor.name if actor else found[0]["name"], frozenset(keys), country)


def _side_matches(row: dict[str, Any], prefix: str, ref: Ref) -> bool:
    if row.get(f"{prefix}_entity") in ref.entities:
        return True
    return bool(ref.country and row.get(f"{prefix}_country") == ref.country)


def involves(row: dict[str, Any], refs: Sequence[Ref]) -> bool:
    """One ref: either side is it. Two refs: one side each (in either order)."""
    if len(refs) == 1:
        return _side_matches(row, "actor", refs[0]) or _side_matches(row, "target", refs[0])
    a, b = refs[0], refs[1]
    return ((_side_matches(row, "actor", a) and _side_matches(row, "target", b))
            or (_side_matches(row, "actor", b) and _side_matches(row, "target", a)))


def _party_name(row: dict[str, Any], prefix: str) -> str | None:
    return row.get(f"{prefix}_name") or row.get(f"{prefix}_country") or row.get(f"{prefix}_entity")


def describe_event(row: dict[str, Any]) -> str:
    """A one-line title built from the event's parts: "A and B meet in Place"."""
    phrases = vocabulary()["phrases"]
    by_type = phrases.get(row["type"], phrases["*"])
    forms = by_type.get(row.get("mode") or "*", by_type.get("*", phrases["*"]["*"]))
    a, b = _party_name(row, "actor"), _party_name(row, "target")
    if not a and b:
        a, b = b, None
    a = a or "Unknown party"
    text = (forms["pair"] if b else forms["one"]).format(a=a, b=b, type=row["type"].lower())
    place = (row.get("location") or {}).get("name")
    if place and place not in (a, b):
        text += f" in {place}"
    return text


def _in_range(date: str | None, since: str | None, until: str | None) -> bool:
    if date is None:
        return since is None and until is None
    lo, hi = date, date + "\uffff"  # "2018" stands for any day of 2018
    return (since is None or hi >= since) and (until is None or lo[:len(until)] <= until)


def _pair_key(row: dict[str, Any]) -> tuple:
    sides = tuple(row.get(f"{p}_country") or row.get(f"{p}_entity") or "" for p in ("actor", "target"))
    return tuple(sorted(sides)) if row.get("symmetric") else sides


def timeline(store: Any, refs: list[str], since: str | None = None, until: str | None = None,
             statuses: Iterable[str] = ("happened",), undated: bool = False) -> list[TimelineRow]:
    """Chronological events of one actor or a dyad; refs are names, QIDs or ISO3 codes."""
    if not 1 <= len(refs) <= 2:
        raise NotFound("a timeline needs one or two actors")
    resolved = [resolve_ref(store, r) for r in refs]
    rows = store.timeline_events(statuses, {r.country for r in resolved if r.country},
                                 {k for r in resolved for k in r.entities})
    rows = [r for r in rows if involves(r, resolved) and (undated or r["date"])
            and _in_range(r["date"], since, until)]
    by_id = {r["id"]: r for r in rows}
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    canon_key: dict[str, tuple] = {}
    for r in sorted(rows, key=lambda r: (r["merged_into"] is not None, r["id"])):
        root = r["merged_into"] if r["merged_into"] in by_id else r["id"]
        if root not in canon_key:
            head = by_id[root]
            canon_key[root] = ((head["type"], _pair_key(head), head["date"]) if head["date"] else ("id", root))
        groups[canon_key[root]].append(r)
    return sorted((_row(g) for g in groups.values()),
                  key=lambda t: (t.date is None, t.date or "", t.title))


def _row(group: list[dict[str, Any]]) -> TimelineRow:
    head = min(group, key=lambda r: (r["merged_into"] is not None, r["duplicate_of"] is not None,
                                     not (r.get("actor_name") and r.get("target_name")),
                                     -(r.get("confidence") or 0), r["id"]))
    originals = {r["duplicate_of"] or r["article_id"] for r in group}
    outlets = sorted({r["outlet"] for r in group if r.get("outlet") and not r["duplicate_of"]})
    place = (head.get("location") or {}).get("name") or next(
        ((r.get("location") or {}).get("name") for r in group if (r.get("location") or {}).get("name")), None)
    return TimelineRow(date=head["date"], date_precision=head["date_precision"],
                       title=head.get("title") or describe_event(head),
                       type=head["type"], place=place, articles=sorted(originals),
                       events=sorted({r["merged_into"] or r["id"] for r in group}), outlets=outlets)
