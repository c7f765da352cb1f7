"""Factuality of an event: happened | planned | hypothetical | negated, from the parse around its verb."""
from __future__ import annotations

from typing import Any

from .plover import Lexicon

CHAIN_DEPS = {"xcomp", "ccomp", "conj", "advcl", "acomp", "pcomp", "prep", "pobj"}
CONDITIONALS = {"if", "unless", "whether"}
# "until it disarms", "once the talks resume": a present-tense clause under these is not yet real
PENDING_MARKS = {"until", "till", "once"}
PRESENT_TAGS = {"VB", "VBP", "VBZ"}
FUTURE_ADVERBS = {"tomorrow", "soon", "later"}


def _governors(verb: Any) -> list[Any]:
    """The verb and the verbs it complements ('plans to meet' -> meet, plans), stopping at reporting clauses."""
    chain = [verb]
    tok = verb
    while tok.dep_ in {"xcomp", "acomp", "pcomp", "pobj", "prep"} and tok.head is not tok:
        tok = tok.head
        chain.append(tok)
    return chain


def event_status(verb: Any, noun: Any | None, lex: Lexicon) -> str:
    """Classify the event hanging on ``verb`` (and its event noun, if any)."""
    w = lex.words
    chain = _governors(verb)
    if noun is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return "negated"
    for i, tok in enumerate(chain):
        kids = list(tok.children)
        if any(c.dep_ == "neg" or (c.lower_ in w["negators"] and c.dep_ in {"advmod", "neg"}) for c in kids):
            return "negated"
        if i > 0 and tok.lemma_.lower() in w["negating_governors"]:
            return "negated"
    for tok in chain:
        if _conditional(tok):
            return "hypothetical"
        kids = list(tok.children)
        modals = {c.lower_ for c in kids if c.dep_ == "aux"} & w["hypothetical_modals"]
        if modals == {"would"} and _reported(tok, w["reporting_verbs"]):
            return "planned"  # "said he would visit": future in the past
        if modals:
            return "hypothetical"
    for i, tok in enumerate(chain):
        kids = list(tok.children)
        lemma = tok.lemma_.lower()
        if any(c.dep_ == "aux" and c.lower_ in w["planned_modals"] for c in kids):
            return "planned"
        if i > 0 and lemma in w["hypothetical_governors"]:
            return "hypothetical"
        if i > 0 and (lemma in w["planned_governors"] or (lemma == "be" and verb.dep_ == "xcomp")):
            return "planned"
        if any(c.dep_ == "advmod" and c.lower_ in FUTURE_ADVERBS for c in kids) and tok.tag_ in {"VB", "VBP", "VBZ"}:
            return "planned"
    return "happened"


def _conditional(tok: Any) -> bool:
    """The clause of ``tok`` (or one it sits in) is introduced by 'if'/'unless', or is a present-tense
    'until'/'once' clause ("sanctions stay until it disarms"): a condition, not a report."""
    cur = tok
    for _ in range(4):
        marks = {c.lower_ for c in cur.children if c.dep_ == "mark"}
        if marks & CONDITIONALS or (marks & PENDING_MARKS and cur.tag_ in PRESENT_TAGS):
            return True
        if cur.dep_ not in {"advcl", "conj", "xcomp", "ccomp"} or cur.head is cur:
            return False
        cur = cur.head
    return False


def past_perfect(verb: Any) -> bool:
    """'had met': background, not news of the day."""
    for tok in _governors(verb):
        auxes = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
        if any(a.lower_ in {"had", "'d"} for a in auxes) and tok.tag_ == "VBN":
            return True
    return False


def _reported(tok: Any, reporting: frozenset[str]) -> bool:
    """'said/affirmed that they would ...': the future seen from a past report."""
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in reporting and tok.head.tag_ in {"VBD", "VBN"}
