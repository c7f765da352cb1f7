"""PLOVER event types grouped into cooperative and conflictual (see data/plover-groups.json)."""
from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

GROUPS_FILE = Path(__file__).parent / "data" / "plover-groups.json"
GROUP_ORDER = ("cooperative", "conflictual", "other")


@functools.lru_cache(maxsize=1)
def _groups() -> dict[str, str]:
    data = json.loads(GROUPS_FILE.read_text(encoding="utf-8"))
    return {t: g for g in ("cooperative", "conflictual") for t in data[g]}


def group_of(event_type: str | None) -> str:
    return _groups().get((event_type or "").upper(), "other")


def choose_unit(dates: list[str]) -> str:
    """Days for a short span of day-precise dates, months up to ten years, else years."""
    if not dates:
        return "month"
    lo, hi = min(dates), max(dates)
    if all(len(d) >= 10 for d in dates) and _month_index(hi) - _month_index(lo) < 3:
        return "day"
    return "month" if _month_index(hi) - _month_index(lo) <= 120 else "year"


def period_of(date: str, unit: str) -> str:
    return {"day": date[:10], "month": date[:7], "year": date[:4]}[unit]


def _month_index(date: str) -> int:
    return int(date[:4]) * 12 + (int(date[5:7]) - 1 if len(date) >= 7 else 0)


def _all_periods(lo: str, hi: str, unit: str) -> list[str]:
    """Every period from lo to hi, so that the chart's time axis has no jumps."""
    if unit == "year":
        return [f"{y:04d}" for y in range(int(lo), int(hi) + 1)]
    if unit == "month":
        return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(_month_index(lo), _month_index(hi) + 1)]
    import datetime as dt

    day, end, out = dt.date.fromisoformat(lo), dt.date.fromisoformat(hi), []
    while day <= end:
        out.append(day.isoformat())
        day += dt.timedelta(days=1)
    return out


def series(events: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Counts of dated events per period and group: {"unit", "periods": [{period, cooperative, ...}],
    "coarse": [{period, ...}]}.

    An event dated more coarsely than the unit (a year-only date on a month axis, a month on a day axis)
    is not placed in a made-up first period: it is counted apart in ``coarse``, by its own period.
    """
    dated = [e for e in events if e.get("date") and len(e["date"]) >= 4]
    unit = choose_unit([e["date"] for e in dated]) if any(len(e["date"]) >= 7 for e in dated) else "year"
    need = {"day": 10, "month": 7, "year": 4}[unit]
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(GROUP_ORDER, 0))
    coarse: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(GROUP_ORDER, 0))
    for e in dated:
        date = e["date"]
        if len(date) < need:
            coarse[date][group_of(e["type"])] += 1
        else:
            counts[period_of(date, unit)][group_of(e["type"])] += 1
    extra = [{"period": p, **coarse[p]} for p in sorted(coarse)]
    if not counts:
        return {"unit": unit, "periods": [], "coarse": extra}
    periods = _all_periods(min(counts), max(counts), unit)
    return {"unit": unit, "periods": [{"period": p, **(counts[p] if p in counts else dict.fromkeys(GROUP_ORDER, 0))}
                                      for p in periods], "coarse": extra}
