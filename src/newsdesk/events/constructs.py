"""Constructions that carry an event or its parties without the plain subject-verb-object frame:
capabilities ('has the capability to strike X'), the owner of a measure's object ('restricted imports of
Guyanese rice'), the agent of an event noun ('a strike by dock workers'), and weak duplicates."""
from __future__ import annotations

from typing import Any

from ..records import Event, Party
from .parties import _same
from .plover import Lexicon
from .rules import Match


def capability(verb: Any, trig: Any, lex: Lexicon) -> Any | None:
    """The verb of 'X has/gained the capability to <attack>' (an attack stated as a capability), else None."""
    if trig.type not in lex.words["attack_types"] or verb.dep_ not in {"acl", "xcomp", "relcl"}:
        return None
    noun = verb.head
    if noun.lemma_.lower() in lex.words["capability_nouns"] and noun.head.pos_ in {"VERB", "AUX"}:
        return noun.head
    return None


def object_owner(noun: Any, finder: Any, actors: list[Party]) -> list[Party]:
    """'restricted imports of Guyanese rice', 'banned Japanese chips': the country the object belongs to."""
    for tok in noun.subtree:
        if tok is not noun and tok.dep_ in {"amod", "compound", "poss", "pobj"}:
            found = [p for p in finder.parties.resolve(tok)[0] if p.country and not any(_same(p, a) for a in actors)]
            if found and finder.parties.etype(found[0]) in {"GPE", "NORP"}:
                return found[:1]
    return []


def noun_agent(m: Match, finder: Any, lex: Lexicon, sent: Any) -> tuple[list[Party], str]:
    """Who acts in an event noun: its 'by' agent, or its 'of' complement where the type is done by the
    party itself (resignations, withdrawals, strikes)."""
    for prep in (c for c in m.noun.children if c.dep_ == "prep"):
        if prep.lower_ != "by" and not (prep.lower_ == "of" and m.trigger.type in lex.words["of_actor_types"]):
            continue
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            found, how = finder.parties.resolve(obj)
            if found:
                return found, how
            group = finder.groups.party(obj, None, sent)
            if group is not None:
                return [group], "group"
    return [], "none"


def covered(coded: list[tuple[int, Event]]) -> list[tuple[int, Event]]:
    """A dictionary-pattern or bare-noun event with no target adds nothing beside a verb-rule event of the
    same actor in the sentence ('met X to discuss ...', 'withdrew ..., ending a war', 'a drone strike killed')."""
    weak = ("cameo", "nominal")
    hand = {(e.actor.country, e.actor.name) for _, e in coded if not e.rule.startswith(weak)}
    return [(n, e) for n, e in coded if not (e.rule.startswith(weak) and e.target is None
                                            and (e.actor.country, e.actor.name) in hand)]
