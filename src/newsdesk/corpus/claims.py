"""Claim features computed once per article, in the pipeline (workers), so linking never parses.

:func:`article_claims` reads each amount's sentence from the article's parse and keeps what comparing claims needs:
measure terms, the averaged content-word vector (float32, base64), the "where" context, the cleaned
``about`` phrase and the character spans whose mentions are the claim's actors. :func:`apply_features`
fills a :class:`~newsdesk.corpus.compare.Claim` from them at link time with the corpus-level parts
(canonical entities, countries), as a parse of the sentence at link time would.
"""
from __future__ import annotations

import base64
import math
from bisect import bisect_left
from typing import Any

import numpy as np

from .similarity import mean_vector


def block_key(unit: str, value: float, date: str | None) -> str | None:
    """The cross-story block of a claim: its canonical unit and the year it states (None: no period)."""
    from .compare import _period, normalise_unit

    period = _period(date)
    if not period:
        return None
    return f"{normalise_unit(unit, value)[0]}|{period[:4]}"


def value_buckets(unit: str, value: float) -> list[str]:
    """Two adjacent magnitude buckets of a value (in its canonical unit), MAX_CONFLICT_RATIO wide on a
    log scale: any two values within that ratio of each other (the only ones ``compare.aligned`` can
    accept) share at least one, so a common measure in a common year does not make a block that
    grows with the store."""
    from .compare import MAX_CONFLICT_RATIO, normalise_unit

    v = normalise_unit(unit, value)[1]
    if not v or v <= 0 or math.isnan(v) or math.isinf(v):
        return ["0"]
    b = math.floor(math.log(v) / math.log(MAX_CONFLICT_RATIO))
    return [str(b), str(b + 1)]


def block_keys(unit: str, value: float, date: str | None, features: dict[str, Any]) -> list[str]:
    """Cross-story blocks of a claim: canonical unit, stated year, each measure term and value bucket.
    Claims of two stories are compared only when both state a period (periods of different years never
    agree), when both have measure terms only when they share one (disjoint terms score below
    MEASURE_MIN_CROSS; claims without terms meet the other claims without terms), and only when their
    values are within MAX_CONFLICT_RATIO (:func:`value_buckets`)."""
    base = block_key(unit, value, date)
    if base is None:
        return []
    terms = features.get("terms") or [] if features.get("described") else []
    return [f"{base}|{t}|{b}" for t in sorted(set(terms)) or [""] for b in value_buckets(unit, value)]


def describe(doc: Any, s0: int, figure: tuple[int, int], unit: str, raw_unit: str, about: str | None) -> dict[str, Any]:
    """What a claim needs from the parse ``doc`` of its sentence (which starts at offset ``s0``)."""
    from .compare import _NAMES, _context, _lemma, vocab

    v = vocab()
    fig = [t for t in doc if t.idx + s0 < figure[1] and t.idx + len(t) + s0 > figure[0]]
    if not fig:
        return {"described": False}
    skip = v["reporting"] | v["stop"] | {unit.lower(), raw_unit.lower()}
    last = fig[-1]
    head = last.head if last.head.pos_ in ("NOUN", "PROPN") and last.dep_ in ("nummod", "compound", "quantmod") \
        else last
    picked = [t for t in head.subtree if t not in fig]  # the measured noun phrase
    actor_spans = [(head.left_edge.idx, head.right_edge.idx + len(head.right_edge))]
    source_tokens: set[int] = set()
    tok = head
    for _ in range(5):  # climb to the clause that says what the figure measures
        if tok.head is tok:
            break
        tok = tok.head
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in v["reporting"]:
            for ch in tok.children:  # whoever reports or estimates is a source, not the measure
                if ch.dep_ in ("nsubj", "nsubjpass", "agent"):
                    source_tokens.update(x.i for x in ch.subtree)
            continue
        if tok.pos_ in ("VERB", "AUX"):
            picked.append(tok)
            for ch in tok.children:
                if ch.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "acomp", "oprd"):
                    picked.extend(x for x in ch.subtree if x not in fig and not x.is_stop)
                    if ch.dep_.startswith("nsubj"):
                        actor_spans.append((ch.left_edge.idx, ch.right_edge.idx + len(ch.right_edge)))
            break
        if tok.pos_ in ("NOUN", "PROPN"):
            picked.append(tok)
            picked.extend(ch for ch in tok.children if ch.dep_ in ("amod", "compound") and ch not in fig)
    about_toks = [t for t in doc if about and t.text in about.split() and t.i not in source_tokens]
    about_is_source = bool(about) and not about_toks and any(t.text in about.split() for t in doc)
    new_about = about
    if about_toks:  # names keep their case, a sentence-initial common word does not ("Bilateral trade")
        new_about = " ".join(t.text if t.pos_ == "PROPN" or t.ent_type_ else t.lower_ for t in about_toks)
    # names are actors (compared apart), not measures; verbs like "take" are stop words but measure
    content = [t for t in (*picked, *about_toks) if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")
               and (t.pos_ == "VERB" or not t.is_stop) and t.ent_type_ not in _NAMES
               and t.i not in source_tokens and t.lemma_.lower() not in skip and t.text.lower() not in skip
               and t.ent_type_ not in ("DATE", "CARDINAL", "MONEY", "PERCENT", "QUANTITY")]
    vec = mean_vector(content)
    return {
        "described": True,
        "terms": sorted({v["measures"].get(_lemma(t), _lemma(t)) for t in content}),
        "common": sorted({v["measures"].get(_lemma(t), _lemma(t)) for t in content if t.pos_ in ("NOUN", "VERB")}),
        "vector": None if vec is None else base64.b64encode(np.asarray(vec, dtype="<f4").tobytes()).decode("ascii"),
        "context": _context(picked, fig, source_tokens),
        "about": new_about, "about_is_source": about_is_source, "about_kept": bool(about_toks),
        "actor_spans": [[s0 + a, s0 + b] for a, b in actor_spans],
    }


def article_claims(text: str, sentences: list[tuple[int, int]], amounts: list[Any], doc: Any) -> list[dict[str, Any]]:
    """Per amount of one article (in order): ``{"amount": index, "block", "features", "blocks"}``.

    ``doc`` is the article's own parse: each claim sentence is read from it (``Span.as_doc``), not parsed
    again."""
    from .compare import _sentence_of, normalise_unit

    art = {"text": text, "sentences": sentences}
    out = []
    for n, am in enumerate(amounts):
        if text[am.start:am.end] != am.text:
            continue
        s0, s1, _ = _sentence_of(art, am.start, am.end)
        span = doc.char_span(s0, s1, alignment_mode="expand")
        if span is None:
            continue
        unit = normalise_unit(am.unit, am.value)[0]
        feats = describe(span.as_doc(), span.start_char, (am.start, am.end), unit, am.unit, am.about)
        out.append({"amount": n, "block": block_key(am.unit, am.value, am.date), "features": feats,
                    "blocks": block_keys(am.unit, am.value, am.date, feats)})
    return out


def apply_features(c: Any, f: dict[str, Any], mentions: list[dict[str, Any]], entity_country: dict[str, str | None],
                   canonical: dict[str, str], about_entity: str | None, starts: Starts | None = None) -> None:
    """Fill a Claim from stored features plus corpus-level entity facts (canonical keys, countries)."""
    if not f.get("described"):
        return
    c.about_is_source = f["about_is_source"]
    c.about = f["about"]
    c.terms, c.common = set(f["terms"]), set(f["common"])
    c.vector, c.packed = None, f["vector"]  # decoded when a pair test first needs it (:func:`unpack`)
    c.context = f["context"]
    c.actors |= claim_actors(f, mentions, entity_country, canonical, about_entity, starts)


def claim_actors(f: dict[str, Any], mentions: list[dict[str, Any]], entity_country: dict[str, str | None],
                 canonical: dict[str, str], about_entity: str | None, starts: Starts | None = None) -> set[str]:
    """A described claim's actor keys: canonical entities (and their countries) inside its actor spans
    (``starts``: :func:`mention_starts` of ``mentions``, for a caller reading one list for many claims)."""
    out: set[str] = set()
    if not f.get("described"):
        return out
    for m in _inside(mentions, f["actor_spans"], starts):
        out.add(canonical.get(m["entity"], m["entity"]))
        if entity_country.get(m["entity"]):
            out.add(entity_country[m["entity"]])
    if about_entity and f["about_kept"]:  # the extractor's entity counts only when its phrase is not the source
        out.add(canonical.get(about_entity, about_entity))
        if entity_country.get(about_entity):
            out.add(entity_country[about_entity])
    return out


def unpack(packed: str) -> np.ndarray:
    """A stored claim vector (base64 of little-endian float32) as a writable array."""
    return np.frombuffer(base64.b64decode(packed), dtype="<f4").copy()


Starts = tuple[list[int], bool]


def mention_starts(mentions: list[dict[str, Any]]) -> Starts:
    """The mentions' starts, and whether they are sorted (what :func:`_inside` reads of a mention list)."""
    starts = [m["start"] for m in mentions]
    return starts, starts == sorted(starts)


def _inside(mentions: list[dict[str, Any]], spans: list[list[int]], known: Starts | None = None) -> list[dict[str, Any]]:
    """The mentions lying inside any of the spans, in their own order (the set's insertion order).

    Mentions come sorted by start (synthesis_items' order): a bisect per span reads only those starting
    inside it (a span never ends before it starts), not every mention of the article per claim; an
    unsorted list is scanned whole."""
    starts, ordered = known or mention_starts(mentions)
    if not ordered:
        return [m for m in mentions if any(m["start"] >= a and m["end"] <= b for a, b in spans)]
    hit: set[int] = set()
    for a, b in spans:
        i = bisect_left(starts, a)
        while i < len(starts) and starts[i] <= b:
            if mentions[i]["end"] <= b:
                hit.add(i)
            i += 1
    return [mentions[i] for i in sorted(hit)]
