"""Speaker of a quote in a headline: "Jane Roe Slams Plan as ‘Reckless’", "Frustrated Parents Rally:
‘Save Our Schools’": headlines drop the speech verb, so the subject that opens the headline spoke.

Only the article's first paragraph counts, only when it is short (a headline, not a lead sentence)
and the quote has no attribution of its own; the subject is a linked name that opens the headline,
else its opening capitalised words up to the first verb (kept as a description, like a role).
"""
from __future__ import annotations

import re

from .model import load_nlp
from .quote_attr import Attribution
from .quote_text import cues

_WORD = re.compile(r"[\w'’.-]+")


def _limit(name: str) -> int:
    return int(next(iter(cues()[name])))


def headline_speaker(att, text: str, para: tuple[int, int], open_mark: int) -> Attribution | None:
    """The subject opening a short first paragraph that holds the quote at open_mark."""
    lo, hi = para
    if len(_WORD.findall(text[lo:hi])) > _limit("headline_max_words"):
        return None
    head = text[lo:open_mark]
    if any(m in head for m in "“”\"‘’") or re.search(r"[.!?]\s", head):
        return None  # a second quote or a sentence before this one: not the headline's subject
    lead = len(head) - len(head.lstrip())
    cand = att._first_cand(lo, open_mark)
    at_start = cand is not None and cand.start == lo + lead
    if at_start and att._possessive(cand):
        return None  # "Jane Roe's ‘...’": the quote is about her words, maybe not hers
    if at_start and cand.end <= open_mark:
        got = att._attr(cand, lo)
        got.how, got.inferred, got.far = "headline", True, True
        return got
    return _subject_words(text, lo + lead, open_mark)


def swallowed_verb(att, text: str, lo: int, found: Attribution) -> Attribution | None:
    """A headline name NER ran over the verb ("Roe Addresses Border Attack: ‘...’" read as one
    name): the words before the verb speak, as the article's person of that surname if it has one."""
    if found.mention is None or found.speaker is None:
        return None
    sub = _subject_words(text, lo, found.mention[1])
    if sub is None or sub.mention is None or sub.mention[1] >= found.mention[1]:
        return None
    words = text[sub.mention[0]:sub.mention[1]]
    return Attribution(att.surnames.get(words, words), None, None, True, None, lo, "headline", True,
                       mention=sub.mention)


def _subject_words(text: str, lo: int, hi: int) -> Attribution | None:
    """Title case hides verbs from the tagger ("Parents Rally"), so the headline is tagged lower-cased
    (first letter kept) and the subject is the noun phrase before its first verb."""
    raw = text[lo:hi]
    low = raw[:1] + raw[1:].lower()
    if len(low) != len(raw):
        return None
    toks = list(load_nlp()(low))
    verb = next((t.i for t in toks if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or not 1 <= verb <= _limit("headline_max_subject"):
        return None
    subj = toks[:verb]
    if not all(t.is_alpha for t in subj) or subj[-1].pos_ not in ("NOUN", "PROPN") \
            or any(t.lower_ in cues()["headline_stop"] for t in subj):
        return None
    desc = " ".join(raw[:subj[-1].idx + len(subj[-1])].split())
    return Attribution(None, None, desc, True, None, lo, "headline", True,
                       mention=(lo, lo + subj[-1].idx + len(subj[-1])))
