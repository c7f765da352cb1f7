"""Temporal expressions: spaCy DATE/TIME entities plus a regex pass, resolved against the anchor.

Decisions (documented because news is full of near-misses):
- Durations and frequencies ("four decades", "two-day", "annual", "mere days") are not points in
  time and are not emitted.
- A year that ends an event name ("Expo 2020", "Euro 2024": a proper noun right before it) is
  part of the name, not a time expression of its own.
- Ranges ("2018-2024") resolve to their start with year precision.
- Relative expressions ("on Tuesday", "last month") need an anchor: the publication date, else the
  first explicit full date in the text; without either they stay unresolved (value None).
- An expression that cannot be resolved safely ("the same day", "earlier this week") is kept with
  value None rather than guessed.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from ..records import TimeExpr
from .context import Context
from .time_rules import (DAY_RE, MONTH_RE, MONTHS, WEEKDAY_RE, WEEKDAYS, YEAR_RE, is_duration,
                         normalise, resolve)

# tokens that may start or end a time expression; anything else is trimmed off spaCy's spans
_EDGE_WORDS = set(MONTHS) | set(WEEKDAYS) | {
    "the", "a", "an", "this", "that", "these", "last", "next", "past", "early", "earlier", "late",
    "later", "mid", "middle", "beginning", "end", "start", "same", "day", "days", "week", "weeks",
    "weekend", "month", "months", "year", "years", "decade", "decades", "century", "morning",
    "afternoon", "evening", "night", "today", "tonight", "tomorrow", "yesterday", "ago", "spring",
    "summer", "autumn", "fall", "winter", "quarter", "half", "first", "second", "previous",
    "following", "coming", "current", "recent", "of", "and", "-", "–",
}
_CORE_RE = re.compile(rf"\b(?:{MONTH_RE}|{WEEKDAY_RE}|{YEAR_RE}|today|tonight|tomorrow|yesterday|"
                      rf"day|week|weekend|month|year|decade|century|morning|evening|night)\b", re.I)
_BARE_UNITS = {"day", "week", "weekend", "month", "year", "decade", "century", "morning", "night", "evening"}
_LEAD_DROP = {"of", "and", "-", "–", ","}
_YEAR_PREPS = {"in", "since", "from", "by", "until", "till", "before", "after", "during", "of", "through",
               "to", "and", "between", "around", "circa", "early", "late", "mid", "into", "throughout",
               "beyond", "towards", "toward"}
# subordinators after which a simple present looks ahead: "once the governor takes over in January"
_FUTURE_MARKS = {"once", "when", "after", "before", "until", "till", "if", "unless", "as soon as"}
_NUM_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
              "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_OFFSET_RE = re.compile(rf"(?:(?P<n>{'|'.join(_NUM_WORDS)}|\d{{1,2}})\s+(?P<unit>day|week|month|year)s?\s+"
                        r"(?P<dir>later|earlier|after|before)|the\s+(?P<rel>next|following|previous)\s+(?P<unit1>day))",
                        re.I)
# "after"/"before" count from the publication narrative only when nothing follows ("two days after,")
_RELATIVE_TO_EVENT = re.compile(r"(?:after|before)$", re.I)

_REGEX_CANDIDATES = [
    # (Thursday,) October 6(, 2022) / 6 October 2022 / Sept. 11 and 12
    re.compile(rf"\b(?:{WEEKDAY_RE},?\s+)?(?:{MONTH_RE}\s+{DAY_RE}\b(?:,?\s+{YEAR_RE}\b)?|"
               rf"{DAY_RE}\s+(?:of\s+)?{MONTH_RE}(?:,?\s+{YEAR_RE}\b)?)", re.I),
    # December 2017, June of 2018
    re.compile(rf"\b{MONTH_RE}\s+(?:of\s+)?{YEAR_RE}\b", re.I),
    # 2018-2024
    re.compile(rf"\b{YEAR_RE}\s*[-–]\s*(?:{YEAR_RE}|\d\d)\b"),
    re.compile(rf"\b{YEAR_RE}-\d\d-\d\d\b"),
]
_BARE_YEAR = re.compile(rf"(?<![\w$£€¥.,-]){YEAR_RE}(?![\w%]|,\d|\.\d)")
_WEEKDAY_ONLY = re.compile(rf"\b(?:{WEEKDAY_RE})", re.I)


def _month_case_ok(text: str) -> bool:
    """Month and weekday names must be capitalised ('may' and 'march' are verbs, 'sat' too)."""
    for m in re.finditer(rf"(?i)\b(?:{MONTH_RE}|{WEEKDAY_RE})", text):
        if not m.group()[0].isupper():
            return False
    return True


def _trim(doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    toks = list(span)

    def ok(tok) -> bool:
        low = tok.lower_.rstrip(".")
        return low in _EDGE_WORDS or tok.like_num or bool(re.fullmatch(r"\d+(st|nd|rd|th)|mid-\d{4}", low)) \
            or bool(re.fullmatch(r"[a-z]+-(?:\d{4}|[a-z]+)", low) and _CORE_RE.search(low))

    while toks and (not ok(toks[0]) or toks[0].lower_ in _LEAD_DROP):
        toks.pop(0)
    while toks and (not ok(toks[-1]) or toks[-1].lower_ in _LEAD_DROP):
        toks.pop()
    if not toks:
        return None
    first = toks[0]
    if first.i > 0 and doc[first.i - 1].lower_ in ("this", "last", "next", "that", "the") \
            and first.lower_ in ("year", "month", "week", "day"):
        first = doc[first.i - 1]  # spaCy keeps only "year" of "this year's"
        toks.insert(0, first)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _candidates(doc) -> list[tuple[int, int]]:
    text = doc.text
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            t = _trim(doc, ent.start_char, ent.end_char)
            if t:
                spans.append(t)
    for rx in _REGEX_CANDIDATES:
        for m in rx.finditer(text):
            if _month_case_ok(m.group()):
                spans.append((m.start(), m.end()))
    for m in _WEEKDAY_ONLY.finditer(text):
        if m.group()[0].isupper() and re.fullmatch(rf"{WEEKDAY_RE}", m.group(), re.I) \
                and not re.match(r"[\w-]", text[m.end():m.end() + 1]):
            if m.group().rstrip(".").lower() in ("sat", "sun", "wed", "mon", "thu", "fri", "tue"):
                continue  # abbreviations collide with words and names
            spans.append((m.start(), m.end()))
    for m in _BARE_YEAR.finditer(text):
        span = _year_span(doc, m.start(), m.end())
        if span:
            spans.append(span)
    # overlapping candidates: the longest wins
    spans = sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0]))
    chosen: list[tuple[int, int]] = []
    for s in spans:
        if all(s[1] <= c[0] or s[0] >= c[1] for c in chosen):
            chosen.append(s)
    return sorted(chosen)


def _year_span(doc, start: int, end: int) -> tuple[int, int] | None:
    """A bare four-digit year counts where it is used as a time: after a preposition or as 'the 1969 war'."""
    span = doc.char_span(start, end)
    if span is None:
        return None
    tok = span[0]
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if _in_event_name(doc, start):
        return None
    if prev is not None and prev.lower_ in _YEAR_PREPS:
        return start, end
    if prev is not None and prev.lower_ in ("the", "a", "its", "their", "his", "her") and nxt is not None \
            and nxt.pos_ in ("NOUN", "ADJ"):
        return start, end
    if nxt is not None and nxt.lower_ in (",", "when") and prev is not None and prev.lower_ in ("in", "from"):
        return start, end
    return None


def _in_event_name(doc, start: int) -> bool:
    """A year right after a capitalised proper noun ends a name: "Expo 2020", "Euro 2024"."""
    span = doc.char_span(start, start + 4)
    if span is None or span[0].i == 0:
        return False
    prev = doc[span[0].i - 1]
    return prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.lower_.rstrip(".") not in MONTHS


_FUTURE_HEADS = {"plan", "expect", "due", "set", "schedule", "go", "intend", "prepare", "hope", "aim"}


def tense_of(doc, start: int, end: int) -> str:
    """past | future | present: from the verb that governs the expression."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "past"
    tok = span.root
    for _ in range(5):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return "past"
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "'ll", "shall", "wo") for a in auxes):
        return "future"
    if any(a.lower_ == "to" for a in auxes):
        # "agreed to keep output steady through April": an infinitive looks ahead of its verb
        return "future" if tok.head.lemma_ in _FUTURE_HEADS else "present"
    if any(a.tag_ == "MD" for a in auxes):
        return "present"  # "may decide in March": the nearest March
    present_aux = any(a.tag_ in ("VBZ", "VBP") for a in auxes)
    if tok.tag_ == "VBN" and present_aux and tok.lemma_ in _FUTURE_HEADS:
        return "future"  # "the meeting is scheduled for December 1"
    if tok.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if tok.tag_ in ("VBZ", "VBP", "VBG") or present_aux:
        if tok.lower_ in ("upcoming",):
            return "future"
        if tok.tag_ in ("VBZ", "VBP") and any(c.dep_ == "mark" and c.lower_ in _FUTURE_MARKS for c in tok.children):
            return "future"
        return "present"
    return "past"


def best_anchor(ctx: Context) -> str | None:
    """The publication date; else the first explicit full date written in the text."""
    if ctx.anchor:
        return ctx.anchor
    text = ctx.doc.text
    rx = re.compile(rf"\b(?:{MONTH_RE}\s+{DAY_RE},?\s+{YEAR_RE}|{DAY_RE}\s+{MONTH_RE},?\s+{YEAR_RE}|"
                    rf"{YEAR_RE}-\d\d-\d\d)\b", re.I)
    for m in rx.finditer(text):
        if not _month_case_ok(m.group()):
            continue
        value, precision = resolve(m.group(), None)
        if precision == "day":
            return value
    return None


@functools.lru_cache(maxsize=64)
def _dateparser(anchor: str):
    from dateparser.date import DateDataParser

    base = dt.datetime.fromisoformat(anchor)
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "current_period", "STRICT_PARSING": False})


def _fallback(text: str, anchor: str | None) -> tuple[str | None, str | None]:
    """dateparser for written-out forms the rules do not know; only where a digit or month is present."""
    if not anchor or not re.search(rf"\d|{MONTH_RE}", text, re.I):
        return None, None
    data = _dateparser(anchor).get_date_data(text)
    if data.date_obj is None or data.period not in ("day", "month", "year"):
        return None, None
    fmt = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[data.period]
    return data.date_obj.strftime(fmt), data.period


def _offset_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _OFFSET_RE.finditer(text) if _is_offset(text, m.start(), m.end())]


def _is_offset(text: str, start: int, end: int) -> bool:
    """'two days later' counts from the story's last date; 'two days after the vote' from the vote."""
    if not _OFFSET_RE.fullmatch(text[start:end]):
        return False
    return not _RELATIVE_TO_EVENT.search(text[start:end]) or bool(re.match(r"\s*(?:[,.;:)]|$)", text[end:end + 2]))


def _offset(text: str, start: int, end: int, before: list[TimeExpr], anchor: str | None) -> TimeExpr:
    """'two days later', 'the following day': counted from the last dated expression of the last
    few sentences (the narrative's current time), never from the publication date."""
    m = _OFFSET_RE.fullmatch(text[start:end])
    unit = (m.group("unit") or m.group("unit1")).lower()
    n = 1 if m.group("rel") else (_NUM_WORDS.get(m.group("n").lower()) or int(m.group("n")))
    sign = -1 if (m.group("dir") or m.group("rel")).lower() in ("earlier", "before", "previous") else 1
    want = {"day": "day", "week": "day", "month": "month", "year": "year"}[unit]
    finer = {"day": ("day",), "month": ("month", "day"), "year": ("year", "month", "day")}[want]
    ref = next((t for t in reversed(before) if t.value and t.precision in finer and t.end <= start
                and text.count(".", t.end, start) <= 3), None)
    value = None
    if ref is not None:
        if want == "day":
            days = n * (7 if unit == "week" else 1)
            value = (dt.date.fromisoformat(ref.value) + dt.timedelta(days=sign * days)).isoformat()
        elif want == "month":
            idx = int(ref.value[:4]) * 12 + int(ref.value[5:7]) - 1 + sign * n
            value = f"{idx // 12:04d}-{idx % 12 + 1:02d}"
        else:
            value = f"{int(ref.value[:4]) + sign * n:04d}"
    return TimeExpr(start=start, end=end, text=text[start:end], value=value, precision=want if value else None,
                    anchor=ref.value if ref is not None else anchor)


def extract_times(ctx: Context) -> list[TimeExpr]:
    """All temporal expressions of the article, resolved where it is safe."""
    doc = ctx.doc
    text = doc.text
    anchor = best_anchor(ctx)
    out: list[TimeExpr] = []
    spans = _candidates(doc)
    spans = sorted(spans + [s for s in _offset_spans(text) if all(s[1] <= a or s[0] >= b for a, b in spans)])
    for start, end in spans:
        if _is_offset(text, start, end):
            out.append(_offset(text, start, end, out, anchor))
            continue
        surface = text[start:end]
        norm = normalise(surface)
        if norm in _BARE_UNITS or is_duration(norm) or not _CORE_RE.search(surface) or not _month_case_ok(surface):
            continue
        if re.fullmatch(YEAR_RE, surface) and _in_event_name(doc, start):
            continue
        value, precision = resolve(surface, anchor, tense_of(doc, start, end))
        if value is None:
            value, precision = _fallback(norm, anchor)
        out.append(TimeExpr(start=start, end=end, text=surface, value=value,
                            precision=precision if value else None, anchor=anchor))
    return out
