"""PLOVER event types grouped into cooperative and conflictual (see static/plover-groups.json)."""
from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

GROUPS_FILE = Path(__file__).parent / "static" / "plover-groups.json"
GROUP_ORDER = ("cooperative", "conflictual", "other")


@functools.lru_cache(maxsize=1)
def _groups() -> dict[str, str]:
    data = json.loads(GROUPS_FILE.read_text(encoding="utf-8"))
    return {t: g for g in ("cooperative", "conflictual") for t in data[g]}


def group_of(event_type: str | None) -> str:
    return _groups().get((event_type or "").upper(), "other")


def period_of(date: str, unit: str) -> str:
    return date[:7] if unit == "month" else date[:10]


def choose_unit(dates: list[str]) -> str:
    """Days for a span under ~3 months of day-precise dates, else months."""
    days = sorted(d for d in dates if len(d) >= 10)
    if days and days[0][:7] >= _months_before(days[-1], 3) and len(days) == len(dates):
        return "day"
    return "month"


def _months_before(date: str, n: int) -> str:
    y, m = int(date[:4]), int(date[5:7]) - n
    while m < 1:
        y, m = y - 1, m + 12
    return f"{y:04d}-{m:02d}"


def series(events: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Counts of dated events per period and group: {"unit", "periods": [{period, cooperative, ...}]}."""
    dated = [e for e in events if e.get("date") and len(e["date"]) >= 7]
    unit = choose_unit([e["date"] for e in dated])
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(GROUP_ORDER, 0))
    for e in dated:
        counts[period_of(e["date"], unit)][group_of(e["type"])] += 1
    return {"unit": unit, "periods": [{"period": p, **counts[p]} for p in sorted(counts)]}
