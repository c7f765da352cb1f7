"""Toponyms -> places: spaCy GPE/LOC/FAC entities used as locations, plus the dateline.

A country or city name is a *place* only where it denotes a location: object of a locative
preposition ("in", "to", "near", "through" ...), "the port/city/capital of X", "X-based", an
apposition to another place ("Mombasa, Kenya"), or the dateline. As a subject or possessor
("China agreed", "Russia's president") it is an actor and left to the actor linker; spans the
linker marked as metonyms are never places. Ambiguous names are ranked by kind, context
(countries the article mentions, the dateline, a country written next to the name, US-state
context) and population; exact names beat alternate-name lookalikes.
"""
from __future__ import annotations

import re

from ..records import Entity, Place
from .context import Context
from .gazetteer import Gazetteer, GeoRecord, fold, log_population

LOC_PREPS = {"in", "at", "near", "to", "from", "into", "across", "throughout", "inside", "outside", "within",
             "around", "toward", "towards", "via", "off", "along", "through", "onto", "beyond", "over",
             "past", "outside", "nearby", "en", "aboard", "under", "between", "among", "amid"}
PLACE_NOUNS = {"port", "city", "town", "capital", "region", "province", "state", "island", "islands", "village",
               "district", "coast", "shores", "outskirts", "north", "south", "east", "west", "northeast",
               "northwest", "southeast", "southwest", "centre", "center", "heart", "streets", "suburbs", "area",
               "part", "parts", "territory", "county", "republic", "peninsula", "waters", "border", "banks",
               "rest", "distance", "skies", "airspace", "soil", "mountains", "countryside", "edge", "harbour", "harbor"}
_DATELINE = re.compile(r"(?m)^[ \t]*(?P<city>[A-Z][A-Z'.\- ]{2,40}?)(?:,[ \t]*(?P<region>[A-Z][\w.' ]{1,30}?))?"
                       r"[ \t]*(?:\([^)\n]{0,60}\)[ \t]*)?(?:--|—|–|-|:)[ \t]")


def _dateline(text: str) -> tuple[int, int, str, tuple[int, int] | None] | None:
    """(start, end, city, region span) of a dateline in the first paragraphs."""
    for m in _DATELINE.finditer(text[:3000]):
        city = m.group("city").strip()
        if len(city) >= 3 and city.upper() == city and not city.startswith(("THE ", "BY ")):
            region = (m.start("region"), m.end("region")) if m.group("region") else None
            return m.start("city"), m.start("city") + len(city), city.title(), region
    return None


def _is_locative(ent) -> bool:
    root = ent.root
    seen = 0
    while root.dep_ == "conj" and seen < 5:  # "in Russia and Kazakhstan"
        root = root.head
        seen += 1
    head = root.head
    if root.dep_ == "pobj":
        if head.lower_ in LOC_PREPS:
            return True
        if head.lower_ == "of" and head.head.lower_ in PLACE_NOUNS:
            return True
    if root.dep_ in ("appos", "npadvmod") and head.ent_type_ in ("GPE", "LOC", "FAC") and head.i < root.i:
        return True  # "Mombasa, Kenya"
    if root.dep_ == "poss" and head.ent_type_ in ("LOC", "GPE", "FAC") and _is_locative(head.doc[head.i:head.i + 1]):
        return True  # "in Russia's Far East"
    nxt = ent.doc[ent.end:ent.end + 2]
    if len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ == "based":
        return True
    return False


class _Context:
    """What the article says about where it is: countries named, the dateline, US-state cues."""

    def __init__(self, gaz: Gazetteer, ents, text: str, dateline_country: str | None):
        self.countries: set[str] = set()
        self.us_context = 0
        for ent in ents:
            cands = gaz.candidates(ent.text)
            if not cands:
                continue
            top = cands[0]
            if top.feature == "country" and top.country:
                self.countries.add(top.country)
            exact_cities = [c for c in cands if c.feature == "city" and c.exact]
            if exact_cities and max(exact_cities, key=lambda c: c.population).country == "USA" \
                    and exact_cities[0].population >= 100_000 and fold(ent.text) != "washington":
                self.us_context += 1
            if any(c.feature == "state" for c in cands) and top.feature == "state":
                self.us_context += 1
        self.dateline_country = dateline_country
        if dateline_country:
            self.countries.add(dateline_country)
        self.text = text


def _score(rec: GeoRecord, ctx: _Context, near_country: str | None, state_cue: bool) -> float:
    if rec.key.startswith("geo:x:") or rec.feature in ("continent", "country"):
        return 100.0 if rec.exact else 40.0
    if rec.feature == "state":
        return 50.0 + (60.0 if ctx.us_context or state_cue else 0.0)
    score = (10.0 if rec.exact else -5.0) + log_population(rec)
    if rec.population >= 500_000:
        score += 45.0  # a major city beats a same-named US state ("Washington", "New York")
    if rec.country and rec.country in ctx.countries:
        score += 1.5  # context helps, but a 10x larger namesake still wins ("Geneva")
    if near_country and rec.country == near_country:
        score += 100.0
    return score


def _near_country(gaz: Gazetteer, text: str, end: int) -> str | None:
    """The country written right after a city: "Mombasa, Kenya"."""
    m = re.match(r",\s*([A-Z][\w.']+(?: [A-Z][\w.']+){0,3})", text[end:end + 40])
    if not m:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        for rec in gaz.candidates(" ".join(words[:n])):
            if rec.feature in ("country", "state") and rec.country:
                return rec.country
    return None


def resolve(gaz: Gazetteer, name: str, ctx: _Context, near_country: str | None = None,
            state_cue: bool = False) -> GeoRecord | None:
    cands = gaz.candidates(name)
    if not cands:
        return None
    return max(cands, key=lambda r: _score(r, ctx, near_country, state_cue))


def _place(start: int, end: int, text: str, rec: GeoRecord) -> Place:
    return Place(start=start, end=end, text=text, entity=rec.key, name=rec.name, country=rec.country,
                 lat=rec.lat, lon=rec.lon, geonames_id=rec.geonames_id, feature=rec.feature)


def _trim_the(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    m = re.match(r"(?i)the\s+", span)
    if m:
        start += m.end()
    if text[start:end].endswith(("'s", "\u2019s")):
        end -= 2
    return start, end


def resolve_places(ctx: Context) -> list[Place]:
    """Places the article locates things in, resolved to gazetteer records, with their entities."""
    gaz: Gazetteer = ctx.resources.gazetteer
    doc = ctx.doc
    text = doc.text
    metonyms = [(m.start, m.end) for m in ctx.mentions if m.how == "metonym"]
    ents = [e for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
    dl = _dateline(text)
    dl_country = None
    if dl and dl[3]:
        dl_country = _near_country(gaz, text, dl[1])
    pctx = _Context(gaz, ents, text, dl_country)
    out: list[Place] = []
    taken: list[tuple[int, int]] = []
    if dl:
        rec = resolve(gaz, dl[2], pctx, near_country=dl_country)
        if rec is not None:
            out.append(_place(dl[0], dl[1], text[dl[0]:dl[1]], rec))
            taken.append((dl[0], dl[1]))
            if rec.country:
                pctx.countries.add(rec.country)
            if dl[3]:
                r2 = resolve(gaz, text[dl[3][0]:dl[3][1]], pctx)
                if r2 is not None:
                    out.append(_place(dl[3][0], dl[3][1], text[dl[3][0]:dl[3][1]], r2))
                    taken.append(dl[3])
    for ent in ents:
        start, end = _trim_the(text, ent.start_char, ent.end_char)
        if start >= end or any(s < end and start < e for s, e in taken + metonyms):
            continue
        if not _is_locative(ent):
            continue
        name = text[start:end]
        state_cue = bool(re.search(rf"(?i)\bstate of {re.escape(name)}|{re.escape(name)} state\b",
                                   text[max(0, start - 10):end + 8]))
        rec = resolve(gaz, name, pctx, _near_country(gaz, text, end), state_cue)
        if rec is None:
            continue
        out.append(_place(start, end, name, rec))
    for p in out:
        ctx.add_entity(Entity(key=p.entity, name=p.name, type="LOC" if p.feature not in
                              ("city", "country", "state") else "GPE", country=p.country, lat=p.lat,
                              lon=p.lon, geonames_id=p.geonames_id))
    return sorted(out, key=lambda p: p.start)
