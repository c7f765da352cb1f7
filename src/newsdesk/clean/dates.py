"""Explicit calendar dates in short passages and URLs (no guessing: no year, no date)."""
from __future__ import annotations

import re
from datetime import date

MONTHS = {m: i for i, names in enumerate((
    (), ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=0) for m in names}
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_NAME = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+"
_TIME = r"(?:\s*(?:,|at|-|–|\|)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|GMT[+-]?\d*|UTC[+-]?\d*))?)?"
DATE_PATTERNS = (
    re.compile(r"(?:" + _DAY_NAME + r")?" + _MON + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)"
               + _TIME, re.IGNORECASE),
    re.compile(r"(?:" + _DAY_NAME + r")?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON
               + r",?\s+(?P<year>(?:19|20)\d\d)" + _TIME, re.IGNORECASE),
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<mon>[01]?\d)-(?P<day>[0-3]?\d)(?:[T ]\d\d:\d\d(?::\d\d)?\S*)?"),
)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|GMT[+-]?\d*|UTC[+-]?\d*)\b)?", re.IGNORECASE)
_LABEL = re.compile(r"^(?P<label>published|posted|first published|updated|last updated|modified|date)"
                    r"(?:\s+on)?\s*:?\s*", re.IGNORECASE)
_URL_DATE = (
    re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<mon>[01]?\d)/(?P<day>[0-3]?\d)(?:/|$)"),
    re.compile(r"[/_-](?P<year>(?:19|20)\d\d)[-_](?P<mon>[01]\d)[-_](?P<day>[0-3]\d)(?:[/_.-]|$)"),
    re.compile(r"[/_-](?P<year>(?:19|20)\d\d)(?P<mon>[01]\d)(?P<day>[0-3]\d)(?:/|[-_.]|$)"),
)


def _iso(m: re.Match[str]) -> str | None:
    mon = m.group("mon")
    month = int(mon) if mon.isdigit() else MONTHS.get(mon.lower().rstrip("."))
    try:
        return date(int(m.group("year")), month or 0, int(m.group("day"))).isoformat()
    except (ValueError, TypeError):
        return None


_MONTH_DAY = re.compile(r"^\s*" + _MON + r"\s+(?P<day>\d{1,2})(?:,\s+(?P<year>(?:19|20)\d\d))?\s*$", re.IGNORECASE)


def month_day(text: str) -> tuple[str, str | None] | None:
    """"March 1" / "Sept. 30, 2024" -> ("03-01", None) / ("09-30", "2024-09-30"): the day a wire dateline
    gives ("WASHINGTON, Dec 6 (Reuters) -"), and the whole date when it names the year too; None for
    anything else or a day no year has."""
    m = _MONTH_DAY.match(text or "")
    if not m:
        return None
    month, day = MONTHS[m.group("mon").lower()], int(m.group("day"))
    try:
        date(2000, month, day)  # a leap year: February 29 is a day some year has
        full = date(int(m.group("year")), month, day).isoformat() if m.group("year") else None
    except ValueError:
        return None
    return f"{month:02d}-{day:02d}", full


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first explicit full date in ``text`` as ISO, with its match."""
    best = None
    for pat in DATE_PATTERNS:
        m = pat.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None
    iso = _iso(best)
    return (iso, best) if iso else None


def date_line(text: str) -> tuple[str, str | None] | None:
    """If a short passage is essentially a date (optionally labelled), ``(iso, label)``."""
    t = text.strip()
    if len(t) > 90:
        return None
    label_m = _LABEL.match(t)
    label = label_m.group("label").lower() if label_m else None
    rest = t[label_m.end():] if label_m else t
    found = find_date(rest)
    if not found:
        return None
    iso, m = found
    leftover = _CLOCK.sub("", rest[:m.start()] + rest[m.end():]).strip(" ,|-–—•·\t")
    if len(re.sub(r"\W", "", leftover)) > (30 if label else 4):
        return None
    return iso, label


def url_date(url: str) -> str | None:
    """A date in a URL path such as /2022/09/15/ or -20220915-."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for pat in _URL_DATE:
        m = pat.search(path)
        if m:
            iso = _iso(m)
            if iso:
                return iso
    return None
