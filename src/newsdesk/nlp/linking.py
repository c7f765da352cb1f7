"""In-document state of the actor linker and name linking (registry, in-document antecedents, local entities)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from ..records import Entity
from .context import Context
from .registry import surname_forms
from .names import char_span, fold, honorific_gender, is_span_honorific, name_tokens

# lower number wins when two mentions overlap
PRIORITY = {"registry-PERSON": 0, "ner": 0, "coref": 0, "alias": 0, "pronoun": 0, "title": 1,
            "metonym": 2, "registry": 3, "demonym": 4}


@dataclass
class Found:
    """A linked mention in the making: token bounds for syntax, char bounds for the record."""

    tok_start: int
    tok_end: int
    start: int
    end: int
    text: str
    key: str
    how: str
    kind: str  # PERSON | ORG | GPE | ...
    description: str | None = None

    @property
    def rank(self) -> int:
        if self.kind == "PERSON":
            return 0
        return PRIORITY.get(self.how, 5)


@dataclass
class PersonInfo:
    key: str
    words: list[str]
    gender: str | None = None
    country: str | None = None
    positions: list[int] = field(default_factory=list)  # token starts of its mentions, sorted


class DocState:
    """Everything known so far about the actors of one article."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.reg = ctx.resources.registry
        self.found: list[Found] = []
        self.persons: dict[str, PersonInfo] = {}
        self.by_last: dict[str, list[str]] = {}
        self.by_first: dict[str, list[str]] = {}
        self.countries: set[str] = set()
        self.org_alias: dict[str, str] = {}
        self.sent_of = [0] * len(self.doc)
        self.sent_bounds: list[tuple[int, int]] = []
        for n, sent in enumerate(self.doc.sents):
            self.sent_bounds.append((sent.start, sent.end))
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n

    # -- output -------------------------------------------------------------------------------
    def add(self, tok_start: int, tok_end: int, key: str, how: str, kind: str,
            chars: tuple[int, int, str] | None = None) -> Found:
        start, end, text = chars or char_span(self.doc, tok_start, tok_end)
        f = Found(tok_start, tok_end, start, end, text, key, how, kind)
        self.found.append(f)
        info = self.persons.get(key)
        if info is not None:
            bisect.insort(info.positions, tok_start)
        return f

    def register_actor(self, actor: Any) -> str:
        entity = self.reg.entity(actor)
        key = self.ctx.add_entity(entity)
        if actor.type == "PERSON" and key not in self.persons:
            self._index_person(key, name_tokens(actor.name), country=actor.country)
            for form in surname_forms(actor):  # "Xi" for Xi Jinping, "von der Leyen"
                keys = self.by_last.setdefault(fold(form), [])
                if key not in keys:
                    keys.append(key)
        return key

    def register_local(self, kind: str, name: str, words: list[str] | None = None) -> str:
        key = f"loc:{kind}:{' '.join(words) if words else fold(name)}"
        existing = self.ctx.entities.get(key)
        if existing is None:
            self.ctx.add_entity(Entity(key=key, name=name, type=kind))
        elif len(name) > len(existing.name):
            existing.name = name
        if kind == "PERSON" and key not in self.persons:
            self._index_person(key, words or fold(name).split())
        return key

    def _index_person(self, key: str, words: list[str], country: str | None = None) -> None:
        if not words:
            return
        self.persons[key] = PersonInfo(key=key, words=words, country=country)
        self.by_last.setdefault(words[-1], []).append(key)
        if len(words) > 1:
            self.by_first.setdefault(words[0], []).append(key)

    # -- person names ---------------------------------------------------------------------------
    def link_full_name(self, s: int, e: int) -> Found | None:
        """A name of two words or more: registry, then an earlier variant in the article, then local."""
        name_start = s + 1 if is_span_honorific(self.doc[s]) else s
        surface = char_span(self.doc, name_start, e)[2]
        words = name_tokens(surface)
        actor = self.pick_actor(self.reg.lookup(surface), "PERSON")
        if actor is None and e - name_start > 2:  # "Vladimir Putin Showcase ..." in a title-case headline
            for cut in range(e - 1, name_start + 1, -1):
                actor = self.pick_actor(self.reg.lookup(char_span(self.doc, name_start, cut)[2]), "PERSON")
                if actor is not None:
                    e = cut
                    break
        if actor is not None:
            f = self.add(s, e, self.register_actor(actor), "registry", "PERSON")
        else:
            same = self._variant_of(words)
            if same is not None:
                f = self.add(s, e, same, "coref", "PERSON")
                entity = self.ctx.entities.get(same)
                if entity is not None and same.startswith("loc:") and len(surface) > len(entity.name):
                    entity.name = surface
            else:
                f = self.add(s, e, self.register_local("PERSON", surface, words), "ner", "PERSON")
        self._note_gender(s, f.key)
        return f

    def _variant_of(self, words: list[str]) -> str | None:
        """An earlier local person with the same first and last word (a middle name or initial added)."""
        for key in self.by_last.get(words[-1], []):
            other = self.persons[key].words
            if len(other) > len(words) and other[-len(words):] == words:
                return key  # a compound surname alone: "Fernández Ortiz" after "Lucía Fernández Ortiz"
            if len(other) > 1 and other[0][0] == words[0][0] and (other[0] == words[0] or
                                                                   min(len(other[0]), len(words[0])) == 1):
                return key
        return None

    def pick_actor(self, actors: list[Any], kind: str) -> Any | None:
        """One actor of the wanted type; several are told apart by the article's countries."""
        if not actors:
            return None
        typed = [a for a in actors if a.type == kind] or (actors if len(actors) == 1 else [])
        if len(typed) == 1:
            return typed[0]
        fitting = [a for a in typed if a.country in self.countries]
        return fitting[0] if len(fitting) == 1 else None

    def link_short_name(self, s: int, e: int, labelled: bool) -> Found | None:
        """A bare surname (or "Mr. X"): the article's own person first, then the registry, then local."""
        name_start = s + 1 if is_span_honorific(self.doc[s]) and e - s > 1 else s
        surface = char_span(self.doc, name_start, e)[2]
        words = name_tokens(surface)
        if not words:
            return None
        key = self.antecedent(words[-1], s, honorific=name_start > s)
        how = "coref"
        if key is None:
            actor = self.pick_fitting(self.reg.by_surname(surface) or self.reg.lookup(surface))
            if actor is not None:
                key, how = self.register_actor(actor), "alias"
        if key is None:
            if not labelled:
                return None
            key, how = self.register_local("PERSON", surface, words), "ner"
        f = self.add(s, e, key, how, "PERSON")
        self._note_gender(s, key)
        return f

    def pick_fitting(self, actors: list[Any]) -> Any | None:
        people = [a for a in actors if a.type == "PERSON"]
        fitting = [a for a in people if a.country in self.countries]
        return fitting[0] if len(fitting) == 1 else None

    def antecedent(self, word: str, pos: int, honorific: bool = False) -> str | None:
        """The article's person with this surname mentioned most recently before ``pos`` (else first after)."""
        keys = list(self.by_last.get(word, []))
        if honorific or not keys:
            keys += [k for k in self.by_first.get(word, []) if k not in keys]
        keys = [k for k in keys if len(self.persons[k].words) > 1 or self.persons[k].words == [word]]
        if not keys:
            return None
        if len(keys) == 1:
            return keys[0]
        best, best_pos, tie = None, -1, False
        for k in keys:
            ps = self.persons[k].positions
            i = bisect.bisect_left(ps, pos)
            if i and ps[i - 1] > best_pos:
                best, best_pos, tie = k, ps[i - 1], False
            elif i and ps[i - 1] == best_pos:
                tie = True
        if best is not None and not tie:
            return best
        return None

    def _note_gender(self, s: int, key: str) -> None:
        info = self.persons.get(key)
        g = honorific_gender(self.doc[s]) if is_span_honorific(self.doc[s]) else None
        if info is not None and g and info.gender is None:
            info.gender = g

    def person_country(self, key: str) -> str | None:
        info = self.persons.get(key)
        return info.country if info else None
