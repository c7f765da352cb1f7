"""When an event happened: the time expression in its clause, else the article anchor for news of the day."""
from __future__ import annotations

from typing import Any

from ..nlp.context import Context
from ..records import TimeExpr
from .plover import Lexicon
from .status import past_perfect

PRECISION = {4: "year", 7: "month", 10: "day"}


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
    """Token ids under ``tok``, not descending into other events' predicates (``stop``)."""
    out, todo = set(), [tok]
    while todo:
        cur = todo.pop()
        out.add(cur.i)
        todo.extend(c for c in cur.children if c.i not in stop)
    return out


def event_date(verb: Any, noun: Any | None, status: str, finder: TimeFinder, lex: Lexicon,
               other_predicates: set[int], anchor: str | None) -> tuple[str | None, str | None, str]:
    """(date, precision, how) for the event on ``verb``; how is 'time', 'anchor' or 'none'."""
    sent = verb.sent
    times = finder.in_sentence(sent)
    ancestors = {a.i for a in verb.ancestors}
    # 1. the event sits in a clause hanging on a time ("since October 2023, when he attended ...")
    for t, toks in times:
        if toks & ancestors and _clause_on_time(verb, toks):
            return _value(t)
    # 1b. the parser hung the 'when' clause elsewhere, but it directly follows a time ("in 2019, when ...")
    when = next((c for c in verb.children if c.lower_ == "when" and c.dep_ == "advmod"), None)
    if when is not None:
        prev = when.i - 1
        while prev >= sent.start and verb.doc[prev].is_punct:
            prev -= 1
        for t, toks in times:
            if prev in toks:
                return _value(t)
    # 2. a time inside the event's own clause, nearest the trigger
    own = _subtree_ids(verb, other_predicates - {verb.i})
    inside = [(abs(min(toks) - verb.i), t) for t, toks in times if toks & own]
    if inside:
        return _value(min(inside, key=lambda x: x[0])[1])
    # 3. a time on a verb that governs this one ("In 1969 they fought a war and signed a truce")
    for t, toks in times:
        heads = {verb.doc[i].head.i for i in toks}
        if heads & ancestors and not any(verb.doc[i].head.lemma_ in {"say", "tell"} for i in toks):
            return _value(t)
    if status != "happened" or anchor is None:
        return None, None, "none"
    if past_perfect(verb) or _historical(verb, noun, lex, times, anchor):
        return None, None, "none"
    return anchor, PRECISION.get(len(anchor)), "anchor"


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
        for c in tok.children:
            if c.lower_ in cues and c.dep_ in {"amod", "advmod", "npadvmod"}:
                return True
            if c.dep_ == "prep" and c.lower_ in preps:
                return True
            if c.dep_ == "prep" or c.dep_ == "npadvmod":
                # "at their last meeting", "two years ago"
                objs = [g for g in c.children if g.dep_ in {"pobj"}] if c.dep_ == "prep" else [c]
                for obj in objs:
                    if any(g.lower_ in cues and g.dep_ in {"amod", "advmod"} for g in obj.children):
                        return True
    year = anchor[:4]
    return any(t.value and t.value[:4] < year for t, _ in times)
