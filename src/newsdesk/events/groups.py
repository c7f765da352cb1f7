"""Sector and group actors: 'riot police', 'thousands of farmers', 'Spanish students', 'dock workers'.

A group noun (Phoenix agents: police -> COP, students -> EDU ...) is a party of its own, with a sector
code and the country it belongs to: from a demonym or owner on the noun ('Kenyan police', 'Kenya's
police'), else the place where it acts ('in Nairobi'), else a place named in its sentence, else the
article's main country (the one it names most, the dateline city counting once).
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from ..nlp.context import Context
from ..records import Party
from .locate import PlaceFinder

OWNER_DEPS = {"amod", "compound", "poss", "nmod"}
OWNER_PREPS = {"of", "from"}
ACT_PREPS = {"in", "across", "throughout", "outside", "at", "near", "inside", "on"}


class GroupFinder:
    """Group actors of one document (the article's main country is counted once)."""

    def __init__(self, ctx: Context, parties: Any, places: PlaceFinder, agents: dict[str, str],
                 quantity_nouns: frozenset[str]) -> None:
        self.ctx, self.parties, self.places, self.agents = ctx, parties, places, agents
        self.quantity_nouns = quantity_nouns
        self._main: str | None | bool = False  # computed on first use

    def head(self, tok: Any) -> Any:
        """'thousands of farmers', 'a group of students': the group under a quantity word."""
        if tok.lemma_.lower() in self.quantity_nouns or tok.pos_ == "NUM":
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
                for obj in (g for g in prep.children if g.dep_ == "pobj"):
                    return obj
        return tok

    def sector(self, tok: Any) -> tuple[str, str] | None:
        """(surface name, sector code) when ``tok`` heads a group noun ('riot police' -> COP)."""
        if tok.pos_ not in {"NOUN", "PROPN"} or tok.ent_type_ in {"PERSON", "GPE", "ORG"}:
            return None
        lemma = tok.lemma_.lower()
        mods = [c for c in tok.children if c.dep_ in {"compound", "amod"} and c.i == tok.i - 1]
        if mods:
            two = f"{mods[0].lower_} {lemma}"
            if two in self.agents:
                return f"{mods[0].text} {tok.text}", self.agents[two]
        code = self.agents.get(lemma) or self.agents.get(tok.lower_)
        return (tok.text, code) if code else None

    def party(self, tok: Any, verb: Any | None, sent: Any) -> Party | None:
        """The group party headed by ``tok`` acting through ``verb`` in ``sent``, or None."""
        head = self.head(tok)
        found = self.sector(head)
        if found is None:
            return None
        name, code = found
        country = self._owner_country(head) or self._acting_place(verb) or self._sentence_place(sent) \
            or self.main_country()
        if country is None:  # "Officials criticised the plan" with nothing to say whose: no party
            return None
        return Party(name=name, entity=None, country=country, sector=code)

    def _owner_country(self, head: Any) -> str | None:
        for c in head.children:
            if c.dep_ in OWNER_DEPS and c.i < head.i:
                found, _ = self.parties.resolve(c)
                if found and found[0].country:
                    return found[0].country
            if c.dep_ == "prep" and c.lower_ in OWNER_PREPS:
                for g in (g for g in c.children if g.dep_ == "pobj"):
                    place = self.places.at_token(g)
                    if place is not None and place.country:
                        return place.country
                    found, _ = self.parties.resolve(g)
                    if found and found[0].country and self.parties.etype(found[0]) in {"GPE", "NORP"}:
                        return found[0].country
        return None

    def _acting_place(self, verb: Any | None) -> str | None:
        if verb is None:
            return None
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ACT_PREPS):
            for obj in prep.subtree:
                place = self.places.at_token(obj)
                if place is not None and place.country:
                    return place.country
        return None

    def _sentence_place(self, sent: Any) -> str | None:
        for place, root in self.places.items:
            if sent.start <= root.i < sent.end and place.country:
                return place.country
        return None

    def _dateline_country(self) -> str | None:
        name = self.ctx.meta.dateline
        place = self.places.by_name.get(name.lower()) if name else None
        return place.country if place is not None else None

    def main_country(self) -> str | None:
        """The country the article names most (places and country-level mentions), if one leads."""
        if self._main is False:
            counts: Counter[str] = Counter(p.country for p, _ in self.places.items if p.country)
            dateline = self._dateline_country()
            if dateline:  # the dateline is one more vote, not the answer: reporters file from abroad
                counts[dateline] += 1
            for m in self.ctx.mentions:
                ent = self.ctx.entities.get(m.entity)
                if ent is not None and ent.country and ent.type in {"GPE", "NORP"}:
                    counts[ent.country] += 1
            top = counts.most_common(2)
            self._main = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None
        return self._main or None
