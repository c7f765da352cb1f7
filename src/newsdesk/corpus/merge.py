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


class DateIndex:
    """Dated events by type and date, so that a new event meets only those whose dates
    :func:`same_date` can match: a day meets the days its slack reaches and the events dated by its
    month or its year alone; a month meets its days and itself and its year alone; a year meets its
    whole year. A busy month of one event type then costs each new event its days, not the month."""

    def __init__(self, slack_days: int) -> None:
        self.slack = slack_days
        self.by_day: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        self.by_month: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)  # days and month alone
        self.month_only: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        self.by_year: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)  # all of a year
        self.year_only: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)

    def add(self, ev: dict[str, Any]) -> None:
        t, d = ev["type"], ev["date"]
        self.by_year[(t, d[:4])].append(ev)
        if len(d) < 7:
            self.year_only[(t, d[:4])].append(ev)
            return
        self.by_month[(t, d[:7])].append(ev)
        (self.by_day[(t, d[:10])] if len(d) >= 10 else self.month_only[(t, d[:7])]).append(ev)

    def near(self, ev: dict[str, Any]) -> list[dict[str, Any]]:
        """The indexed events whose dates may agree with ``ev``'s (a superset of those that do)."""
        t, d = ev["type"], ev["date"]
        if len(d) < 4:  # not a date this reads: whatever shares its prefix, as same_date compares
            return [c for (ty, y), evs in sorted(self.by_year.items()) if ty == t and y.startswith(d) for c in evs]
        if len(d) < 7:
            return self.by_year.get((t, d[:4]), [])
        coarse = self.month_only.get((t, d[:7]), []) + self.year_only.get((t, d[:4]), [])
        if len(d) < 10:
            return self.by_month.get((t, d[:7]), []) + self.year_only.get((t, d[:4]), [])
        day = _day(d[:10])
        if day is None:  # names no real day: no day date agrees with it
            return coarse
        first = max(1, day.toordinal() - self.slack)
        last = min(dt.date.max.toordinal(), day.toordinal() + self.slack)
        return [c for k in range(first, last + 1)
                for c in self.by_day.get((t, dt.date.fromordinal(k).isoformat()), [])] + coarse


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

    index = DateIndex(settings.merge_day_slack)
    for c in cands:
        if c.get("merged_into") and c["merged_into"] in by_id:
            union(c["id"], c["merged_into"])
        index.add(c)
    for e in sorted(new_events, key=lambda r: r["id"]):
        find(e["id"])
        for c in index.near(e):
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
