"""When an event happened: the time expression in its clause, else the article anchor for news of the day.

``how`` says where a date came from (Event.date_from): 'time' = the event's own time expression ("own"),
'context' = a time of the clause that governs it in the same sentence ("context"), 'anchor' = the article
day ("article"), 'none' = not stated. An event mentioned in passing ("three years after X signed", in a
relative clause of a noun, narrative past after the lead with no time of its own) is not put on the article
day: it gets its own resolved date ("three years after" the governing event's date) or none.

Order of evidence: (1) the event sits in a clause hanging on a time ("since October 2023, when he
attended ..."); (2) a time in the event's own clause, not inside a subordinate clause and not a bound
("before the end of the year", "first trip since 2015"); (3) a time on a verb that governs this one through
coordination, control or a participle ("met on Tuesday and agreed", "expelled ... on Thursday, accusing");
(4) a time in a simultaneous 'as/while/when' clause of a main clause that has none ("As G7 leaders gathered
in June 2018, X and Y met"); (5) the anchor, for news of the day.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..nlp.context import Context
from ..records import TimeExpr
from .plover import Lexicon
from .status import past_perfect

PRECISION = {4: "year", 7: "month", 10: "day"}
LEAD_SENTENCES = 3  # the lead of a news report tells the news of the day
CONTEXT_CHARS = 600  # how far back the last time expression sets the time the story is telling
RELATIVE_TIMES = {"day", "week", "time", "moment", "hour"}  # "the day when ..." is dated by its own head
SUBORDINATE = {"advcl", "relcl", "acl", "ccomp", "csubj", "parataxis"}
# from an event up to the verb a time hangs on: shared clause, not a report or a relative clause
GOVERNING = {"conj", "xcomp", "advcl", "acl", "prep", "pobj", "pcomp", "dobj"}
TIME_LINKS = {"prep", "pobj", "npadvmod", "nummod", "compound", "appos", "amod", "nmod", "advmod", "tmod"}


class TimeFinder:
    """Time expressions of one document, mapped onto tokens."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.sent_no = {s.start: n for n, s in enumerate(ctx.doc.sents)} if ctx.doc is not None else {}
        self.items: list[tuple[TimeExpr, set[int]]] = []
        for t in ctx.times:
            span = ctx.doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None:
                self.items.append((t, {tok.i for tok in span}))

    def last_before(self, char: int, within: int) -> TimeExpr | None:
        """The last time expression ending before ``char`` and at most ``within`` characters back."""
        found = [t for t, _ in self.items if t.end <= char and char - t.end <= within]
        return max(found, key=lambda t: t.end) if found else None

    def in_sentence(self, sent: Any) -> list[tuple[TimeExpr, set[int]]]:
        return [(t, toks) for t, toks in self.items if sent.start_char <= t.start < sent.end_char]


def _subtree_ids(tok: Any, stop: set[int]) -> set[int]:
    """Token ids of the clause of ``tok``: not into other events' predicates (``stop``) nor subordinate clauses."""
    out, todo = set(), [tok]
    while todo:
        cur = todo.pop()
        out.add(cur.i)
        todo.extend(c for c in cur.children if c.i not in stop and c.dep_ not in SUBORDINATE)
    return out


def _root_of(toks: set[int], doc: Any) -> Any:
    """The token of a time expression whose head lies outside it."""
    return next((doc[i] for i in sorted(toks) if doc[i].head.i not in toks or doc[i].head.i == i), doc[min(toks)])


def _is_bound(toks: set[int], doc: Any, bound_preps: frozenset[str]) -> bool:
    """'before the end of the year', 'ahead of the summit in June', 'his first trip since 2015'."""
    tok = _root_of(toks, doc)
    for _ in range(3):
        head = tok.head
        if head is tok:
            return False
        if head.dep_ in {"prep", "advmod"} or head.pos_ in {"ADP", "SCONJ"}:
            low = head.lower_
            if low in bound_preps:
                return True
            if low == "since" and head.head.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}:
                return True
        if tok.dep_ not in {"pobj", "npadvmod", "compound", "nummod"}:
            return False
        tok = head
    return False


def _attached_verb(toks: set[int], doc: Any) -> Any | None:
    """The verb a time expression modifies ('on Monday' -> 'blocked')."""
    tok = _root_of(toks, doc)
    for _ in range(5):
        if tok.dep_ not in TIME_LINKS or tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX"}:
            return tok
    return None


def _governs(verb: Any, target: Any) -> bool:
    """``target`` governs ``verb`` through coordination, control, participles or prepositions only."""
    tok = verb
    for _ in range(8):
        if tok.i == target.i:
            return True
        if tok.dep_ not in GOVERNING or tok.head is tok:
            return False
        tok = tok.head
    return False


def event_date(verb: Any, noun: Any | None, status: str, finder: TimeFinder, lex: Lexicon,
               other_predicates: set[int], anchor: str | None, sent: Any = None,
               reported: bool = False) -> tuple[str | None, str | None, str]:
    """(date, precision, how) for the event on ``verb`` in sentence ``sent``; how is 'time', 'context',
    'anchor' or 'none'. ``reported``: the event is told in reported speech ("X said it ...")."""
    sent = sent if sent is not None else verb.sent
    date = _event_date(verb, noun, status, finder, lex, other_predicates, anchor, sent, reported)
    if date[2] == "none" and status == "happened":
        shifted = _relative_to_governor(verb, finder, lex, other_predicates, anchor, sent)
        if shifted is not None:
            return shifted
    return date


def _event_date(verb: Any, noun: Any | None, status: str, finder: TimeFinder, lex: Lexicon,
                other_predicates: set[int], anchor: str | None, sent: Any,
                reported: bool) -> tuple[str | None, str | None, str]:
    doc = verb.doc
    bounds = lex.words["not_event_time_preps"]
    if status == "negated":  # "has not fought a war since 1979": the span it did not happen in, not a date
        bounds = bounds | {"since"}
    times = [(t, toks) for t, toks in finder.in_sentence(sent) if not _is_bound(toks, doc, bounds)]
    ancestors = {a.i for a in verb.ancestors}
    # 1. the event sits in a clause hanging on a time ("since October 2023, when he attended ...")
    for t, toks in finder.in_sentence(sent):
        if toks & ancestors and _clause_on_time(verb, toks):
            return _value(t)
    # 1b. the parser hung the 'when' clause elsewhere, but it directly follows a time ("in 2019, when ...")
    when = next((c for c in verb.children if c.lower_ == "when" and c.dep_ == "advmod"), None)
    if when is not None:
        prev = when.i - 1
        while prev >= sent.start and doc[prev].is_punct:
            prev -= 1
        for t, toks in finder.in_sentence(sent):
            if prev in toks:
                return _value(t)
    # 2. a time inside the event's own clause, nearest the trigger
    own = _subtree_ids(verb, other_predicates - {verb.i})
    if noun is not None:
        own |= _subtree_ids(noun, other_predicates)
    inside = [(abs(min(toks) - verb.i), t) for t, toks in times
              if toks & own and not _names_other_event(toks, doc, verb, noun, lex)]
    if inside:
        return _value(min(inside, key=lambda x: x[0])[1])
    times = [(t, toks) for t, toks in times if not (toks & own and _names_other_event(toks, doc, verb, noun, lex))]
    # 3. a time on a verb that governs this one ("met on Thursday and agreed", "expelled ..., accusing")
    for t, toks in times:
        head = _attached_verb(toks, doc)
        if head is not None and head.i != verb.i and head.i in ancestors and _governs(verb, head) \
                and head.lemma_ not in {"say", "tell"}:
            return _context(_value(t))
    # 4. a simultaneous clause of this clause ("As G7 leaders gathered in June 2018, ... met")
    marks = lex.words["simultaneous_marks"]
    heads = [verb]
    while heads[-1].dep_ == "conj" and len(heads) < 4:  # the parser may hang the 'as' clause on a first conjunct
        heads.append(heads[-1].head)
    for clause in (c for h in heads for c in h.children if c.dep_ == "advcl"):
        if not any(m.dep_ in {"mark", "advmod"} and m.lower_ in marks and m.i < clause.i for m in clause.children):
            continue
        sub = _subtree_ids(clause, set())
        found = [t for t, toks in times if toks & sub]
        if found:
            return _context(_value(found[0]))
    if status != "happened" or anchor is None:
        return None, None, "none"
    if past_perfect(verb) or _historical(verb, noun, lex, times, anchor):
        return None, None, "none"
    if _in_passing(verb, lex) or not _news_of_day(verb, sent, finder, lex, reported, anchor):
        return None, None, "none"
    return anchor, PRECISION.get(len(anchor)), "anchor"


def _context(found: tuple[str | None, str | None, str]) -> tuple[str | None, str | None, str]:
    return (found[0], found[1], "context") if found[2] == "time" else found


def _in_passing(verb: Any, lex: Lexicon) -> bool:
    """Mentioned in passing, not reported as news: in a relative clause of a noun ("his tour of Europe,
    where he met ..."), in a clause set before another event ("before X signed", "since they met"), or a
    measured time away from it ("three years after X signed"; a bare "after Turkey agreed" is news)."""
    tok = verb
    for _ in range(4):
        if tok.dep_ == "relcl" and tok.head.pos_ in {"NOUN", "PROPN"} and tok.head.lower_ not in RELATIVE_TIMES:
            return True
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
        if tok.dep_ == "advcl" and (marks & lex.words["history_preps"] or (
                marks & {"after"} and any(c.dep_ == "npadvmod" and c.lower_ in UNITS for c in tok.children))):
            return True
        if tok.dep_ not in {"conj", "xcomp"} or tok.head == tok:
            return False
        tok = tok.head
    return False


def _news_of_day(verb: Any, sent: Any, finder: TimeFinder, lex: Lexicon, reported: bool, anchor: str) -> bool:
    """The article day dates an event with no time of its own only when the report is about it: it is in
    the lead, told as reported speech, in the present / present perfect ("has signed", "is holding"), or
    told in the past with the story still on its day. Once the text has moved to another time ("... during
    the Olympics in July. He also met leaders of ..."), a bare narrative past is background: no date."""
    if finder.sent_no.get(sent.start, 0) < LEAD_SENTENCES or reported:
        return True
    for tok in [verb] + [a for a in verb.ancestors][:3]:
        if tok.tag_ in {"VBP", "VBZ", "VBG"}:
            return True
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"has", "have", "'ve", "is", "are", "am", "'s", "'re"}
               for c in tok.children):
            return True
        if tok.dep_ not in {"conj", "xcomp", "ccomp", "advcl"}:
            break
    last = finder.last_before(sent.start_char, CONTEXT_CHARS)
    return last is None or not last.value or anchor.startswith(last.value) or last.value.startswith(anchor)


UNITS = {"year": "year", "years": "year", "month": "month", "months": "month", "week": "week", "weeks": "week",
         "day": "day", "days": "day"}
WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _relative_to_governor(verb: Any, finder: TimeFinder, lex: Lexicon, other_predicates: set[int],
                          anchor: str | None, sent: Any) -> tuple[str | None, str | None, str] | None:
    """'... comes three years after Russia and China signed a treaty': the governing event's date shifted
    by the stated measure, at the measure's precision (none when the governing event has no date)."""
    if verb.dep_ != "advcl":
        return None
    mark = next((c.lower_ for c in verb.children if c.dep_ == "mark" and c.lower_ in {"after", "before"}), None)
    if mark is None:
        return None
    measure = next((c for c in verb.children if c.dep_ == "npadvmod" and c.lower_ in UNITS), None)
    if measure is None:
        return None
    count = next((c for c in measure.children if c.dep_ in {"nummod", "det"}), None)
    n = WORD_NUMBERS.get(count.lower_) if count is not None else None
    if n is None and count is not None and count.like_num and count.text.isdigit():
        n = int(count.text)
    if n is None:
        return None
    head = verb.head
    date, _, how = _event_date(head, None, "happened", finder, lex, other_predicates, anchor, sent, True)
    if not date:
        return None
    sign = -1 if mark == "after" else 1
    unit = UNITS[measure.lower_]
    return _shift(date, sign * n, unit)


def _shift(date: str, n: int, unit: str) -> tuple[str | None, str | None, str] | None:
    year = int(date[:4])
    if unit == "year":
        return f"{year + n:04d}", "year", "time"
    if len(date) < 7:
        return None
    month = int(date[5:7]) - 1 + (n if unit == "month" else 0)
    if unit == "month":
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}", "month", "time"
    if len(date) < 10:
        return None
    day = dt.date.fromisoformat(date) + dt.timedelta(days=n * (7 if unit == "week" else 1))
    return day.isoformat(), "day", "time"


def _names_other_event(toks: set[int], doc: Any, verb: Any, noun: Any | None, lex: Lexicon) -> bool:
    """A time that dates the grievance or object, not the event: 'a protest over Monday's firing', 'condemned
    Tuesday's raid', 'a protest over what it called firing two days earlier'."""
    tok = _root_of(toks, doc)
    stops = {verb.i} | ({noun.i} if noun is not None else set())
    owner = tok.head
    while owner.dep_ == "compound" and owner.head is not owner and owner.i not in stops:
        owner = owner.head  # "the 2021 ceasefire understanding"
    if tok.dep_ in {"poss", "compound", "nummod"} and tok.head.i not in stops and owner.i not in stops \
            and owner.dep_ in {"dobj", "nsubjpass"}:
        return True  # "condemned Monday's raid", "respect the 2021 ceasefire": it names when the object happened
    for _ in range(8):
        if tok.i in stops or tok.head is tok:
            return False
        if tok.dep_ == "prep" and tok.lower_ in lex.words["topic_preps"]:
            return True
        tok = tok.head
    return False


def _clause_on_time(verb: Any, toks: set[int]) -> bool:
    """The path from ``verb`` up to the time goes through a relative/adverbial clause ('when ...')."""
    tok = verb
    while tok.i not in toks and tok.head is not tok:
        if tok.dep_ in {"relcl", "advcl", "acl"} and tok.head.i in toks:
            return True
        tok = tok.head
    return False


def _value(t: TimeExpr) -> tuple[str | None, str | None, str]:
    if not t.value:
        return None, None, "none"  # the clause has a time we cannot resolve: better no date than a wrong one
    return t.value, t.precision or PRECISION.get(len(t.value)), "time"


def _historical(verb: Any, noun: Any | None, lex: Lexicon, times: list, anchor: str) -> bool:
    """Cues that the event is background history: 'at their last meeting', 'before the war', an old year nearby."""
    cues, preps = lex.words["history_cues"], lex.words["history_preps"]
    for tok in [verb] + ([noun] if noun is not None else []):
        first = any(c.lower_ == "first" for c in tok.children)  # "first trip since 2015" is news
        for c in tok.children:
            if c.lower_ in cues and c.dep_ in {"amod", "advmod", "npadvmod"}:
                return True
            if c.dep_ == "prep" and c.lower_ in preps and not (first and c.lower_ == "since"):
                return True
            if c.dep_ == "prep" or c.dep_ == "npadvmod":
                # "at their last meeting", "two years ago"
                objs = [g for g in c.children if g.dep_ in {"pobj"}] if c.dep_ == "prep" else [c]
                for obj in objs:
                    if any(g.lower_ in cues and g.dep_ in {"amod", "advmod"} for g in obj.children):
                        return True
    year = anchor[:4]
    return any(t.value and t.value[:4] < year for t, _ in times)
