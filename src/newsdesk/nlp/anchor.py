"""The best available anchor date of an article: what its relative dates resolve against.

Rules, in order (each is general; none knows any outlet or story):

1. A publication date from a trustworthy source (hint, HTML meta, labelled date, byline or article
   header, URL path, dateline) *is* the anchor, and nothing read from the text may override it.
2. A date read from a page header or display line (``published_from == "page-header"``, or the
   cleaner's ``evidence["display_date"]``) and an "updated" label are only an UPPER BOUND: the
   article is on or before it. Text evidence later than the bound conflicts with it and is dropped.
3. The article reports events no later than its own date, so its date is on or after the LATEST
   PAST point it names explicitly ("in March 2021", "since 2015", "Expo 2020", "the 2022 Winter
   Olympics"). Future-tense years, deadlines ("by 2027", "until 2030"), programme names
   ("Vision 2030") and ranges ("2018-2024") do not count; nor do years after today.
4. Day-level evidence (the candidates), each required not to fall before that latest point:
   - a known summit edition (nlp/summits.py) named in the lead paragraphs, not in the future tense;
     an edition left ambiguous by the text is the first one not before the latest point, when that
     lies within a year of it;
   - an explicit date in the lead ("on September 11, 2018"; "On September 11 and 12");
   - a date in a photo caption ("... arrive in Lima on Nov. 14").
   Text dates count only in an article that reports (it says "on Tuesday", "this year", "last
   week", "said on" ...): a feature or history without such words dates nothing by its text dates.
   A month-day without a year takes its year from the latest explicit past point: the first
   occurrence on or after it ("November 2022" + "May 3" -> 2023-05-03). Dates after "since" or in
   a sentence about an anniversary or "ago" are background, not candidates.
5. The latest candidate wins (the newest reported event is the one nearest to publication); a day
   inside a summit's span is reported as that day, the span backing it. A candidate far (> 60
   days) before an upper bound is still used, at lower confidence: a display date can be a crawl
   date years after the article.
6. Without candidates: the upper bound if it is consistent with the latest point; else the latest
   point itself at year/month precision when a reporting article repeats it or names it in the lead;
   else None. Conflicting or weak evidence gives None, never a guess.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..records import Meta
from .summits import SummitRegistry, find_summits, load_summits
from .time_rules import DAY_RE, MONTH_RE, MONTHS, WEEKDAY_RE, WEEKDAYS, YEAR_RE
from .times import tense_of

UNTRUSTED = {"page-header", "updated-label", "display", "crawl", "copyright"}
WINDOW_DAYS = 60  # how far before a display date the article plausibly is
LEAD_PARAGRAPHS, LEAD_MIN, LEAD_MAX = 4, 600, 1400

_FULL = re.compile(rf"\b(?:{WEEKDAY_RE},?\s+)?(?:(?P<m1>{MONTH_RE})\s+(?P<d1>{DAY_RE}),?\s+(?P<y1>{YEAR_RE})|"
                   rf"(?P<d2>{DAY_RE})\s+(?:of\s+)?(?P<m2>{MONTH_RE}),?\s+(?P<y2>{YEAR_RE}))\b", re.I)
_ISO = re.compile(rf"\b(?P<y>{YEAR_RE})-(?P<m>\d\d)-(?P<d>\d\d)\b")
_MONTH_YEAR = re.compile(rf"\b(?P<m>{MONTH_RE})\s+(?:of\s+)?(?P<y>{YEAR_RE})\b", re.I)
_MONTH_DAY = re.compile(rf"\b(?P<m>{MONTH_RE})\s+(?P<d>{DAY_RE})(?:\s*(?:and|-|–|to)\s*(?P<d2>{DAY_RE}))?\b"
                        rf"(?!,?\s*(?:{YEAR_RE}|\d))|\b(?P<dd>{DAY_RE})\s+(?:of\s+)?(?P<mm>{MONTH_RE})(?!,?\s*{YEAR_RE})", re.I)
_YEAR = re.compile(rf"(?<![\w$£€¥.,/-]){YEAR_RE}(?![\w%/]|,\d|\.\d|\s*(?:[-–]|to|and)\s*(?:{YEAR_RE}|\d\d\b))")
_RANGE_BEFORE = re.compile(rf"(?:{YEAR_RE}\s*(?:[-–]|to|and)\s*|between\s+)$")
_YEAR_PREPS = {"in", "since", "from", "of", "during", "early", "late", "mid", "throughout", "around", "circa",
               "after", "the", "its", "his", "her", "their", "this", "that"}
_NOT_PAST = {"by", "until", "till", "through", "before", "next", "upcoming", "target", "targets", "goal",
             "goals", "vision", "agenda", "plan", "plans", "strategy", "program", "programme", "horizon"}
_FUTURE_CUE = re.compile(r"\b(?:ahead\s+of|upcoming|forthcoming|next|will\s+(?:host|attend|hold)|"
                         r"to\s+be\s+held|due\s+to|scheduled|planned)\b[^.;]{0,40}$", re.I)
# words of current reporting; an article without any (a feature, a history) dates nothing by its text dates
_REPORTING = re.compile(rf"\b(?:(?:on|last|this|next|since|by|until)\s+{WEEKDAY_RE}|today|yesterday|tonight|"
                        rf"this\s+(?:week|month|year)|last\s+(?:week|month|year)|earlier\s+this|"
                        rf"(?:said|says|told)\s+on)\b", re.I)
_PART = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}  # "late 2020": September to December
_BACKGROUND = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_BACKGROUND_SENT = re.compile(r"\b(?:anniversary|ago|years\s+after|decades\s+after)\b", re.I)


@dataclass
class AnchorEstimate:
    date: str  # YYYY-MM-DD (first day of the period for month/year precision)
    precision: str  # day | month | year
    source: str  # published | summit:<id> | explicit-date | caption-date | latest-mention | page-header
    confidence: float
    evidence: str | None = None  # the passage it was read from
    start: int | None = None  # offsets into doc.text (None for metadata and captions)
    end: int | None = None
    date_end: str | None = None  # last day when the anchor is a span (a summit, "September 11 and 12")
    upper_bound: str | None = None  # a display date the article is on or before
    support: list[str] = field(default_factory=list)  # other evidence that agrees


@dataclass
class _Point:
    lo: dt.date
    hi: dt.date
    precision: str
    text: str
    start: int | None
    end: int | None
    where: str  # text | caption
    in_lead: bool = False
    role: str = "past"  # past | background | future


@dataclass
class _Cand:
    lo: dt.date
    hi: dt.date
    source: str
    text: str
    start: int | None
    end: int | None
    confidence: float


def _month_end(y: int, m: int) -> dt.date:
    return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))


def _caps_ok(s: str) -> bool:
    return all(m.group()[0].isupper() for m in re.finditer(rf"(?i)\b(?:{MONTH_RE}|{WEEKDAY_RE})", s))


def _day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def lead_end(text: str) -> int:
    """End offset of the lead: the first three paragraphs, at least LEAD_MIN and at most LEAD_MAX chars."""
    end, n = 0, 0
    for m in re.finditer(r"[^\n]+", text):
        n += 1
        end = m.end()
        if (n >= LEAD_PARAGRAPHS and end >= LEAD_MIN) or end >= LEAD_MAX:
            break
    return min(end, LEAD_MAX) if end else len(text)


def _tense(doc: Any, start: int, end: int, prefix: str) -> str:
    if _FUTURE_CUE.search(prefix):
        return "future"
    try:
        return tense_of(doc, start, end) if doc is not None else "past"
    except (ValueError, IndexError, AttributeError):
        return "past"


def _year_ok(doc: Any, text: str, start: int, end: int) -> bool:
    """A bare year used as a time of the past or present (not a count, code, deadline or programme)."""
    before = text[max(0, start - 40):start]
    if _RANGE_BEFORE.search(before):
        return False
    words = re.findall(r"[\w'’-]+", before)
    prev = words[-1].lower() if words else ""
    if prev in _NOT_PAST or (len(words) > 1 and words[-2].lower() in ("by", "until", "through")):
        return False
    if prev.startswith("mid") or prev in _YEAR_PREPS:
        return True
    if words and words[-1][:1].isupper() and words[-1].lower() not in MONTHS:
        return True  # an event name ending in its year: "Expo 2020", "Joint Sea 2017"
    after = re.match(r"\s+([A-Z][\w-]*|[a-z][\w-]*)", text[end:end + 30])
    return bool(after and after.group(1)[:1].isupper() and prev in ("", "a", "an"))


def _points(text: str, doc: Any, where: str, lead: int, today: dt.date) -> list[_Point]:
    """Explicit dated mentions (full dates, months with a year, years) with their role."""
    out: list[_Point] = []
    taken: list[tuple[int, int]] = []

    def add(lo: dt.date, hi: dt.date, prec: str, s: int, e: int) -> None:
        if any(s < b and e > a for a, b in taken) or lo > today:
            return
        taken.append((s, e))
        prefix = text[max(0, s - 60):s]
        sent_a = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s)) + 1
        sent_b = min([i for i in (text.find(". ", e), text.find("\n", e)) if i >= 0] or [len(text)])
        role = "past"
        if where == "text" and _tense(doc, s, e, prefix) == "future":
            role = "future"
        elif _BACKGROUND.search(prefix) or _BACKGROUND_SENT.search(text[sent_a:sent_b]):
            role = "background"
        loc = (s, e) if where == "text" else (None, None)
        out.append(_Point(lo, hi, prec, text[s:e], *loc, where=where, in_lead=where == "text" and s < lead,
                          role=role))

    for m in _FULL.finditer(text):
        if not _caps_ok(m.group()):
            continue
        mon, d, y = (m.group("m1"), m.group("d1"), m.group("y1")) if m.group("m1") else \
            (m.group("m2"), m.group("d2"), m.group("y2"))
        day = _day(int(y), MONTHS[mon.rstrip(".").lower()], int(re.sub(r"\D", "", d)))
        if day:
            add(day, day, "day", m.start(), m.end())
    for m in _ISO.finditer(text):
        day = _day(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if day:
            add(day, day, "day", m.start(), m.end())
    for m in _MONTH_YEAR.finditer(text):
        if _caps_ok(m.group()):
            y, mo = int(m.group("y")), MONTHS[m.group("m").rstrip(".").lower()]
            add(dt.date(y, mo, 1), _month_end(y, mo), "month", m.start(), m.end())
    for m in _YEAR.finditer(text):
        if _year_ok(doc, text, m.start(), m.end()):
            y = int(m.group())
            part = re.search(r"\b(early|mid|late)[\s-]+$", text[max(0, m.start() - 8):m.start()], re.I)
            lo_m, hi_m = _PART.get(part.group(1).lower() if part else "", (1, 12))
            add(dt.date(y, lo_m, 1), _month_end(y, hi_m), "year", m.start(), m.end())
    return out


def _latest(points: list[_Point]) -> _Point | None:
    past = [p for p in points if p.role != "future"]
    order = {"year": 0, "month": 1, "day": 2}
    return max(past, key=lambda p: (p.lo, order[p.precision]), default=None)


def _month_days(text: str, where: str, lead: int) -> list[tuple[int, int, int, int | None, int, int]]:
    """(month, day, day2, start, end) of month-day mentions without a year."""
    out = []
    for m in _MONTH_DAY.finditer(text):
        if not _caps_ok(m.group()) or (where == "text" and m.start() >= lead):
            continue
        mon = m.group("m") or m.group("mm")
        d = m.group("d") or m.group("dd")
        if mon.rstrip(".").lower() == "may" and not d:
            continue
        d2 = int(re.sub(r"\D", "", m.group("d2"))) if m.group("d2") else None
        out.append((MONTHS[mon.rstrip(".").lower()], int(re.sub(r"\D", "", d)), d2, m.start(), m.end()))
    return out


def _year_for(month: int, day: int, after: dt.date) -> dt.date | None:
    """The first occurrence of month-day on or after ``after``."""
    for y in (after.year, after.year + 1):
        d = _day(y, month, day)
        if d and d >= after:
            return d
    return None


def _date_cands(text: str, doc: Any, where: str, lead: int, points: list[_Point],
                basis: dt.date | None, source: str, conf: float) -> list[_Cand]:
    out: list[_Cand] = []
    for p in points:
        if p.precision == "day" and p.role == "past" and (where == "caption" or p.in_lead):
            out.append(_Cand(p.lo, p.hi, source, p.text if where == "text" else text[:300], p.start, p.end, conf))
    if basis is None:
        return out
    for month, day, day2, s, e in _month_days(text, where, lead):
        if _BACKGROUND.search(text[max(0, s - 20):s]):
            continue
        if where == "text" and _tense(doc, s, e, text[max(0, s - 60):s]) == "future":
            continue
        lo = _year_for(month, day, basis)
        if lo is None:
            continue
        hi = _day(lo.year, month, day2) if day2 and day2 > day else lo
        loc = (s, e) if where == "text" else (None, None)
        out.append(_Cand(lo, hi or lo, source, text[s:e] if where == "text" else text[:300], *loc, conf - 0.05))
    return out


def _summit_cands(doc: Any, lead: int, latest: _Point | None, reg: SummitRegistry) -> list[_Cand]:
    out: list[_Cand] = []
    text = doc.text
    for sm in find_summits(doc, reg, until=lead):
        if sm.start >= lead or _tense(doc, sm.start, sm.end, text[max(0, sm.start - 60):sm.start]) == "future":
            continue
        cands = [reg.get(c) for c in sm.candidates]
        if sm.instance is None:
            if latest is None:
                continue
            # the first edition not before the latest explicit point, when it lies within a year of it
            cands = [c for c in cands if c.end >= latest.lo and c.start <= latest.hi + dt.timedelta(days=366)]
            cands = cands[:1]
        for c in cands:
            if c is None or (latest is not None and c.end < latest.lo):
                continue
            conf = 0.8 if c.precision == "day" else 0.65
            out.append(_Cand(c.start, c.end, f"summit:{c.id}", sm.text, sm.start, sm.end, conf))
    return out


def _bounds(meta: Meta) -> tuple[dt.date | None, dt.date | None, str | None]:
    """(trusted publication date, upper bound, the upper bound's passage)."""
    pub = _iso(meta.published)
    if pub and (meta.published_from or "") not in UNTRUSTED:
        return pub, None, None
    ub, ub_text = pub, meta.published
    ev = (meta.evidence or {}).get("display_date")
    if ev is not None and (d := _iso(str(ev.value))):
        if ub is None or d < ub:
            ub, ub_text = d, ev.text or str(ev.value)
    return None, ub, ub_text


def _iso(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def estimate_anchor(doc: Any, meta: Meta, registry: SummitRegistry | None = None,
                    captions: Sequence[str] = (), today: dt.date | None = None) -> AnchorEstimate | None:
    """The best available anchor date for the article over ``doc`` (see the module docstring).

    ``captions`` are the photo captions the cleaner kept apart from the body (CleanDoc.captions);
    ``today`` bounds what can be a past date (default: the system date).
    """
    pub, ub, ub_text = _bounds(meta)
    if pub is not None:
        return AnchorEstimate(date=pub.isoformat(), precision="day", source="published", confidence=0.95,
                              evidence=meta.published_from)
    reg = registry or load_summits()
    today = today or dt.date.today()
    text = doc.text
    lead = lead_end(text)
    points = _points(text, doc, "text", lead, today)
    cap_points = [(c, _points(c, None, "caption", 0, today)) for c in captions]
    latest = _latest(points + [p for _, ps in cap_points for p in ps])
    basis = latest.lo if latest else None

    cands = _summit_cands(doc, lead, latest, reg)
    summit_years = {c.lo.year for c in cands}
    if basis is None and len(summit_years) == 1:
        # no explicit point: a month-day takes the summit's year (nearest occurrence to it)
        basis = min(c.lo for c in cands) - dt.timedelta(days=182)
    if _REPORTING.search(text):
        cands += _date_cands(text, doc, "text", lead, points, basis, "explicit-date", 0.75)
    for cap, ps in cap_points:
        cands += _date_cands(cap, None, "caption", 0, ps, basis, "caption-date", 0.75)
    if latest is not None:
        cands = [c for c in cands if c.hi >= latest.lo]
    if ub is not None:
        cands = [c for c in cands if c.lo <= ub]
    if cands:
        return _choose(cands, ub)
    if ub is not None:
        if latest is None or latest.lo <= ub:
            return AnchorEstimate(date=ub.isoformat(), precision="day", source="page-header", confidence=0.45,
                                  evidence=ub_text, upper_bound=ub.isoformat())
        return None
    if latest is not None and latest.role == "past" and _REPORTING.search(text):
        same = [p for p in points if p.role != "future" and p.lo.year == latest.lo.year]
        if latest.in_lead or len(same) >= 2:
            prec = "month" if latest.precision in ("month", "day") else "year"
            lo = latest.lo.replace(day=1) if prec == "month" else dt.date(latest.lo.year, 1, 1)
            return AnchorEstimate(date=lo.isoformat(), precision=prec, source="latest-mention", confidence=0.4,
                                  evidence=latest.text, start=latest.start, end=latest.end)
    return None


def _choose(cands: list[_Cand], ub: dt.date | None) -> AnchorEstimate:
    best = max(cands, key=lambda c: (c.lo, c.source.startswith("summit:") is False))
    if best.source.startswith("summit:"):
        inside = [c for c in cands if not c.source.startswith("summit:") and best.lo <= c.lo <= best.hi]
        if inside:
            best = max(inside, key=lambda c: c.lo)
    support = sorted({c.source for c in cands if c.source != best.source and c.lo <= best.hi + dt.timedelta(days=3)
                      and c.hi >= best.lo - dt.timedelta(days=3)})
    conf = min(0.9, best.confidence + 0.1 * len(support))
    if ub is not None and (ub - best.hi).days > WINDOW_DAYS:
        conf = min(conf, 0.55)
    span = best.hi if best.hi != best.lo else None
    return AnchorEstimate(date=best.lo.isoformat(), precision="day", source=best.source, confidence=round(conf, 2),
                          evidence=best.text, start=best.start, end=best.end,
                          date_end=span.isoformat() if span else None,
                          upper_bound=ub.isoformat() if ub else None, support=support)


def resolve_weekday(weekday: str, anchor: AnchorEstimate | None, tense: str | None = "past") -> dt.date | None:
    """The date of "on <weekday>" against a day-precision anchor.

    Inside the anchor's span (a summit from its first to its last day) when the weekday falls in
    it; otherwise the most recent such weekday on or before the anchor (past tense), the next one
    after it (future), or the nearer of the two (no tense).
    """
    wd = WEEKDAYS.get(weekday.strip().rstrip(".").lower())
    if wd is None or anchor is None or anchor.precision != "day":
        return None
    first = dt.date.fromisoformat(anchor.date)
    last = dt.date.fromisoformat(anchor.date_end) if anchor.date_end else first
    day = first
    while anchor.date_end and day <= last:
        if day.weekday() == wd:
            return day
        day += dt.timedelta(days=1)
    before = last - dt.timedelta(days=(last.weekday() - wd) % 7)
    after = last + dt.timedelta(days=(wd - last.weekday()) % 7 or 7)
    if tense == "past":
        return before
    if tense == "future":
        return after
    return before if (last - before) <= (after - last) else after
