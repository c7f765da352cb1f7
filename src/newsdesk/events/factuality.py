"""Factuality of an event: does the text say it happened, and on whose word?

Values (README "Event factuality"): asserted (the writer states it), reported (someone is reported to say
it: "X said that ...", "according to X", a direct quote), opinion (commentary, belief, evaluation: an
analyst's remark, "believe", "seem", "they agree on who ..."), hypothetical (conditional or possible:
"if ...", "could", "the option to buy"), negated ("did not fight"), planned (intended, scheduled, future:
"will", "plans to", "is expected to", "agreed to buy"), denied ("denied that it had sold").

The modal and negation cues the coder already had (``status.event_status``) come first; this module adds
the source of the statement (reporting, opinion and denial verbs, quotes, commentators as speakers) and
more modality governors. Cue words are data: events/data/factuality.json, loaded once.
"""
from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .plover import Lexicon
from .status import event_status

DATA = Path(__file__).parent / "data" / "factuality.json"
VALUES = ("asserted", "reported", "opinion", "hypothetical", "negated", "planned", "denied")
STATUS = {"asserted": "happened", "reported": "happened", "opinion": "hypothetical", "hypothetical": "hypothetical",
          "negated": "negated", "denied": "negated", "planned": "planned"}
# events.dating's 'how' -> Event.date_from
DATE_FROM = {"time": "own", "context": "context", "anchor": "article", "none": None}
# how far up the parse a source or a governor is looked for
SOURCE_DEPS = {"ccomp", "xcomp", "conj", "advcl", "relcl", "acl", "pcomp", "prep", "pobj", "dobj", "nsubj",
               "nsubjpass", "attr", "appos", "npadvmod", "acomp", "oprd", "dep", "amod", "compound"}
REPORTED_DEPS = {"ccomp", "xcomp", "parataxis", "dobj", "attr", "oprd", "dep"}
MODAL_DEPS = {"xcomp", "acomp", "acl", "prep", "pobj", "pcomp", "dobj", "amod", "oprd"}
SUBJECTS = {"nsubj", "nsubjpass"}
MAX_UP = 8


@functools.lru_cache(maxsize=1)
def load_cues() -> dict[str, frozenset[str]]:
    """Cue lists from factuality.json, as frozensets (the 'about' note dropped)."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}


def status_for(factuality: str) -> str:
    """The coarse status timelines use: only asserted and reported events 'happened'."""
    return STATUS.get(factuality, "happened")


def token_factuality(verb: Any, lex: Lexicon, noun: Any | None = None, quotes: Iterable[Any] = ()) -> str:
    """Factuality of the event on ``verb`` (and its event noun). A bare event noun passed as ``verb`` is read
    through a light or planning verb that governs it ('held talks', 'proposed a strike')."""
    cues = load_cues()
    if noun is None and verb.pos_ in {"NOUN", "PROPN"} and verb.head != verb and verb.dep_ in {"dobj", "nsubjpass"} \
            and verb.head.lemma_.lower() in (lex.light_verbs | cues["planning_verbs_for_nouns"]):
        verb, noun = verb.head, verb
    # "it must achieve profits or acquire capital", "met on Tuesday and agreed": a conjunct with no subject
    # or auxiliary of its own shares the first conjunct's modality and source
    first = verb
    while first.dep_ == "conj" and first.head != first and first.head.pos_ == first.pos_ \
            and not any(c.dep_ in SUBJECTS or c.dep_ in {"aux", "auxpass", "neg"} for c in first.children):
        first = first.head
    base = event_status(verb, noun, lex)
    if first != verb and base == "happened":
        base = event_status(first, None, lex)
    if base == "happened" and _negated_phrase(first, cues):
        base = "negated"
    source = _source(first, cues, lex)
    if base == "negated":
        return "denied" if source == "denied" else "negated"
    if source == "denied":
        return "denied"
    extra = _modality(first, noun if first == verb else None, cues, lex)
    if extra == "hypothetical" or _conditioned(first, cues):
        return "hypothetical"
    if base in {"hypothetical", "planned"}:
        return base
    if extra is not None:
        return extra
    if source == "asserted":
        source = _quoted(verb, quotes, cues)
    return source


def _negated_phrase(verb: Any, cues: dict[str, frozenset[str]]) -> bool:
    """'are no longer selling': a negating adverb phrase the dependency label does not mark."""
    for c in verb.children:
        if c.dep_ == "advmod":
            text = " ".join(t.lower_ for t in c.subtree)
            if text in cues["negating_phrases"]:
                return True
    return False


def _conditioned(verb: Any, cues: dict[str, frozenset[str]]) -> bool:
    """'would suspend payments if banks reject ...', 'we will impose taxes if ...': the event is the
    consequent of a condition attached to its own clause."""
    marks = cues["conditional_marks"]
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
               for c in verb.children)


def _speaker_is_commentator(tokens: Iterable[Any], cues: dict[str, frozenset[str]]) -> bool:
    words = cues["commentator_words"]
    for tok in tokens:
        sub = list(tok.subtree)
        if any(t.lower_ in words for t in sub):
            return True
        text = " ".join(t.lower_ for t in sub)
        if any(p in text for p in cues["commentator_phrases"]):
            return True
    return False


def _subjects(tok: Any) -> list[Any]:
    return [c for c in tok.children if c.dep_ in SUBJECTS]


def _belief(verb: Any, cues: dict[str, frozenset[str]]) -> bool:
    """'they agree on who their threats are', 'trade contacts agree that ...': a shared view, not a deal
    (present tense with a clause complement; 'agreed that they would ...' stays an agreement)."""
    if verb.lemma_.lower() not in cues["belief_verbs_with_clause"] or verb.tag_ not in {"VBP", "VBZ"}:
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    clauses += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ in {"pcomp", "pobj"}]
    return any(not any(a.dep_ == "aux" and a.lower_ in {"will", "would", "shall"} for a in c.children)
               for c in clauses)


def _source(verb: Any, cues: dict[str, frozenset[str]], lex: Lexicon) -> str:
    """asserted | reported | opinion | denied: who vouches for the event, read up the parse."""
    if _belief(verb, cues):
        return "opinion"
    if verb.lemma_.lower() in cues["opinion_verbs"] and _speaker_is_commentator(_subjects(verb), cues):
        return "opinion"
    reporting = cues["reporting_verbs"] | lex.words["reporting_verbs"]
    tok = verb
    for _ in range(MAX_UP):
        for c in tok.children:  # "X did Y, he said" parsed with 'said' under the event
            if c.dep_ in {"parataxis", "ccomp"} and c.i > verb.i and c.lemma_.lower() in reporting and \
                    _subjects(c):
                return "opinion" if _speaker_is_commentator(_subjects(c), cues) else "reported"
            if c.dep_ == "prep" and c.lower_ in cues["according_preps"]:
                objs = [g for p in c.children for g in p.subtree if g.dep_ == "pobj"]
                return "opinion" if _speaker_is_commentator(objs, cues) else "reported"
        head = tok.head
        if head == tok or tok.dep_ not in SOURCE_DEPS:
            break
        lemma = head.lemma_.lower()
        if lemma in reporting and tok.dep_ in REPORTED_DEPS:  # "said (that) ...", "cited an offer by"
            return "opinion" if _speaker_is_commentator(_subjects(head), cues) else "reported"
        if tok.dep_ in {"ccomp", "xcomp", "parataxis", "advcl"}:
            if lemma in cues["denial_verbs"]:
                return "denied"
            if lemma in cues["opinion_verbs"]:
                return "opinion"
            if _belief(head, cues):
                return "opinion"
        if head.lemma_.lower() in cues["denial_nouns"]:
            return "denied"
        tok = head
    return "asserted"


def _modality(verb: Any, noun: Any | None, cues: dict[str, frozenset[str]], lex: Lexicon) -> str | None:
    """Governors the coder's status does not read: 'entitles the holder to buy', 'is likely to force',
    'agreed to buy', 'the option to buy', 'a plan to sell', 'proposed a strike', 'a proposed merger',
    'would have to obtain ... to meet'. A purpose clause alone ('blocked roads to protest') changes nothing."""
    if noun is not None:
        for c in noun.children:
            if c.dep_ in {"amod", "compound"} and c.lower_ in cues["planned_adjectives"]:
                return "planned"
            if c.dep_ == "amod" and c.lower_ in cues["hypothetical_adjectives"]:
                return "hypothetical"
        if verb.lemma_.lower() in cues["planning_verbs_for_nouns"] and noun.head == verb:
            return "planned"
    hyp_modals, plan_modals = lex.words["hypothetical_modals"], lex.words["planned_modals"]
    tok = verb
    for _ in range(5):
        head = tok.head
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if head == tok:
            break
        dep = tok.dep_
        if dep == "dobj" and (tok.pos_ not in {"NOUN"} or any(
                c.dep_ == "poss" or c.lower_ in {"the", "this", "that", "its", "their"} for c in tok.children)):
            break  # "consider Bilzerian's offer": a named, existing event is not made modal by its verb
        if dep not in MODAL_DEPS and not (infinitive and dep in {"advcl", "ccomp"}):
            break
        lemma = head.lemma_.lower()
        if head.pos_ in {"NOUN", "PROPN"}:
            if infinitive:
                if lemma in cues["hypothetical_nouns"]:
                    return "hypothetical"
                return "planned"  # "a plan to sell", "a partnership to sell"
            if dep not in {"pobj", "prep"}:
                break
        elif infinitive or dep in {"xcomp", "acomp", "oprd"}:
            if lemma in cues["hypothetical_governors"]:
                return "hypothetical"
            if lemma in cues["planned_governors"]:
                return "planned"
        if head.pos_ in {"VERB", "AUX"} and tok != verb:
            auxes = {c.lower_ for c in head.children if c.dep_ == "aux"}
            if auxes & hyp_modals:
                return "hypothetical"
            if auxes & plan_modals:
                return "planned"
        tok = head
    return None


def _quoted(verb: Any, quotes: Iterable[Any], cues: dict[str, frozenset[str]]) -> str:
    """An event told inside a direct quote is reported speech; a commentator's quote is opinion."""
    for q in quotes:
        if q.start <= verb.idx < q.end:
            desc = (q.speaker_description or "").lower()
            words = set(desc.replace(",", " ").split())
            if words & cues["commentator_words"] or any(p in desc for p in cues["commentator_phrases"]):
                return "opinion"
            return "reported"
    return "asserted"
