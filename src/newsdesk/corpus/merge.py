"""The same real-world event told by several articles -> one event with several sources.

Two events are one when type and mode family, the party pair (symmetric events in either
order), the date (compared at the coarser precision) and the place agree. A group's canonical
event is the one from an original (not a copy) article, earliest published, smallest id;
the others get ``merged_into`` = its id.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import math
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..config import Settings
from .groups import DisjointSet

DATA = Path(__file__).parent / "data" / "events.json"


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def mode_family(etype: str, mode: str | None) -> str | None:
    if mode is None:
        return None
    return vocabulary()["mode_families"].get(etype, {}).get(mode, mode)


def _side(row: dict[str, Any], prefix: str, info: dict[str, dict[str, Any]]) -> tuple[str | None, str | None, bool]:
    """(canonical entity, country, entity is the country itself)."""
    ent, country = row.get(f"{prefix}_entity"), row.get(f"{prefix}_country")
    meta = info.get(ent or "", {})
    canon = meta.get("canonical", ent) if ent else None
    return canon, country, bool(ent) and meta.get("type") == "GPE"


def _same_party(p: tuple, q: tuple) -> bool:
    if p == (None, None, False) or q == (None, None, False):
        return p == q
    if p[0] and q[0] and p[0] == q[0]:
        return True
    # "China" and "Xi Jinping" can tell the same act; two named people of one country cannot
    loose = p[2] or q[2] or not p[0] or not q[0]
    return bool(p[1] and p[1] == q[1] and loose)


def same_pair(a: dict[str, Any], b: dict[str, Any], info: dict[str, dict[str, Any]]) -> bool:
    pa, ta = _side(a, "actor", info), _side(a, "target", info)
    pb, tb = _side(b, "actor", info), _side(b, "target", info)
    if _same_party(pa, pb) and _same_party(ta, tb):
        return True
    symmetric = a.get("symmetric") or b.get("symmetric")
    return bool(symmetric and _same_party(pa, tb) and _same_party(ta, pb))


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def same_date(a: str | None, b: str | None, slack_days: int = 1) -> bool:
    """Dates agree at the coarser precision; day dates may differ by ``slack_days``."""
    if not a or not b:
        return False
    n = min(len(a), len(b))
    if n >= 10:
        da, db = _day(a[:10]), _day(b[:10])
        return bool(da and db and abs((da - db).days) <= slack_days)
    return a[:n] == b[:n]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def same_place(a: dict[str, Any] | None, b: dict[str, Any] | None, max_km: float = 100.0) -> bool:
    """Places agree unless they are in different countries or known to be far apart."""
    if not a or not b:
        return True
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return False
    if None not in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return km(a["lat"], a["lon"], b["lat"], b["lon"]) <= max_km
    return True


def same_event(a: dict[str, Any], b: dict[str, Any], info: dict[str, dict[str, Any]], settings: Settings) -> bool:
    if a["type"] != b["type"] or a["status"] != b["status"]:
        return False
    fa, fb = mode_family(a["type"], a.get("mode")), mode_family(b["type"], b.get("mode"))
    if fa and fb and fa != fb:
        return False
    return (same_date(a.get("date"), b.get("date"), settings.merge_day_slack)
            and same_place(a.get("location"), b.get("location"), settings.merge_place_km)
            and same_pair(a, b, info))


def _canonical_key(row: dict[str, Any]) -> tuple:
    return (row.get("duplicate_of") is not None, row.get("published") is None, row.get("published") or "",
            row["id"])


def _window(etype: str, date: str, slack: int) -> tuple[str, str, str, list[str]]:
    """(type, lo, hi, coarser dates): the dates an event of this date can be merged with (see same_date)."""
    day = _day(date[:10]) if len(date) >= 10 else None
    if day is not None:
        return etype, str(day - dt.timedelta(days=slack)), str(day + dt.timedelta(days=slack)), [date[:7], date[:4]]
    if len(date) >= 7:
        return etype, date[:7] + "-01", date[:7] + "-31", [date[:4], date[:7]]
    return etype, date[:4] + "-01", date[:4] + "-12-31", [date[:4]]


def merge_events(store: Any, new_ids: Sequence[str], settings: Settings) -> dict[str, str | None]:
    """Merge the events of newly stored articles into stored ones; returns the changes written."""
    new_events = [e for e in store.events_of(new_ids) if e.get("date")]
    if not new_events:
        return {}
    cands = store.merge_candidates_near([_window(e["type"], e["date"], settings.merge_day_slack) for e in new_events])
    by_id = {c["id"]: c for c in cands}
    info = store.entity_info(k for c in cands for k in (c.get("actor_entity"), c.get("target_entity")))
    sets: DisjointSet[str] = DisjointSet()
    find, union = sets.find, sets.union

    buckets: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for c in cands:
        if c.get("merged_into") and c["merged_into"] in by_id:
            union(c["id"], c["merged_into"])
        buckets[(c["type"], c["date"][:4])].append(c)
    for e in sorted(new_events, key=lambda r: r["id"]):
        find(e["id"])
        y = int(e["date"][:4]) if e["date"][:4].isdigit() else None
        pool = [c for d in (-1, 0, 1) for c in buckets.get((e["type"], str(y + d) if y else e["date"][:4]), [])]
        for c in pool:
            if c["id"] != e["id"] and find(c["id"]) != find(e["id"]) and same_event(e, c, info, settings):
                union(e["id"], c["id"])
    groups: dict[str, list[str]] = defaultdict(list)
    for eid in sorted(sets.parent):
        groups[find(eid)].append(eid)
    touched = {find(e["id"]) for e in new_events}
    changes: dict[str, str | None] = {}
    for root in sorted(touched):
        members = [by_id[m] for m in groups[root] if m in by_id]
        if not members:
            continue
        canon = min(members, key=_canonical_key)["id"]
        for m in members:
            want = None if m["id"] == canon else canon
            if m.get("merged_into") != want:
                changes[m["id"]] = want
    store.set_merged_into(changes)
    return changes
