"""Who a named person is, as the article says it: appositions and titles next to the name.

"X, a senior fellow at Y, said" -> "a senior fellow at Y"; "Kremlin spokesperson X" ->
"Kremlin spokesperson"; "China's top diplomat, X," -> "China's top diplomat".
"""
from __future__ import annotations

from typing import Any

from .linking import DocState, Found
from .names import cues, is_span_honorific

_STOP = {",", ";", ".", "—", "–", "(", ")", ":", '"', "“", "”", "?", "!"}
_PRE_DEPS = {"compound", "amod", "poss", "case", "nmod", "punct"}
_MAX_WORDS = 30


def describe(st: DocState, f: Found) -> tuple[str | None, tuple[int, int] | None]:
    """The description of a person mention and the token range of a title before the name, if any."""
    doc = st.doc
    pre = _title_before(st, f)
    post = _apposition_after(st, f)
    if post is not None:
        return post, pre
    if pre is not None:
        return doc[pre[0]:pre[1]].text, pre
    comma = _apposed_head(doc, f)
    if comma is not None:
        return comma, None
    return None, None


def _title_before(st: DocState, f: Found) -> tuple[int, int] | None:
    """'Russian President' in 'Russian President Vladimir Putin': modifiers hanging on the name."""
    doc = st.doc
    start = f.tok_start
    if is_span_honorific(doc[start]):
        return None
    j, sent_start = start - 1, st.sent_bounds[st.sent_of[start]][0]
    inside = set(range(start, f.tok_end))
    while j >= sent_start:
        t = doc[j]
        if t.lower_ in cues().determiners or t.is_space or "\n" in t.whitespace_:
            break
        if t.dep_ not in _PRE_DEPS or t.head.i not in inside or (t.is_punct and t.text not in ("-", "'s", "’s")):
            break
        inside.add(j)
        j -= 1
    if j + 1 >= start:
        return None
    words = doc[j + 1:start]
    if not any(t.pos_ == "NOUN" or t.lemma_.lower() in cues().role_nouns for t in words):
        return None  # "Russia's Vladimir Putin" names a country, not a title
    return j + 1, start


def _apposition_after(st: DocState, f: Found) -> str | None:
    doc = st.doc
    k = f.tok_end
    if k < len(doc) and doc[k].text in ("'s", "’s"):
        return None
    if k >= len(doc) or doc[k].text != ",":
        return None
    s = k + 1
    end_tok = st.sent_bounds[st.sent_of[s - 1]][1]
    e = s
    while e < end_tok and doc[e].text not in _STOP:
        e += 1
        if e - s > _MAX_WORDS:
            return None
    if e == s:
        return None
    seg = doc[s:e]
    first = seg[0]
    if first.ent_type_ in ("PERSON", "DATE", "TIME", "CARDINAL") or first.pos_ in ("VERB", "AUX", "ADV", "SCONJ",
                                                                                  "CCONJ", "PRON", "ADP"):
        return None
    if not any(t.pos_ == "NOUN" for t in seg):
        return None
    head_ids = set(range(f.tok_start, f.tok_end))
    apposed = any(t.dep_ == "appos" and t.head.i in head_ids for t in seg)
    if not apposed and first.lower_ not in ("a", "an"):
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp") for t in seg):
        return None
    while seg and seg[-1].lower_ in ("and", "or", "but") or (seg and seg[-1].is_space):
        seg = seg[:-1]
    return seg.text if seg else None


def _apposed_head(doc: Any, f: Found) -> str | None:
    """'China's ambassador to Russia, Li Hui,': the name in apposition to a noun before it."""
    root = doc[f.tok_start:f.tok_end].root
    head = root.head
    if root.dep_ != "appos" or head.i >= f.tok_start or head.pos_ != "NOUN":
        return None
    if f.tok_start < 1 or doc[f.tok_start - 1].text != ",":
        return None
    left = head.left_edge.i
    if f.tok_start - 1 - left > 15 or left >= f.tok_start - 1:
        return None
    while left < head.i and (doc[left].lower_ in cues().determiners or doc[left].is_punct):
        left += 1
    return doc[left:f.tok_start - 1].text
