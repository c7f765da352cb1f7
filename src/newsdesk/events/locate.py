"""Where an event took place: a place attached to it by in/at, the place visited, or the dateline city."""
from __future__ import annotations

from typing import Any

from ..nlp.context import Context
from ..records import Place

LOCATIVE = {"in", "at", "near", "outside", "inside", "off", "on", "across", "along", "over"}
VISIT_PREPS = {"to"}
TRANSPARENT_ADVERBS = {"ahead", "prior"}
PASS_THROUGH = {"pobj", "prep", "compound", "appos", "conj", "nmod", "amod", "npadvmod"}


class PlaceFinder:
    """Places of one document, mapped onto tokens."""

    def __init__(self, ctx: Context) -> None:
        self.items: list[tuple[Place, Any]] = []
        for p in ctx.places:
            span = ctx.doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is not None:
                self.items.append((p, span.root))
        self.by_name = {p.name.lower(): p for p, _ in self.items}
        self.by_name.update({p.text.lower(): p for p, _ in self.items})

    def at_token(self, tok: Any) -> Place | None:
        for p, root in self.items:
            if root.i == tok.i or (p.start <= tok.idx < p.end):
                return p
        return None

    def attached(self, preds: list[Any], preps: set[str], exclude: set[int] | None = None,
                 sent: Any = None) -> Place | None:
        """The most specific place reached from one of ``preds`` through a prep in ``preps``; places that
        are the event's target ('lashed out at the U.S.') are not where it happened."""
        best: tuple[int, Place] | None = None
        ids = {p.i for p in preds}
        sent = sent if sent is not None else preds[0].sent
        for place, root in self.items:
            if not sent.start <= root.i < sent.end or (exclude and root.i in exclude):
                continue
            prep = _attaching_prep(root, ids)
            if prep is None or prep.lower_ not in preps:
                continue
            rank = 0 if (place.feature or "") not in {"country", "continent", "region"} else 1
            if best is None or rank < best[0]:
                best = (rank, place)
        return best[1] if best else None


def _attaching_prep(root: Any, preds: set[int]) -> Any | None:
    """Walk up from the place to an event predicate; return the prep that hangs on the predicate.
    'met ahead of the summit in Qingdao': the meeting is placed where the summit it preceded was."""
    tok, first_prep = root, None
    for _ in range(8):
        if tok.dep_ == "prep" and first_prep is None:
            first_prep = tok
        if tok.head.i in preds and tok.dep_ == "prep":
            return tok
        if tok.head.i in preds and tok.dep_ == "advmod" and tok.lower_ in TRANSPARENT_ADVERBS:
            return first_prep
        if tok.dep_ not in PASS_THROUGH or tok.head is tok:
            return None
        tok = tok.head
    return None


def as_location(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon}


def dateline_location(ctx: Context, finder: PlaceFinder) -> dict[str, Any] | None:
    """The dateline city, with coordinates when the places stage resolved the same name."""
    name = ctx.meta.dateline
    if not name:
        return None
    place = finder.by_name.get(name.lower())
    if place is not None:
        return as_location(place)
    return {"name": name, "country": None, "lat": None, "lon": None}
