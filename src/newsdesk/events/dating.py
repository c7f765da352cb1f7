"""When an event happened: the time expression in its clause, else the article anchor for news of the day.

Order of evidence: (1) the event sits in a clause hanging on a time ("since October 2023, when he
attended ..."); (2) a time in the event's own clause, not inside a subordinate clause and not a bound
("before the end of the year", "first trip since 2015"); (3) a time on a verb that governs this one through
coordination, control or a participle ("met on Tuesday and agreed", "expelled ... on Thursday, accusing");
(4) a time in a simultaneous 'as/while/when' clause of a main clause that has none ("As G7 leaders gathered
in June 2018, X and Y met"); (5) the anchor, for news of the day.
"""
from __future__ import annotations

from typing import Any

from ..nlp.context import Context
from ..records import TimeExpr
from .plover import Lexicon
from .status import past_perfect

PRECISION = {4: "year", 7: "month", 10: "day"}
SUBORDINATE = {"advcl", "relcl", "acl", "ccomp", "csubj", "parataxis"}
# from an event up to the verb a time hangs on: shared clause, not a report or a relative clause
GOVERNING = {"conj", "xcomp", "advcl", "acl", "prep", "pobj", "pcomp", "dobj"}
TIME_LINKS = {"prep", "pobj", "npadvmod", "nummod", "compound", "appos", "amod", "nmod", "advmod", "tmod"}


class TimeFinder:
    """Time expressions of one document, mapped onto tokens."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.items: list[tuple[TimeExpr, set[int]]] = []
        for t in ctx.times:
            span = ctx.doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None:
                self.items.append((t, {tok.i for tok in span}))

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
               other_predicates: set[int], anchor: str | None, sent: Any = None) -> tuple[str | None, str | None, str]:
    """(date, precision, how) for the event on ``verb`` in sentence ``sent``; how is 'time', 'anchor' or 'none'."""
    sent, doc = sent if sent is not None else verb.sent, verb.doc
    bounds = lex.words["not_event_time_preps"]
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
            return _value(t)
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
            return _value(found[0])
    if status != "happened" or anchor is None:
        return None, None, "none"
    if past_perfect(verb) or _historical(verb, noun, lex, times, anchor):
        return None, None, "none"
    return anchor, PRECISION.get(len(anchor)), "anchor"


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
