"""Countries, demonyms and metonyms: "China", "Chinese officials", "Sino-Russian", "Beijing said".

A capital or an institution stands for its country only where it acts (subject, object, possessor,
"talks between Moscow and Beijing"); "in Beijing" is a place, left to the places stage.
"""
from __future__ import annotations

import re
from typing import Any

from .linking import DocState
from .names import char_span, cues, fold

_HYPHEN = re.compile(r"[-‐‑–]")
_ACTOR_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "iobj", "agent", "csubj"}


def acts(token: Any, institution: bool) -> bool:
    """Whether a place name heading ``token`` is used as an actor rather than a location."""
    c = cues()
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    dep = token.dep_
    if dep in _ACTOR_DEPS:
        return True
    if dep == "poss":
        return token.head.lemma_.lower() not in c.place_nouns
    if dep == "pobj":
        prep = token.head.lower_
        if prep in c.location_preps:
            return False
        if prep == "of" and token.head.head.lemma_.lower() in c.place_nouns:
            return False
        return prep in c.actor_preps
    if dep in ("compound", "amod", "nmod") and institution:
        return token.head.lemma_.lower() not in c.place_nouns
    return False


def link_place_name(st: DocState, s: int, e: int, label: str) -> bool:
    """GPE/LOC/FAC/ORG spans naming a country, a capital or a seat of government."""
    span = st.doc[s:e]
    text = span.text
    actor = st.reg.metonym(text) or st.reg.metonym("the " + text)
    if actor is not None:
        institution = not (actor.capital and fold(actor.capital) == fold(text))
        if acts(span.root, institution):
            key = st.register_actor(actor)
            st.countries.add(actor.country or "")
            st.add(s, e, key, "metonym", "GPE")
        return True  # a capital used as a place is the places stage's business
    actor = st.pick_actor(st.reg.lookup(text), "GPE") if label in ("GPE", "LOC", "NORP") else None
    if actor is not None and actor.type == "GPE":
        st.countries.add(actor.country or "")
        st.add(s, e, st.register_actor(actor), "registry", "GPE")
        return True
    return False


def link_demonym(st: DocState, s: int, e: int) -> bool:
    """NORP spans: "Chinese", "Russians", "Sino-Russian", "U.S.-Chinese" -> one mention per country part."""
    start, _, text = char_span(st.doc, s, e)
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^-‐‑–\s]+(?:\.[^-‐‑–\s]+)*\.?", text)]
    if len(parts) > 1 and not _HYPHEN.search(text):
        parts = [(0, len(text))]
    linked = False
    for a, b in parts:
        word = text[a:b]
        actor = _country_of_word(st, word)
        if actor is None:
            continue
        st.countries.add(actor.country or "")
        tok = st.doc.char_span(start + a, start + b, alignment_mode="expand")
        ts, te = (tok.start, tok.end) if tok is not None else (s, e)
        st.add(ts, te, st.register_actor(actor), "demonym", "GPE", chars=(start + a, start + b, word))
        linked = True
    return linked


def _country_of_word(st: DocState, word: str) -> Any | None:
    actor = st.reg.demonym(word)
    if actor is None and word.endswith("s"):
        actor = st.reg.demonym(word[:-1])  # "Russians", "Afghans"
    if actor is None:
        iso = cues().combining_forms.get(fold(word))
        actor = st.reg.country(iso) if iso else None
    if actor is None:
        found = [a for a in st.reg.lookup(word) if a.type == "GPE"]
        actor = found[0] if len(found) == 1 else None
    return actor
