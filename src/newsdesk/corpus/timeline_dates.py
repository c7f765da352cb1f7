"""Which days matter: a day's score is how many distinct articles report or refer to something on it.

Evidence for a day (README "Timelines"):
- a resolved day-precision time expression in an article ("on Thursday the Council voted", "yesterday"),
  unless it bounds a period or states a level, or lies after the article's publication day;
- an event whose own words or context date it (``date_from`` own/context);
- optionally (``lead_weight`` in ``corpus/data/timeline.json``) a fraction for an article's own
  publication day when none of its time expressions names that day.
An article counts once per day however often it names it; a copy (``duplicate_of``) counts as its original.
A publication day alone, or an event dated only by its article, is never full evidence.
"""
from __future__ import annotations

import bisect
import functools
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    data = json.loads(resources.files("newsdesk.corpus").joinpath("data/timeline.json").read_text(encoding="utf-8"))
    data["_before"] = re.compile(data["period_before"], re.I)
    data["_after"] = re.compile(data["period_after"], re.I)
    data["_level"] = re.compile(data["level_before"], re.I)
    data["_level_not"] = re.compile(data["level_after_not"])
    return data


@dataclass
class DayScore:
    date: str
    score: float = 0.0
    sources: set[str] = field(default_factory=set)  # original articles that refer to the day
    leads: set[str] = field(default_factory=set)  # original articles published that day (lead weight only)
    evidence: list[dict[str, Any]] = field(default_factory=list)  # {article, start, end, kind}


def is_happening_reference(text: str, start: int, end: int, value: str, published: str | None) -> bool:
    """Does the time expression at text[start:end] date a happening (not a period bound or a plan)?"""
    if not DAY.match(value or ""):
        return False
    if published and value > published[:10]:
        return False
    r = rules()
    before, after = text[max(0, start - 40):start], text[end:end + 30]
    if r["_level"].search(before) and not r["_level_not"].match(after):
        return False
    return not (r["_before"].search(before) or r["_after"].search(after))


def written_on(art: dict[str, Any]) -> str | None:
    """The day an undated article was written on, as estimated from its text (its anchor), if a day."""
    anchor = ((art.get("evidence") or {}).get("anchor") or {}).get("value") or ""
    return anchor[:10] if DAY.match(anchor[:10]) else None


def score_days(refs: Iterable[dict[str, Any]], events: Iterable[dict[str, Any]],
               articles: dict[str, dict[str, Any]], lead_weight: float | None = None,
               leads_from: set[str] | None = None) -> dict[str, DayScore]:
    """Day -> :class:`DayScore` over these time expressions (``store.day_references`` rows), events
    (with ``date_from``) and articles (``store.article_heads(..., text=True)``); only ``leads_from``
    articles (default: all) add the lead weight to their publication day."""
    lead_weight = rules()["lead_weight"] if lead_weight is None else lead_weight
    days: dict[str, DayScore] = {}

    def add(day: str, original: str, ev: dict[str, Any]) -> None:
        d = days.setdefault(day, DayScore(day))
        if original not in d.sources:
            d.sources.add(original)
            d.evidence.append(ev)

    for r in refs:
        art = articles.get(r["article_id"])
        if art is None or not is_happening_reference(art.get("text") or "", r["start"], r["end"], r["value"],
                                                      r["published"] or written_on(art)):
            continue
        add(r["value"], r["duplicate_of"] or r["article_id"],
            {"article": r["article_id"], "start": r["start"], "end": r["end"], "kind": "reference"})
    own = set(rules()["event_date_from"])
    for e in events:
        published = (e.get("published") or "9")[:10]
        if e.get("date_from") in own and DAY.match(e.get("date") or "") and e["date"] <= published:
            span = (e.get("evidence") or [{}])[0]
            add(e["date"], e["duplicate_of"] or e["article_id"],
                {"article": e["article_id"], "start": span.get("start"), "end": span.get("end"), "kind": "event",
                 "event": e["id"]})
    if lead_weight:
        for aid, art in articles.items():
            pub = (art.get("published") or "")[:10]
            if art.get("duplicate_of") or not DAY.match(pub) or (leads_from is not None and aid not in leads_from):
                continue
            d = days.setdefault(pub, DayScore(pub))
            if aid not in d.sources:
                d.leads.add(aid)
    for d in days.values():
        d.score = len(d.sources) + lead_weight * len(d.leads - d.sources)
    return days


def covered_from(articles: dict[str, dict[str, Any]]) -> str | None:
    """The first day of the period the articles cover: ``background_days`` before the earliest one."""
    import datetime as dt

    pubs = [a["published"][:10] for a in articles.values() if DAY.match((a.get("published") or "")[:10])]
    if not pubs:
        return None
    return (dt.date.fromisoformat(min(pubs)) - dt.timedelta(days=rules()["background_days"])).isoformat()


def ranked(days: dict[str, DayScore], since: str | None = None) -> list[DayScore]:
    """Best first: days from ``since`` on before older (background) days, then score, more referring
    sources, the earlier day."""
    return sorted(days.values(), key=lambda d: (bool(since and d.date < since), -d.score, -len(d.sources), d.date))


def sentence_of(sentences: list[list[int]] | None, text: str, start: int | None, end: int | None) -> tuple[int, int]:
    """The stored sentence span around [start, end) (the span itself when unknown)."""
    if start is None or end is None:
        return 0, min(len(text), 200)
    spans = sorted(tuple(s) for s in sentences or ())
    i = bisect.bisect_right([s[0] for s in spans], start) - 1
    if 0 <= i < len(spans) and spans[i][1] >= end:
        return spans[i]
    return start, end
