"""Resolve one temporal expression string against an anchor date (no spaCy here).

``resolve(text, anchor, tense)`` returns ``(value, precision)`` or ``(None, None)`` when the
expression cannot be resolved safely. ``tense`` is "past", "future" or "present" and only matters
for expressions that name a weekday or month without a year: in news a bare weekday or month
names the most recent one on or before the publication date when the verb is in the past tense,
the next one in the future tense, and the nearest one otherwise.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
            "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
            "sat": 5, "sunday": 6, "sun": 6}
# a name ends in a period or at a non-letter: "mar" must not match "market"
# only abbreviations take a period ("Sept. 11"); a full name's period ends the sentence
_FULL = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _names_re(names: dict[str, int]) -> str:
    full = "|".join(sorted((n for n in names if n in _FULL), key=len, reverse=True))
    abbr = "|".join(sorted((n for n in names if n not in _FULL), key=len, reverse=True))
    return rf"(?:(?:{full})(?![a-zA-Z])|(?:{abbr})(?:\.|(?![a-zA-Z])))"


MONTH_RE = _names_re(MONTHS)
WEEKDAY_RE = _names_re(WEEKDAYS)
YEAR_RE = r"(?:1[89]\d\d|20\d\d|2100)"
DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
UNIT_RE = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centuries|century)"

# A number of time units without "ago"/"earlier" is a duration, not a point in time.
_COUNT = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
          r"forty|fifty|hundred|\d+|\d+-\d+|several|few|a few|many|as many|a couple of|couple of|"
          r"half a|a half|[a-z]+-[a-z]+)")
DURATION_RE = re.compile(
    rf"^(?:(?:the|over|for|past|last|next|first|coming|previous|nearly|almost|about|around|some|"
    rf"more than|less than|mere|recent|only|just|at least)\s+)*(?:{_COUNT}[\s-]+{UNIT_RE}|"
    rf"(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries))(?:-long)?$|"
    rf"^(?:annual|annually|biannual|\w+-annual|daily|weekly|monthly|quarterly|yearly|"
    rf"\w+-(?:day|week|month|year|decade)(?:-long)?|an? (?:busy|long|short|difficult|tough|record) \w+|"
    rf"(?:a|the) (?:\w+-)?(?:\w+ )?century)$", re.I)
MODIFIER_RE = re.compile(r"^(?:(?:in|on|at|by|during|since|from|until|till|before|after|of|as of|"
                         r"the|early|late|mid|middle|end|beginning|start|the end of|the start of|"
                         r"the beginning of|the middle of|the first half of|the second half of)[\s-]+)+",
                         re.I)


def _date(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s) if s else None
    except ValueError:
        return None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def _pick_year_for_month(month: int, day: int | None, anchor: dt.date, tense: str) -> int:
    """Year of a month (and day) named without a year, relative to the anchor."""
    probe = (month, day or 1) if day else (month, 1)
    here = (anchor.month, anchor.day if day else 1)
    if tense == "past":
        return anchor.year if probe <= here else anchor.year - 1
    if tense == "future":
        return anchor.year if probe >= here else anchor.year + 1
    # present/unknown: the nearest occurrence (within six months of the anchor)
    diff = (month - anchor.month) + ((day or 15) - (anchor.day if day else 15)) / 31
    if diff > 6:
        return anchor.year - 1
    if diff < -6:
        return anchor.year + 1
    return anchor.year


def _weekday(wd: int, anchor: dt.date, tense: str, explicit: str | None) -> dt.date:
    back = (anchor.weekday() - wd) % 7
    fwd = (wd - anchor.weekday()) % 7
    if explicit == "last":
        return anchor - dt.timedelta(days=back or 7)
    if explicit == "next":
        return anchor + dt.timedelta(days=fwd or 7)
    if tense == "past":
        return anchor - dt.timedelta(days=back)
    if tense == "future":
        return anchor + dt.timedelta(days=fwd)
    return anchor - dt.timedelta(days=back) if back <= fwd else anchor + dt.timedelta(days=fwd)


def is_duration(text: str) -> bool:
    return bool(DURATION_RE.match(text.strip()))


def normalise(text: str) -> str:
    t = text.replace("\u00a0", " ").replace("\u2019", "'").strip().lower()
    return re.sub(r"\s+", " ", t)


def resolve(text: str, anchor: str | None, tense: str = "past") -> tuple[str | None, str | None]:
    """Resolve ``text`` against ``anchor`` (YYYY-MM-DD or None)."""
    return _resolve(normalise(text), anchor, tense)


@functools.lru_cache(maxsize=4096)
def _resolve(t: str, anchor_s: str | None, tense: str) -> tuple[str | None, str | None]:
    anchor = _date(anchor_s)
    if is_duration(t):
        return None, None
    # ISO date
    m = re.search(rf"\b({YEAR_RE})-(\d\d)-(\d\d)\b", t)
    if m and _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "day"
    # ranges "2018-2024", "from 2015 to 2017": the start
    m = re.search(rf"\b({YEAR_RE})\s*(?:-|–|—|to|through|and)\s*(?:{YEAR_RE}|\d\d)\b", t)
    if m:
        return m.group(1), "year"
    # Month D(, YYYY) | D Month( YYYY)
    m = (re.search(rf"\b(?P<mon>{MONTH_RE})\s+(?P<day>{DAY_RE})\b(?:,?\s*(?P<year>{YEAR_RE})\b)?", t)
         or re.search(rf"\b(?P<day>{DAY_RE})\s+(?:of\s+)?(?P<mon>{MONTH_RE})(?:,?\s*(?P<year>{YEAR_RE})\b)?", t))
    if m and not re.match(r"may\b", m.group("mon")) or (m and m.group("day")):
        month = MONTHS[m.group("mon").rstrip(".")]
        day = int(re.sub(r"\D", "", m.group("day")))
        year = m.group("year")
        if year:
            y = int(year)
        elif re.search(r"\b(?:of )?last year\b", t) and anchor:
            y = anchor.year - 1
        elif re.search(r"\b(?:of )?next year\b", t) and anchor:
            y = anchor.year + 1
        elif anchor:
            y = _pick_year_for_month(month, day, anchor, tense)
        else:
            return None, None
        return (f"{y:04d}-{month:02d}-{day:02d}", "day") if _valid(y, month, day) else (None, None)
    # Month YYYY / Month of YYYY / Month (of) last|this|next year / bare month
    m = re.search(rf"\b(?P<mon>{MONTH_RE})(?:\s*,?\s*(?:of\s+)?(?P<year>{YEAR_RE})\b|"
                  rf"\s+(?:of\s+)?(?P<rel>last|this|next) year\b)?", t)
    if m and (m.group("mon") != "may" or m.group("year") or m.group("rel")) and \
            (len(m.group("mon").rstrip(".")) > 3 or m.group("mon").endswith(".") or m.group("year")):
        month = MONTHS[m.group("mon").rstrip(".")]
        if m.group("year"):
            y = int(m.group("year"))
        elif not anchor:
            return None, None
        elif m.group("rel"):
            y = anchor.year + {"last": -1, "this": 0, "next": 1}[m.group("rel")]
        else:
            y = _pick_year_for_month(month, None, anchor, tense)
        return f"{y:04d}-{month:02d}", "month"
    # a year on its own, possibly modified: "in late 2017", "since 2015", "the 1969 border war"
    m = re.search(rf"(?<![\d,.$£€])\b({YEAR_RE})\b(?!\s*(?:%|percent))", t)
    if m:
        return m.group(1), "year"
    if not anchor:
        return None, None
    rest = MODIFIER_RE.sub("", t).strip()
    if rest in ("year", "month"):
        rest = "this " + rest
    # weekday
    m = re.fullmatch(rf"(?:(last|next|this|on|past|coming)\s+)?({WEEKDAY_RE})(?:\s+(?:morning|afternoon|evening|night))?", rest)
    if m:
        explicit = m.group(1) if m.group(1) in ("last", "next") else None
        d = _weekday(WEEKDAYS[m.group(2).rstrip(".")], anchor, tense, explicit)
        return d.isoformat(), "day"
    simple = {
        "today": (0, "day"), "tonight": (0, "day"), "this morning": (0, "day"),
        "this afternoon": (0, "day"), "this evening": (0, "day"), "yesterday": (-1, "day"),
        "tomorrow": (1, "day"), "the day before yesterday": (-2, "day"),
        "the day after tomorrow": (2, "day"), "yesterday morning": (-1, "day"),
        "last night": (-1, "day"), "yesterday afternoon": (-1, "day"),
    }
    if rest in simple:
        delta, prec = simple[rest]
        return (anchor + dt.timedelta(days=delta)).isoformat(), prec
    m = re.fullmatch(r"(?:(?:earlier|later) )?(this|last|next|past|previous|the previous|the following|current) "
                     r"(month|year)", rest) or re.fullmatch(r"(?:this|the) (month|year)", rest)
    if m:
        rel, unit = (m.group(1), m.group(2)) if m.lastindex == 2 else ("this", m.group(1))
        delta = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "the previous": -1,
                 "next": 1, "the following": 1}[rel]
        if rel in ("past", "previous", "the previous", "the following") and unit:
            return None, None  # relative to another time, or a duration ("the past year")
        if unit == "year":
            return f"{anchor.year + delta:04d}", "year"
        y, mo = _shift_month(anchor.year, anchor.month, delta)
        return f"{y:04d}-{mo:02d}", "month"
    m = re.fullmatch(r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (day|week|month|year)s? ago", rest)
    if m:
        n = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9, "ten": 10}.get(m.group(1)) or int(m.group(1))
        unit = m.group(2)
        if unit == "day":
            return (anchor - dt.timedelta(days=n)).isoformat(), "day"
        if unit == "week":
            return None, None  # a week is no precision of ours
        if unit == "month":
            y, mo = _shift_month(anchor.year, anchor.month, -n)
            return f"{y:04d}-{mo:02d}", "month"
        return f"{anchor.year - n:04d}", "year"
    return None, None


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True
