"""Briefing sections read by a person: key events vs background, dated sources, what only one source says.

- :func:`event_sections`: the story's own events (dated within ``NEAR_DAYS`` of the story's dates, or
  undated reporting) and background (history mentioned in passing), each chronological; one line per
  happening (merged events and same type + parties + date collapse, listing every source); events
  with both parties resolved are preferred when the list is capped.
- :func:`source_rows`: each article with its publication date, or its estimated anchor date marked as
  estimated and explained; copies name the outlet they copy.
- :func:`only_here`: sentences no other independent source says, by meaning (TF-IDF cosine and the
  lemma/word-vector blend of :mod:`.similarity`), most informative first (figures, quotes, named actors).
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from pathlib import Path
from collections.abc import Callable
from typing import Any

import numpy as np

from .similarity import content, cosine, coverage, similarity
from .summarize import similarity_matrix, units_of

NEAR_DAYS = 7  # an event this close to the story's dates is part of the story, not its background
OWN_MAX, BACKGROUND_MAX = 12, 6
MEETING_TYPES = ("CONSULT",)  # PLOVER: meetings, visits, talks and summits lead a briefing
# Sentences of one story's articles share a topic, so unrelated pairs already score ~0.55-0.62 by meaning
# (seeds: median 0.32-0.48, best unrelated match <= 0.66); restatements score 0.68-0.9.
UNIQUE_MAX_SIM = 0.67  # a sentence another independent source comes this close to (by meaning) is shared
TFIDF_SHARED = 0.35  # ... or this close by plain word overlap
LEAD = 3  # ledes report the same news in other words: compared with each other more loosely
LEAD_MAX_SIM = 0.6
LEAD_COVERED = 0.7  # a short lede (headline-like) restated inside another source's longer lede
PREFILTER = 0.5  # averaged-vector cosine under which two sentences are not compared word by word
UNIQUE_PER_OUTLET = 3
LEDE_CHARS = 300  # an event told in the first sentence(s) is the article's news: its date is the article's
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
DATA = Path(__file__).parent / "data" / "synthesis.json"


@functools.lru_cache(maxsize=1)
def _anchor_sources() -> dict[str, str]:
    return json.loads(DATA.read_text(encoding="utf-8"))["anchor_sources"]


# -- dates ---------------------------------------------------------------------------------------
def article_date(a: dict[str, Any]) -> tuple[str | None, bool, str | None]:
    """(date, estimated, how it was estimated): the publication date, else the anchor estimate."""
    if a.get("published"):
        return a["published"], False, None
    anchor = (a.get("evidence") or {}).get("anchor") or {}
    if not anchor.get("value"):
        return None, False, None
    source = anchor.get("source") or ""
    kind = "summit" if source.startswith("summit:") else source
    basis = _anchor_sources().get(kind, "the text")
    evidence = " ".join((anchor.get("text") or "").split())
    if evidence and len(evidence) <= 60:
        basis += f" (“{evidence}”)"
    return anchor["value"], True, basis


def _bounds(date: str) -> tuple[dt.date, dt.date]:
    """First and last day a date of year, month or day precision stands for."""
    y = int(date[:4])
    if len(date) == 4:
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    m = int(date[5:7])
    if len(date) == 7:
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return dt.date(y, m, 1), nxt - dt.timedelta(days=1)
    d = dt.date.fromisoformat(date[:10])
    return d, d


def story_span(dates: list[str | None]) -> tuple[str, str] | None:
    known = sorted(d for d in dates if d)
    return (known[0], known[-1]) if known else None


# -- events --------------------------------------------------------------------------------------
def _pair(e: dict[str, Any]) -> tuple:
    sides = tuple(e.get(f"{p}_entity") or e.get(f"{p}_country") or e.get(f"{p}_name") or "" for p in ("actor", "target"))
    return tuple(sorted(sides)) if e.get("symmetric") else sides


def _is_own(e: dict[str, Any], span: tuple[str, str] | None) -> bool:
    if span is None:
        return True
    lo, hi = _bounds(span[0])[0] - dt.timedelta(days=NEAR_DAYS), _bounds(span[1])[1] + dt.timedelta(days=NEAR_DAYS)
    if not e["date"]:
        # undated reporting is the story's own, unless its sentence is about an earlier year
        return not any(int(y) < lo.year for y in _YEAR.findall(e.get("text") or ""))
    try:
        a, b = _bounds(e["date"])
    except ValueError:
        return False
    return a <= hi and b >= lo


def _leads(e: dict[str, Any]) -> bool:
    """Only what happened, on a date of its own, can be a key event or dated background: an event
    dated only by its article's date ("date_from": "article") may be something else reported that day,
    unless it is told in the article's lede, which reports the article's own news."""
    if e["status"] != "happened" or not e["date"]:
        return False
    if e.get("date_from") != "article":
        return True
    return any(int(ev.get("start", LEDE_CHARS)) < LEDE_CHARS for ev in (e.get("evidence") or [])[:1])


def event_sections(rows: list[dict[str, Any]], by_id: dict[str, dict[str, Any]],
                   span: tuple[str, str] | None,
                   keep: Callable[[dict[str, Any]], bool] | None = None,
                   ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(key events, background), each capped and chronological; one line per happening with all its sources.

    Only events that happened and carry their own date are listed (undated reporting is no key
    event). ``span``: the story's dates; without one (an actor briefing) each event is compared with
    its own article's date. ``keep``: which events belong to the briefing (an actor briefing keeps
    the events between its actors).
    """
    from .timeline import describe_event

    merged: dict[str, list[dict[str, Any]]] = {}
    for e in rows:
        if e["merged_into"]:
            merged.setdefault(e["merged_into"], []).append(e)
    lines: dict[tuple, dict[str, Any]] = {}
    for e in sorted(rows, key=lambda r: (-float(r.get("confidence") or 0), r["id"])):
        if e["merged_into"] or e.get("duplicate_of") or not _leads(e) or (keep and not keep(e)):
            continue
        ev = (e["evidence"] or [{}])[0]
        if ev.get("start") is None or e["article_id"] not in by_id:
            continue
        key = (e["type"], _pair(e), e["date"], e["status"])
        members = [e] + [m for m in merged.get(e["id"], []) if not m.get("duplicate_of")]
        line = lines.get(key)
        if line is None:
            own_span = span or _article_span(by_id[e["article_id"]])
            line = lines[key] = {"id": e["id"], "date": e["date"], "status": e["status"], "type": e["type"],
                                 "label": e.get("title") or describe_event(e), "article": e["article_id"],
                                 "outlet": by_id[e["article_id"]]["outlet"], "text": ev.get("text"),
                                 "start": ev.get("start"), "end": ev.get("end"), "sources": [],
                                 "resolved": bool(e.get("actor_entity") and e.get("target_entity")),
                                 "meeting": e["type"] in MEETING_TYPES, "own": _is_own(e, own_span),
                                 "confidence": e.get("confidence")}
        for m in members:
            if m["article_id"] in by_id and m["article_id"] not in {s["article"] for s in line["sources"]}:
                line["sources"].append({"article": m["article_id"], "outlet": by_id[m["article_id"]]["outlet"]})
    own = [x for x in lines.values() if x["own"]]
    background = [x for x in lines.values() if not x["own"]]

    def pick(items: list[dict[str, Any]], cap: int) -> list[dict[str, Any]]:
        # meetings first, then events with both parties known, then the most reported
        best = sorted(items, key=lambda x: (not x["meeting"], not x["resolved"], -len(x["sources"]), x["id"]))[:cap]
        return sorted(best, key=lambda x: (x["date"], not x["meeting"], x["start"], x["id"]))

    return pick(own, OWN_MAX), pick(background, BACKGROUND_MAX)


def event_spans(rows: list[dict[str, Any]], by_id: dict[str, dict[str, Any]],
                span: tuple[str, str] | None) -> dict[str, list[tuple[int, int, str, bool]]]:
    """Per article: (start, end, date, own) of the evidence of each dated event that happened, in text
    order, so that a quote can be read in the context of the event reported just before it."""
    out: dict[str, list[tuple[int, int, str, bool]]] = {}
    for e in rows:
        ev = (e.get("evidence") or [{}])[0]
        if not _leads(e) or ev.get("start") is None or e["article_id"] not in by_id:
            continue
        own = _is_own(e, span or _article_span(by_id[e["article_id"]]))
        out.setdefault(e["article_id"], []).append((ev["start"], ev["end"], e["date"], own))
    return {k: sorted(v) for k, v in out.items()}


def _article_span(a: dict[str, Any]) -> tuple[str, str] | None:
    date = article_date(a)[0]
    return (date, date) if date else None


# -- sources -------------------------------------------------------------------------------------
def source_rows(articles: list[dict[str, Any]], outlet_of: dict[str, str | None]) -> list[dict[str, Any]]:
    """Sources in date order with their (possibly estimated) dates; ``outlet_of`` names copied originals."""
    out = []
    for a in articles:
        date, estimated, basis = article_date(a)
        out.append({"article": a["id"], "outlet": a["outlet"], "published": a["published"], "date": date,
                    "date_estimated": estimated, "date_basis": basis, "title": a["title"], "url": a["url"],
                    "copy_of": a["duplicate_of"],
                    "copy_of_outlet": outlet_of.get(a["duplicate_of"]) if a["duplicate_of"] else None})
    return sorted(out, key=lambda s: (s["date"] or "9999", s["article"]))


def date_text(s: dict[str, Any]) -> str:
    if not s["date"]:
        return "undated"
    return f"c. {s['date']}, estimated from {s['date_basis']}" if s["date_estimated"] else s["date"]


# -- only in one source --------------------------------------------------------------------------
def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s <= a and b <= e for a, b in spans)


def only_here(articles: list[dict[str, Any]], quotes: list[dict[str, Any]], grouped: set[str],
              amounts: list[dict[str, Any]], mentions: list[dict[str, Any]],
              aligned: set[str] = frozenset()) -> list[dict[str, Any]]:
    """Per independent outlet: up to ``UNIQUE_PER_OUTLET`` sentences no other independent source says.

    ``grouped``: quote ids another outlet renders too; ``aligned``: amount ids in a corroboration or
    conflict (another source gives that figure, so it is not only here).
    """
    originals = [a for a in articles if not a["duplicate_of"]]
    if len(originals) < 2:
        return []
    units = [u for a in originals for u in units_of(a)]
    if not units:
        return []
    tfidf = similarity_matrix(units)
    vecs = [content(u.text).vector for u in units]
    out = []
    for a in originals:
        mine = [i for i, u in enumerate(units) if u.article == a["id"]]
        others = [j for j, u in enumerate(units) if u.article != a["id"]]
        figs = [(m["start"], m["end"]) for m in amounts if m["article_id"] == a["id"] and m["id"] not in aligned]
        shared_figs = [(m["start"], m["end"]) for m in amounts if m["article_id"] == a["id"] and m["id"] in aligned]
        names = [(m["start"], m["end"], m["entity"]) for m in mentions if m["article_id"] == a["id"]]
        qs = [q for q in quotes if q["article_id"] == a["id"]]
        cands = []
        for i in mine:
            u = units[i]
            if any(q["id"] in grouped and u.start <= q["start"] and q["end"] <= u.end for q in qs):
                continue  # another outlet renders this statement
            if _inside(shared_figs, u.start, u.end) or _shared(i, others, units, tfidf, vecs):
                continue
            quote = next((q for q in qs if q["speaker"] and not q["partial"] and u.start <= q["start"]
                          and q["end"] <= u.end), None)
            actors = {k for s, e, k in names if u.start <= s and e <= u.end}
            why = (["figure"] if _inside(figs, u.start, u.end) else []) + (["quote"] if quote else []) + \
                (["actors"] if actors else [])
            score = 2 * ("figure" in why) + 2 * ("quote" in why) + min(len(actors), 3) * 0.5
            cands.append((-score, u.position, {"kind": "sentence", "text": u.text, "start": u.start, "end": u.end,
                                               "speaker": quote["speaker"] if quote else None, "why": why}))
        items = [c[2] for c in sorted(cands, key=lambda c: (c[0], c[1]))[:UNIQUE_PER_OUTLET]]
        if items:
            out.append({"outlet": a["outlet"], "article": a["id"], "items": items})
    return out


def _shared(i: int, others: list[int], units: list[Any], tfidf: np.ndarray, vecs: list[Any]) -> bool:
    """Whether another source says this sentence: by word overlap or by meaning (ledes: more loosely)."""
    if not others or max(float(tfidf[i, j]) for j in others) >= TFIDF_SHARED:
        return bool(others)
    for j in others:
        if cosine(vecs[i], vecs[j]) < PREFILTER:
            continue
        sim = similarity(units[i].text, units[j].text)
        if sim >= UNIQUE_MAX_SIM:
            return True
        if units[i].position < LEAD and units[j].position < LEAD and (
                sim >= LEAD_MAX_SIM or coverage(units[i].text, units[j].text) >= LEAD_COVERED):
            return True
    return False
