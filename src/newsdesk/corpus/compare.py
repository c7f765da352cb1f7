"""Claims: figures about the same thing aligned across outlets -> corroborations and conflicts.

A claim is one stored amount with its sentence. Two claims are about the same thing when
- their units measure the same kind of thing (after converting miles to km, "a quarter" is 25 percent,
  troops/soldiers/personnel are one group: ``data/synthesis.json``),
- their periods agree (a stated year or month; a missing period fits any inside one story, and
  claims from different stories must both state the same period),
- their actors agree (entities modifying the measured noun or doing the measured thing; a side
  without an actor fits any inside one story; claims from different stories must name a common
  actor, ``cross_story_needs_actor`` in ``data/synthesis.json``),
- what they measure is close: lemma overlap of the ``about`` phrase and the words around the figure,
  blended with the cosine of their averaged word vectors (reporting words such as "said" or
  "officials" are left out: they name the source, not the measure).
Same value (within rounding) from independent outlets is a corroboration; otherwise a conflict,
unless the values are so far apart that they are more likely different measures (subset vs total).
Copies (``duplicate_of``) never count as an independent outlet.
"""
from __future__ import annotations

import functools
import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .claims import mention_starts, unpack
from .figure_labels import label
from .story_state import components
from .similarity import parse
from .summarize import trim

DATA = Path(__file__).parent / "data" / "synthesis.json"
SAME_VALUE = 0.005  # relative difference under which two figures are the same (rounding)
APPROX_TOLERANCE = 0.10  # what "about"/"around"/"nearly" typically covers: +-10%
MAX_CONFLICT_RATIO = 3.0  # further apart: rather two different measures than one disputed figure
MEASURE_MIN_STORY = 0.3  # measure similarity needed to align two claims of one story
MEASURE_MIN_CROSS = 0.5  # ... of two stories (only the period and the words tie them)
VECTOR_WEIGHT = 0.5  # share of the word-vector cosine in measure similarity
_NAMES = ("GPE", "NORP", "ORG", "PERSON", "LOC", "FAC")


@functools.lru_cache(maxsize=1)
def vocab() -> dict[str, Any]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    groups = {}
    for group in data["unit_groups"]:
        for name in group:
            groups[name.lower()] = group[0]
    measures = {}
    for group in data["measure_groups"]:
        for name in group:
            measures.setdefault(name.lower(), group[0])
    exclusive = [frozenset(x) for x in data["exclusive_measures"]]
    return {"groups": groups, "measures": measures, "convert": {k.lower(): tuple(v) for k, v in data["unit_conversions"].items()},
            "reporting": set(data["reporting_lemmas"]), "stop": set(data["measure_stop"]), "exclusive": exclusive,
            "measure_labels": data["measure_labels"], "unit_labels": data["unit_labels"],
            "quantity_measures": set(data["quantity_measures"]),
            "cross_story_needs_actor": bool(data.get("cross_story_needs_actor", False)),
            "cross_story_conflicts": bool(data.get("cross_story_conflicts", True))}


def normalise_unit(unit: str, value: float) -> tuple[str, float]:
    """(canonical unit, value in it): miles -> km, counted nouns -> their group's first name."""
    u = (unit or "").strip()
    low = u.lower()
    v = vocab()
    if low in v["convert"]:
        canon, factor = v["convert"][low]
        return canon, value * factor
    if low in v["groups"]:
        return v["groups"][low], value
    if len(u) == 3 and u.isupper():
        return u, value  # ISO 4217 currency: different currencies are never compared
    return low.removesuffix("s") if len(low) > 4 else low, value


@dataclass
class Claim:
    id: str  # the amount id
    article: str
    outlet: str | None
    story: str | None
    copy_of: str | None
    value: float  # in ``unit``
    unit: str
    raw_value: float
    raw_unit: str
    approx: bool
    qualifier: str | None
    about: str | None
    period: str | None  # YYYY or YYYY-MM the figure refers to
    sentence: tuple[int, int, str]
    figure: tuple[int, int, str]
    terms: set[str] = field(default_factory=set)
    common: set[str] = field(default_factory=set)  # the terms that are not names (for labels)
    actors: set[str] = field(default_factory=set)
    vector: np.ndarray | None = None
    context: str | None = None  # where the measured thing is, read from the parse ("in the war games")
    about_is_source: bool = False  # the extractor's ``about`` names who reported the figure, not what it is
    packed: str | None = None  # the stored vector not decoded yet: most claims of a kept story meet no pair test

    @property
    def source(self) -> str:
        """The independent source behind this claim: the original for a copy."""
        return self.copy_of or self.article

    def as_row(self) -> dict[str, Any]:
        s, e, t = self.sentence
        fs, fe, ft = self.figure
        return {"article": self.article, "outlet": self.outlet, "value": self.raw_value, "unit": self.raw_unit,
                "approx": self.approx, "qualifier": self.qualifier, "text": t, "start": s, "end": e,
                "figure": {"text": ft, "start": fs, "end": fe}, "amount": self.id}


def _period(date: str | None) -> str | None:
    # a day-precision date on a figure is the day it was reported, not the period it measures
    return date if date and len(date) <= 7 else None


def _sentence_of(article: dict[str, Any], start: int, end: int) -> tuple[int, int, str]:
    """The sentence holding a figure, cut at line breaks (scraped text glues paragraphs into one sentence)."""
    text = article["text"]
    for s, e in article["sentences"] or []:
        if s <= start < e:
            s = max(s, text.rfind("\n", s, start) + 1)
            nl = text.find("\n", end, e)
            s, e = trim(text, s, nl if nl >= 0 else e)
            if s <= start and end <= e:
                return s, e, text[s:e]
    return start, end, text[start:end]


def build_claims(articles: list[dict[str, Any]], amounts: list[dict[str, Any]],
                 mentions: list[dict[str, Any]], entity_country: dict[str, str | None],
                 canonical: dict[str, str]) -> list[Claim]:
    """Claims of these articles, with measure terms, actors and vectors read from a parse of each sentence."""
    by_id = {a["id"]: a for a in articles}
    ments: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        ments.setdefault(m["article_id"], []).append(m)
    claims, starts = [], {}
    for am in amounts:
        art = by_id.get(am["article_id"])
        if art is None or art["text"][am["start"]:am["end"]] != am["text"]:
            continue
        unit, value = normalise_unit(am["unit"], am["value"])
        sentence = _sentence_of(art, am["start"], am["end"])
        claims.append(Claim(am["id"], art["id"], art.get("outlet"), art.get("story_id"), art.get("duplicate_of"),
                            value, unit, am["value"], am["unit"], bool(am["approx"]), am["qualifier"], am["about"],
                            _period(am["date"]), sentence, (am["start"], am["end"], am["text"])))
        if art["id"] not in starts:  # an article's claims read one mention list: its starts once
            starts[art["id"]] = mention_starts(ments.get(art["id"], []))
        _describe(claims[-1], ments.get(art["id"], []), entity_country, canonical, am.get("about_entity"),
                  am.get("claim"), starts[art["id"]])
    return claims


def _describe(c: Claim, mentions: list[dict[str, Any]], entity_country: dict[str, str | None],
              canonical: dict[str, str], about_entity: str | None, features: dict[str, Any] | None = None,
              starts: Any = None) -> None:
    """Fill measure terms, actors and a vector: from the pipeline's stored features, else a parse now."""
    from .claims import apply_features, describe

    if features is None:  # stores written before claim features existed
        features = describe(parse(c.sentence[2]), c.sentence[0], c.figure[:2], c.unit, c.raw_unit, c.about)
    apply_features(c, features, mentions, entity_country, canonical, about_entity, starts)


_CONTEXT_PREPS = ("in", "at", "on", "for", "during", "of")


def _context(picked: list[Any], fig: list[Any], source_tokens: set[int]) -> str | None:
    """The first prepositional phrase under the measured verb or noun naming a thing, not a name or a date."""
    for tok in picked:
        if tok.pos_ not in ("VERB", "NOUN"):
            continue
        for sub in tok.subtree:
            if sub.dep_ != "prep" or sub.lower_ not in _CONTEXT_PREPS or sub.i in source_tokens or sub in fig:
                continue
            obj = next((ch for ch in sub.children if ch.dep_ == "pobj"), None)
            if obj is None or obj.pos_ != "NOUN" or obj.ent_type_ or any(t in fig for t in obj.subtree):
                continue
            first = min((t for t in obj.children if t.i < obj.i and t.dep_ in ("det", "amod", "compound", "nummod")),
                        key=lambda t: t.left_edge.i, default=obj).left_edge
            phrase = obj.doc[first.i:obj.i + 1].text
            if not (first.ent_type_ or first.pos_ == "PROPN"):
                phrase = phrase[:1].lower() + phrase[1:]
            return f"{sub.lower_} {phrase}"
    return None


def _lemma(tok: Any) -> str:
    """The lemma, joined with a particle or bare object that makes a phrasal verb ("take part", "turn out")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        for ch in tok.children:
            joined = f"{lemma} {ch.lemma_.lower()}"
            if ch.dep_ in ("prt", "dobj") and joined in vocab()["measures"]:
                return joined
    return lemma


def measure_similarity(a: Claim, b: Claim) -> float:
    """Blend of lemma overlap (Jaccard) and the cosine of the averaged content-word vectors."""
    if not a.terms and not b.terms:
        return 1.0  # nothing but the unit on either side: the unit decides
    if not a.terms or not b.terms:
        return 0.5
    jac = len(a.terms & b.terms) / min(len(a.terms), len(b.terms))  # overlap: extra context is no penalty
    return (1 - VECTOR_WEIGHT) * jac + VECTOR_WEIGHT * max(_cosine(a, b), 0.0)


def claim_vector(c: Claim) -> np.ndarray | None:
    """The claim's vector, decoded from its stored features the first time it is read."""
    if c.packed is not None:
        c.vector, c.packed = unpack(c.packed), None
    return c.vector


def _norm(c: Claim) -> Any:
    """The norm of a claim's (decoded) vector, kept with it: a claim of a big story meets many others."""
    cached = c.__dict__.get("_norm")
    if cached is None or cached[0] is not c.vector:
        cached = c.__dict__["_norm"] = (c.vector, np.linalg.norm(c.vector))
    return cached[1]


def _cosine(a: Claim, b: Claim) -> float:
    """:func:`.similarity.cosine` of the two vectors (the same float), with each norm computed once."""
    # decoded on a claim's first pair test (the attribute test is cheaper than a call on every pair)
    if (a.vector if a.packed is None else claim_vector(a)) is None or \
            (b.vector if b.packed is None else claim_vector(b)) is None:
        return 0.0
    n = float(_norm(a) * _norm(b))
    return float(a.vector @ b.vector) / n if n else 0.0


def exclusive_measures(a: Claim, b: Claim) -> bool:
    """True when the two measure different things of one family (killed vs injured, exports vs imports)."""
    for family in vocab()["exclusive"]:
        fa, fb = a.terms & family, b.terms & family
        if fa and fb and not (fa & fb):
            return True
    return False


def comparable(a: Claim, b: Claim, across: bool = False) -> bool:
    """Same unit, compatible periods and actors, and close enough measures. ``across``: compared as
    claims of two stories whatever their stories are (cross-story groups must not change when
    articles change story)."""
    if a.unit != b.unit or a.source == b.source:
        return False
    same_story = not across and a.story is not None and a.story == b.story
    if a.period and b.period:
        if not (a.period.startswith(b.period) or b.period.startswith(a.period)):
            return False
    elif not same_story:
        return False
    if a.actors and b.actors and not (a.actors & b.actors):
        return False
    if not same_story and not (a.actors & b.actors) and vocab()["cross_story_needs_actor"]:
        return False  # across stories a common actor is what ties two figures to one thing
    if exclusive_measures(a, b):
        return False
    return measure_similarity(a, b) >= (MEASURE_MIN_STORY if same_story else MEASURE_MIN_CROSS)


def relative_difference(a: float, b: float) -> float:
    hi = max(abs(a), abs(b))
    return abs(a - b) / hi if hi else 0.0


def conflict_note(claims: list[Claim]) -> str:
    vals = [c.value for c in claims]
    lo, hi = min(vals), max(vals)
    diff = relative_difference(lo, hi)
    approx = any(c.approx for c in claims)
    pct = f"{diff:.0%}"
    if approx and diff <= APPROX_TOLERANCE:
        return f"figures differ by {pct}, within the {APPROX_TOLERANCE:.0%} an approximate figure usually covers"
    if approx:
        return f"figures differ by {pct}, more than the {APPROX_TOLERANCE:.0%} an approximate figure usually covers"
    return f"figures differ by {pct}; neither is given as approximate"


def _key(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def aligned(a: Claim, b: Claim, across: bool = False) -> bool:
    """Two claims about one figure: comparable, and not so far apart that they measure different things."""
    if not comparable(a, b, across):
        return False
    return max(a.value, b.value) / max(min(a.value, b.value), 1e-12) <= MAX_CONFLICT_RATIO


def discrepancies(claims: list[Claim], kept: Iterable[Iterable[str]] = (), fresh: set[int] | None = None
                  ) -> list[dict[str, Any]]:
    """Group aligned claims; emit one corroboration per set of equal values and one conflict per disagreement.
    ``kept``/``fresh``: groups found before and the claims new since (:mod:`.story_state`)."""
    return rows_of_groups(claims, claim_groups(claims, kept, fresh))


def claim_groups(claims: list[Claim], kept: Iterable[Iterable[str]] = (), fresh: set[int] | None = None
                 ) -> list[list[int]]:
    """The groups (index lists, 2+ claims) that aligned pairs join, starting from the ``kept`` groups
    (claim ids) and testing only the pairs that hold a ``fresh`` claim when given (else every pair)."""
    return components([c.id for c in claims], _candidate_pairs(claims, fresh),
                      lambda i, j: aligned(claims[i], claims[j]), kept)


def rows_of_groups(claims: list[Claim], groups: Iterable[list[int]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for members in groups:
        out += group_rows([claims[i] for i in members])
    return sorted(out, key=lambda r: r["id"])


def _candidate_pairs(claims: list[Claim], fresh: set[int] | None = None) -> list[tuple[int, int]]:
    """The pairs :func:`aligned` can accept: same unit, values within MAX_CONFLICT_RATIO. Sorted by value
    within a unit, the ratio to a fixed smaller value only grows, so each claim meets a window of the
    next ones instead of every claim of a big story (same groups as testing all pairs). ``fresh``: only
    the pairs holding one of these claims (a fresh claim's window, and the earlier claims whose window
    reaches it), the same pairs as filtering the full list."""
    by_unit: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        by_unit.setdefault(c.unit, []).append(i)
    out: list[tuple[int, int]] = []
    for idx in by_unit.values():
        if fresh is not None and not any(i in fresh for i in idx):
            continue
        if any(math.isnan(claims[i].value) for i in idx):  # no order: test every pair of this unit
            out += [(i, j) for k, i in enumerate(idx) for j in idx[k + 1:] if fresh is None or i in fresh or j in fresh]
            continue
        idx = sorted(idx, key=lambda i: claims[i].value)
        vals = [claims[i].value for i in idx]
        for k, i in enumerate(idx):
            if fresh is not None and i not in fresh:
                continue
            low = max(vals[k], 1e-12)
            for m in range(k + 1, len(idx)):
                if vals[m] / low > MAX_CONFLICT_RATIO:
                    break
                out.append((min(i, idx[m]), max(i, idx[m])))
            if fresh is None:
                continue
            for m in range(k - 1, -1, -1):  # values only shrink going back: the ratio only grows
                if vals[k] / max(vals[m], 1e-12) > MAX_CONFLICT_RATIO:
                    break
                if idx[m] not in fresh:  # a fresh one met this claim in its own window
                    out.append((min(i, idx[m]), max(i, idx[m])))
    return out


def group_rows(claims: list[Claim]) -> list[dict[str, Any]]:
    """The rows of one group of aligned claims (found by :func:`discrepancies` or kept incrementally)."""
    out: list[dict[str, Any]] = []
    group = sorted(claims, key=lambda c: (c.value, c.article, c.figure[0]))
    # equal values (within rounding) from independent sources corroborate each other
    bins: list[list[Claim]] = []
    for c in group:
        if bins and relative_difference(bins[-1][0].value, c.value) <= SAME_VALUE:
            bins[-1].append(c)
        else:
            bins.append([c])
    story = group[0].story if all(c.story == group[0].story for c in group) else None
    about = label(group, vocab())
    for b in bins:
        if len({c.source for c in b}) >= 2:
            out.append(_row("corroboration", about, story, b, "the same figure from independent sources"))
    sources = {c.source for c in group}
    if len(bins) >= 2 and len(sources) >= 2:
        # a source that itself gives both figures (an estimate and the final cost) is not disputing them;
        # the bins split the group, so no source lies in two bins exactly when their source sets add up to
        # the group's (a count, not a test of every source against every bin of a big story's group)
        if sum(len({c.source for c in b}) for b in bins) == len(sources):
            out.append(_row("conflict", about, story, group, conflict_note(group)))
    return out


def _row(kind: str, about: str, story: str | None, claims: list[Claim], note: str) -> dict[str, Any]:
    return {"id": f"{kind[:4]}-{_key(kind, *sorted(c.id for c in claims))}", "kind": kind, "about": about,
            "story_id": story, "claims": [c.as_row() for c in claims], "note": note}
