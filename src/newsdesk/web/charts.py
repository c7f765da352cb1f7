"""Geometry for the server-side SVG charts: the cooperation/conflict timeline and the event map."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .plover import series
from .worldmap import project

W, H, PAD_L, PAD_B, PAD_T, PAD_R = 720, 240, 34, 34, 12, 8
LABEL_CHARS_PX = 7  # about one character of a tick label, to keep the last label inside the chart


@dataclass
class Bar:
    x: float
    y: float
    w: float
    h: float
    cls: str
    title: str


def timeline_chart(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Diverging bars per period: cooperative (and other) above the axis, conflictual below.

    Returns None when no event has a date.
    """
    data = series(events)
    periods = data["periods"]
    if not periods:
        return None if not data["coarse"] else {"bars": [], "coarse": data["coarse"], "unit": data["unit"],
                                                  "totals": _totals(data["coarse"]), "empty": True}
    up = max(p["cooperative"] + p["other"] for p in periods) or 1
    down = max(p["conflictual"] for p in periods) or 0
    plot_h = H - PAD_B - PAD_T
    axis = PAD_T + plot_h * up / (up + down) if down else PAD_T + plot_h
    scale = plot_h / (up + down)
    slot = (W - PAD_L - PAD_R) / len(periods)
    bw = max(2.0, min(40.0, slot * 0.7))
    bars: list[Bar] = []
    labels = []
    every = max(1, len(periods) // 8)
    for i, p in enumerate(periods):
        x = PAD_L + i * slot + (slot - bw) / 2
        top = axis
        for group in ("cooperative", "other"):
            h = p[group] * scale
            if h:
                top -= h
                bars.append(Bar(round(x, 1), round(top, 1), round(bw, 1), round(h, 1), group,
                                f"{p['period']}: {p[group]} {group}"))
        if p["conflictual"]:
            bars.append(Bar(round(x, 1), round(axis, 1), round(bw, 1), round(p["conflictual"] * scale, 1),
                            "conflictual", f"{p['period']}: {p['conflictual']} conflictual"))
        if i % every == 0:
            labels.append(_label(x + bw / 2, p["period"]))
    return {"w": W, "h": H, "axis": round(axis, 1), "left": PAD_L, "bars": bars, "labels": labels,
            "label_y": H - 12, "up": up, "down": down, "unit": data["unit"],
            "top_y": PAD_T, "bottom_y": round(axis + down * scale, 1), "totals": _totals(periods),
            "coarse": data["coarse"], "empty": False}


def _label(center: float, text: str) -> dict[str, Any]:
    """A tick label centred under its bar, or anchored inside the chart when centring would cut it."""
    half = len(text) * LABEL_CHARS_PX / 2
    if center + half > W:
        return {"x": W - 1, "text": text, "anchor": "end"}
    if center - half < 0:
        return {"x": 1, "text": text, "anchor": "start"}
    return {"x": round(center, 1), "text": text, "anchor": "middle"}


def _totals(periods: list[dict[str, Any]]) -> dict[str, int]:
    return {g: sum(p[g] for p in periods) for g in ("cooperative", "conflictual", "other")}


def map_view(points: list[dict[str, Any]], min_width: float = 100.0) -> dict[str, float]:
    """A 2:1 window of the world map around the points (the whole world when there are none)."""
    if not points:
        return {"x": 0, "y": 0, "w": 360, "h": 180, "k": 1.0}
    xs, ys = [p["x"] for p in points], [p["y"] for p in points]
    w = min(360.0, max(min_width, (max(xs) - min(xs)) + 40, 2 * ((max(ys) - min(ys)) + 30)))
    h = w / 2
    x = min(max((max(xs) + min(xs)) / 2 - w / 2, 0.0), 360 - w)
    y = min(max((max(ys) + min(ys)) / 2 - h / 2, 0.0), 180 - h)
    return {"x": round(x, 1), "y": round(y, 1), "w": round(w, 1), "h": round(h, 1), "k": round(w / 360, 3)}


def map_points(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One point per located place, sized by how many events happened there."""
    places: dict[tuple[float, float], dict[str, Any]] = {}
    counts: dict[tuple[float, float], int] = defaultdict(int)
    for e in events:
        loc = e.get("location")
        if not isinstance(loc, dict):
            continue
        lat, lon = loc.get("lat"), loc.get("lon")
        if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
            continue
        key = (round(float(lat), 2), round(float(lon), 2))
        counts[key] += 1
        places.setdefault(key, {"name": loc.get("name") or "", "country": loc.get("country") or ""})
    points = []
    for (lat, lon), n in sorted(counts.items(), key=lambda kv: -kv[1]):
        x, y = project(lat, lon)
        points.append({"x": x, "y": y, "r": round(min(6.0, 1.6 + n ** 0.5), 2), "n": n, **places[(lat, lon)]})
    return points
