"""After a sentence's events are coded: confidence by how a party was found, one event per happening
in a sentence, and the lead event's place from the dateline or the story's meeting place."""
from __future__ import annotations

from typing import Any

from ..nlp.context import Context
from ..records import Event, Party
from .locate import PlaceFinder, as_location, dateline_location
from .plover import Lexicon

LEAD_SENTENCES = 3


def party_factor(p: Party, how: str) -> float:
    base = 1.0 if (p.entity and p.country) else 0.9 if p.country else 0.7
    return base * (0.85 if how in {"pronoun", "pair"} else 1.0)


def _key(e: Event) -> tuple:
    ends = sorted([e.actor.country or e.actor.name or "", (e.target.country or e.target.name or "") if e.target else ""]) \
        if e.symmetric else [e.actor.country or e.actor.name or "", (e.target.country or e.target.name) if e.target else ""]
    return (e.type, tuple(ends), e.status, e.date)


def dedupe(coded: list[tuple[int, Event]]) -> list[tuple[int, Event]]:
    """One event per (type, parties, status) in a sentence: 'met ... for talks' is one meeting."""
    best: dict[tuple, tuple[int, Event]] = {}
    order: list[tuple] = []
    for item in coded:
        k = _key(item[1])
        if k not in best:
            order.append(k)
            best[k] = item
        elif _richer(item[1], best[k][1]):
            best[k] = item
    return [best[k] for k in order]


def _richer(a: Event, b: Event) -> bool:
    return (a.date is not None, a.location is not None, a.confidence) > (b.date is not None, b.location is not None,
                                                                         b.confidence)


def apply_dateline(ctx: Context, places: PlaceFinder, events: list[tuple[int, Event]]) -> None:
    """The lead event of a datelined report took place in the dateline city."""
    if not events or not ctx.meta.dateline:
        return
    sent_no, lead = events[0]
    if sent_no < LEAD_SENTENCES and lead.location is None and lead.status == "happened":
        where = dateline_location(ctx, places)
        if where is None:
            return
        for n, e in events:  # the dyads of one trilateral lead event share its place
            if n == sent_no and e.rule == lead.rule and e.location is None and e.status == "happened":
                e.location, e.rule = dict(where), e.rule + "+dateline"


def apply_story_place(ctx: Context, places: PlaceFinder, lex: Lexicon, events: list[tuple[int, Event]]) -> None:
    """A lead meeting with no place takes the one place the article gives 'the summit/meeting' ('The summit
    in Samarkand, which ...'): a definite meeting noun refers back to the story's meeting."""
    lead = [e for n, e in events if n < LEAD_SENTENCES and e.type == "CONSULT" and e.location is None
            and e.status == "happened" and e.date is not None and e.date == ctx.anchor]
    if not lead:
        return
    found: dict[str, Any] = {}
    for place, root in places.items:
        prep = root.head
        noun = prep.head
        if root.dep_ != "pobj" or prep.lower_ != "in" or (place.feature or "") in {"country", "continent", "region"}:
            continue
        trig = lex.nouns.get(noun.lemma_.lower())
        if trig is None or trig.type != "CONSULT" or not any(c.lower_ == "the" for c in noun.children):
            continue
        found[place.name] = place
    if len(found) == 1:
        place = next(iter(found.values()))
        for e in lead:
            e.location = as_location(place)
            e.rule += "+story_place"
