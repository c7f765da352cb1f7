"""In-document resolution beyond names: role titles ("the Chinese president") and he/she pronouns."""
from __future__ import annotations

from typing import Any

from .linking import DocState, Found
from .names import cues

_TITLE_MODS = {"amod", "compound", "nmod"}
_NOT_CURRENT = {"former", "ex", "late", "then", "future", "next", "previous", "outgoing", "incoming",
                "acting", "would-be", "deputy", "vice", "assistant"}


def _covered(st: DocState) -> list[Found | None]:
    by_tok: list[Found | None] = [None] * len(st.doc)
    for f in st.found:
        for i in range(f.tok_start, f.tok_end):
            if by_tok[i] is None or f.rank < by_tok[i].rank:
                by_tok[i] = f
    return by_tok


def _attached_to_name(tok: Any, by_tok: list[Found | None]) -> bool:
    """A title that is part of a named person ("President Vladimir Putin", "his envoy, Li Hui")."""
    def is_person(t: Any) -> bool:
        f = by_tok[t.i]
        return f is not None and f.kind == "PERSON"
    if is_person(tok.head) and tok.dep_ in ("compound", "appos", "amod", "nmod"):
        return True
    if tok.dep_ == "appos" and is_person(tok.head):
        return True
    nxt = tok.i + 1
    if nxt < len(by_tok) and is_person(tok.doc[nxt]):
        return True
    return any(c.dep_ == "appos" and is_person(c) for c in tok.children)


def link_titles(st: DocState, anchor: str | None) -> None:
    """Role nouns with a country ("Chinese counterpart", "China's president", "the Russian leader")."""
    by_tok = _covered(st)
    roles = cues().role_nouns
    for tok in st.doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in roles or tok.tag_ in ("NNS", "NNPS"):
            continue
        if by_tok[tok.i] is not None and by_tok[tok.i].kind == "PERSON":
            continue
        if _attached_to_name(tok, by_tok):
            continue
        country, left, words = None, tok.i, []
        for child in tok.children:
            if child.i > tok.i:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        f = by_tok[pobj.i]
                        if f is not None and f.kind == "GPE":
                            country = st.reg.by_key(f.key)
                continue
            f = by_tok[child.i]
            if f is not None and f.kind == "GPE" and child.dep_ in _TITLE_MODS | {"poss"}:
                country, left = st.reg.by_key(f.key), min(left, child.left_edge.i)
            elif child.dep_ in _TITLE_MODS:
                if child.lower_ in _NOT_CURRENT:
                    words = None
                    break
                words.append(child.lower_)
                left = min(left, child.i)
            elif child.dep_ == "poss" and child.pos_ != "PRON":
                words = None  # someone else's ("Putin's spokesman"): not resolvable here
                break
        if words is None:
            continue
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
        if country is None and "the" not in dets:
            continue
        title = " ".join(words + [tok.lemma_.lower()])
        key = _resolve_title(st, title, tok.lemma_.lower(), getattr(country, "country", None), tok.i, anchor)
        if key is not None:
            st.add(left, tok.i + 1, key, "title", "PERSON")


def _resolve_title(st: DocState, title: str, head: str, iso: str | None, pos: int, anchor: str | None) -> str | None:
    earlier = [k for k, info in st.persons.items() if info.positions and info.positions[0] < pos]
    holders: list[Any] = []
    if iso:
        generic = head in cues().generic_roles
        if anchor and head == "counterpart":  # the same office as the person it is the counterpart of
            holders = _counterparts(st, iso, pos, anchor)
        elif anchor and generic:  # "the Russian leader": the registry ranks leaders
            holders = st.reg.role_holders("leader", iso, anchor)[:1]
        elif anchor:
            holders = st.reg.role_holders(title, iso, anchor) or st.reg.role_holders(head, iso, anchor)
        keys = {st.reg.entity(a).key for a in holders}
        local = [k for k in earlier if k in keys]
        if local:
            return max(local, key=lambda k: st.persons[k].positions[0])
        same_country = [k for k in earlier if st.person_country(k) == iso]
        if generic and len(same_country) == 1:
            return same_country[0]
        if len(holders) == 1:
            return st.register_actor(holders[0])
        return None
    if not anchor:
        return None
    matches = []
    for k in earlier:
        c = st.person_country(k)
        if c and any(st.reg.entity(a).key == k for a in st.reg.role_holders(title, c, anchor)):
            matches.append(k)
    return matches[0] if len(matches) == 1 else None


def _counterparts(st: DocState, iso: str, pos: int, anchor: str) -> list[Any]:
    """Holders in ``iso`` of the office held by the last registry person named before ``pos`` in the sentence."""
    sent = st.sent_of[pos]
    before = [f for f in st.found if f.kind == "PERSON" and f.tok_end <= pos and st.sent_of[f.tok_start] == sent]
    if not before:
        return []
    actor = st.reg.by_key(max(before, key=lambda f: f.tok_start).key)
    for role in getattr(actor, "roles", ()):
        if (role.start or "") <= anchor and (not role.end or role.end >= anchor) and role.country != iso:
            holders = st.reg.role_holders(role.title, iso, anchor)
            if holders:
                return holders[:1]
    return []


def link_pronouns(st: DocState) -> None:
    """he/she/his/her -> the one person of the previous sentence or earlier in this one."""
    genders = cues().pronoun_gender
    people = sorted((f for f in st.found if f.kind == "PERSON"), key=lambda f: f.tok_start)
    by_sent: dict[int, list[Found]] = {}
    for f in people:
        by_sent.setdefault(st.sent_of[f.tok_start], []).append(f)
    for tok in st.doc:
        low = tok.lower_
        if low not in ("he", "she", "his", "her") or tok.pos_ != "PRON":
            continue
        if low in ("he", "she") and tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if low in ("his", "her") and tok.dep_ != "poss":
            continue
        n = st.sent_of[tok.i]
        pool = [f for f in by_sent.get(n - 1, [])] + [f for f in by_sent.get(n, []) if f.tok_end <= tok.i]
        keys = {f.key for f in pool if f.key in st.persons}
        keys = {k for k in keys if st.persons[k].gender in (None, genders[low])}
        if len(keys) > 1 and low in ("he", "she"):
            # "Daniel Lee said he would...": the subject earlier in the pronoun's own sentence outranks
            # people of the sentence before (a subject pronoun keeps the subject of its sentence)
            subjects = {f.key for f in by_sent.get(n, []) if f.tok_end <= tok.i and f.key in keys
                        and st.doc[f.tok_start:f.tok_end].root.dep_ in ("nsubj", "nsubjpass")}
            keys = subjects if len(subjects) == 1 else keys
        if len(keys) != 1:
            continue
        f = st.add(tok.i, tok.i + 1, keys.pop(), "pronoun", "PERSON")
        by_sent.setdefault(n, []).append(f)
        by_sent[n].sort(key=lambda x: x.tok_start)

