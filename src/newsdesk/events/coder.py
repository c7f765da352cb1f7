"""PLOVER event coding for one article: walk the parse, match triggers, attach parties, status, date, place.

``code_events(ctx)`` is a pure function of the Context. Each event names the rule that produced it
(e.g. ``verb:meet>CONSULT/meet``, ``light:hold+talk>CONSULT/meet``) and carries its evidence sentence.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..nlp.context import Context
from ..records import Event, Party, Span
from .constructs import capability, covered, noun_agent, object_owner
from .dating import TimeFinder, event_date
from .groups import GroupFinder
from .locate import LOCATIVE, VISIT_PREPS, PlaceFinder, as_location
from .parties import PartyFinder, _is_dateline, _same
from .plover import Lexicon, load_lexicon
from .rules import Match, match_token, role_children, rule_name, visit_noun
from .factuality import DATE_FROM, status_for, token_factuality
from .finish import apply_dateline, apply_story_place, dedupe, party_factor
from .titles import event_title, with_place

CONTENT_DEPS = {"xcomp", "ccomp", "pcomp", "prep", "pobj"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
INHERIT_SUBJECT = {"xcomp", "conj", "advcl"}
RELATIVE = {"who", "which", "that", "whom"}
MAX_EVENTS_PER_TRIGGER = 4
MUTUAL_TYPES = {"AGREE", "CONSULT", "COOPERATE"}


def code_events(ctx: Context) -> list[Event]:
    """PLOVER events found in the article, in text order."""
    doc = ctx.doc
    if doc is None or not len(doc):
        return []
    lex = load_lexicon()
    parties, places = PartyFinder(ctx, lex.words["local_group_nouns"]), PlaceFinder(ctx)
    finder = _Finders(parties, TimeFinder(ctx), places,
                      GroupFinder(ctx, parties, places, lex.agents, lex.words["quantity_nouns"]))
    events: list[tuple[int, Event]] = []
    for sent_no, sent in enumerate(doc.sents):
        matches = [m for tok in sent if (m := match_token(tok, lex) or visit_noun(tok, lex)) is not None]
        by_verb = {m.verb.i: m for m in matches if not m.rule.startswith("adjunct:")}
        preds = set(by_verb)
        coded: list[tuple[int, Event]] = []
        for m in matches:
            if _is_content_of(m, by_verb, lex):
                continue
            coded.extend((sent_no, e) for e in _code(m, ctx, lex, finder, preds, sent))
        events.extend(dedupe(covered(coded)))
    apply_dateline(ctx, finder.places, events)
    apply_story_place(ctx, finder.places, lex, events)
    for _, e in events:
        e.title = with_place(e.title, e.location)
    return [e for _, e in events]


class _Finders:
    def __init__(self, parties: PartyFinder, times: TimeFinder, places: PlaceFinder, groups: GroupFinder) -> None:
        self.parties, self.times, self.places, self.groups = parties, times, places, groups


def _is_content_of(m: Match, by_verb: dict[int, Match], lex: Lexicon) -> bool:
    """'agreed to boost ties', 'accused X of attacking': the inner action is the content of the outer event."""
    tok = m.verb
    for _ in range(4):
        if tok.dep_ not in CONTENT_DEPS or tok.head is tok:
            return False
        tok = tok.head
        outer = by_verb.get(tok.i)
        if outer is not None and outer.trigger.type in lex.words["content_heads"]:
            return True
    return False


def _subject(verb: Any, acl_actor: bool = False) -> Any | None:
    """The token naming who acts, following shared subjects, passives and relative clauses."""
    tok = prev = verb
    for _ in range(4):
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)
        if passive:
            for c in tok.children:
                if c.dep_ == "agent":
                    return next((g for g in c.children if g.dep_ == "pobj"), None)
            if tok is not verb and prev.dep_ == "xcomp":  # "X is expected to announce": raised, X acts
                return next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            return None  # "was greeted": the inherited subject would be the target, not the actor
        else:
            # two subjects is a misparse around a missed verb ("Both also challengethe U.S. deployment ...
            # held drills"): the leftmost is the clause's real subject
            subjects = sorted((c for c in tok.children if c.dep_ in SUBJECT_DEPS), key=lambda c: c.i)
            if len(subjects) > 1:  # "ANKARA (Wire) - Turkish diplomats sat down": the dateline is no subject
                subjects = [c for c in subjects if not _is_dateline(c)] or subjects
            if subjects:
                c = subjects[0]
                if c.lower_ in RELATIVE and tok.dep_ == "relcl":
                    return tok.head
                return c
        if acl_actor and tok.dep_ == "acl" and tok.tag_ == "VBG":  # "farmers protesting outside parliament"
            return tok.head
        if tok.dep_ in {"acl"}:
            for c in tok.children:
                if c.dep_ == "agent":
                    return next((g for g in c.children if g.dep_ == "pobj"), None)
            return None
        if tok.dep_ not in INHERIT_SUBJECT or tok.head is tok:
            return None
        prev, tok = tok, tok.head
    return None


def _targets(m: Match, ctx: Context, finder: _Finders, actors: list[Party],
             sent: Any) -> tuple[list[Party], Any, list[Any]]:
    """Target parties, a visited place (if any) and the raw target tokens."""
    roles = m.trigger.targets
    toks: list[Any] = []
    for role in roles:
        if role == "pobj":
            if m.particle is not None:
                toks.extend(g for g in m.particle.children if g.dep_ == "pobj")
            continue
        toks.extend(role_children(m.verb, role))
        if m.noun is not None:
            toks.extend(role_children(m.noun, role))
    if m.noun is not None:
        toks = [t for t in toks if t.i != m.noun.i]
    parties: list[Party] = []
    visited = None
    for tok in toks:
        found, _ = finder.parties.resolve(tok)
        if not found:  # "fired tear gas at thousands of farmers"
            group = finder.groups.party(tok, None, sent)
            found = [group] if group is not None else []
        place = finder.places.at_token(tok)
        if place is None and m.trigger.mode == "visit":  # "visit the northeastern city of Harbin"
            place = next((finder.places.at_token(g) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), None)
        if place is not None and m.trigger.mode == "visit":
            visited = place
            if not found and place.country:
                found = [Party(name=place.name, entity=place.entity, country=place.country)]
        for p in found:
            if not any(_same(p, q) for q in parties + actors):
                parties.append(p)
    return parties, visited, toks


def _joint(m: Match, actors: list[Party], targets: list[Party], lex: Lexicon) -> bool:
    if len(actors) >= 2 or targets:
        return True
    words = [m.noun] if m.noun is not None else []
    return any(c.lower_ in lex.words["joint_markers"] or c.lower_ == "jointly"
               for w in words + [m.verb] for c in w.children)


def _code(m: Match, ctx: Context, lex: Lexicon, finder: _Finders, preds: set[int], sent: Any) -> list[Event]:
    # ``sent`` is passed down: Token.sent walks every sentence of the document on each call
    trig, verb = m.trigger, m.verb
    able = capability(verb, trig, lex)
    subj = _subject(able or verb, trig.type in lex.words["acl_subject_types"])
    actors, how = finder.parties.resolve(subj) if subj is not None else ([], "none")
    if actors and subj is not None:  # "Turkish troops", "Iraqi police": the country's forces, with their sector
        sector = finder.groups.sector(finder.groups.head(subj))
        if sector is not None:
            actors = [replace(a, sector=sector[1]) if a.sector is None else a for a in actors]
    if not actors and m.noun is not None:  # "their meeting", "Chinese sanctions"
        for c in m.noun.children:
            if c.dep_ in {"poss", "amod", "compound"}:
                actors, how = finder.parties.resolve(c)
                if actors:
                    break
        if not actors:  # "a strike by dock workers", "the resignation of the minister"
            actors, how = noun_agent(m, finder, lex, sent)
        if not actors:  # "talks between Turkey and Greece"
            for c in (c for c in m.noun.children if c.dep_ == "prep" and c.lower_ == "between"):
                for g in (g for g in c.children if g.dep_ == "pobj"):
                    actors, how = finder.parties.resolve(g)
    if not actors and subj is not None:  # "riot police", "thousands of Spanish farmers": a group actor
        group = finder.groups.party(subj, verb, sent)
        actors, how = ([group], "group") if group is not None else _local_actor(subj, verb, finder, lex)
    if not actors:
        return []
    targets, visited, target_toks = _targets(m, ctx, finder, actors, sent)
    if trig.type in lex.words["attack_types"] and not targets:  # "struck a camp in Pakistan"
        targets = _place_target(target_toks, finder, actors, lex)
    if not targets and _retaliation(verb, lex) and verb.dep_ in {"conj", "advcl"}:
        answered = _subject(verb.head)  # "the US imposed tariffs ..., and Beijing retaliated with duties"
        if answered is not None:
            targets = [p for p in finder.parties.resolve(answered)[0] if not any(_same(p, a) for a in actors)]
    if not targets and etype_of(m) in lex.words["grievance_types"]:
        targets = _grievance_target(m, finder, actors, lex)
    if not targets and trig.mode == "promise":  # "offered to send supplies to Iraq": the promise is to Iraq
        for inner in (c for c in verb.children if c.dep_ == "xcomp"):
            for tok in role_children(inner, "dative") + role_children(inner, "prep:to"):
                targets = [p for p in finder.parties.resolve(tok)[0] if not any(_same(p, a) for a in actors)]
                if targets:
                    break
    if not targets and trig.type in lex.words["object_owner_types"] and m.noun is not None:
        targets = object_owner(m.noun, finder, actors)
    if trig.extra.get("needs_party_object") and not targets:
        return []
    if trig.extra.get("needs_complement") and not targets and len(actors) < 2 and not _has_complement(verb):
        return []  # "Xi agreed, pointing out ...": assent to a remark, no agreement reached
    denied = _negated_parties(subj, finder, lex) + _negated_parties_of(target_toks, finder, lex)
    kept = [a for a in actors if not any(_same(a, d) for d in denied)]
    if kept:  # "ministers from Chile and Peru, but never Bolivia": the others did take part
        actors, denied = kept, [d for d in denied if not any(_same(d, a) for a in kept)]
        targets = [t for t in targets if not any(_same(t, d) for d in denied)]
    if trig.symmetric and m.noun is None and not targets and any(
            t.dep_ == "dobj" and t.lemma_.lower() not in lex.nouns for t in target_toks):
        return []  # "met expectations", "greeted the news" (not "met ..., the first meeting since": an appositive)
    etype, mode, rule, symmetric = trig.type, trig.mode, m.rule, trig.symmetric
    if able is not None:  # "has the capability to strike the United States": a threat
        etype, mode, rule = "THREATEN", "military", m.rule.split(">")[0] + ">THREATEN/military+capability"
    if not symmetric and not targets and len(actors) >= 2 and etype in MUTUAL_TYPES:
        symmetric = True  # "X and Y vowed to ...": one mutual pledge
    if trig.if_joint and m.noun is not None and not targets:  # "took part in Russia's drills"
        for c in m.noun.children:
            if c.dep_ == "poss" and c.pos_ != "PRON":
                owners, _ = finder.parties.resolve(c)
                targets = [o for o in owners if not any(_same(o, a) for a in actors)]
    if trig.if_joint and _joint(m, actors, targets, lex):
        etype, mode = trig.if_joint
        rule = m.rule.split(">")[0] + f">{etype}/{mode}"
        symmetric = True
    if mode == "multilateral" and len(actors) + len(targets) == 2:  # "X and Y held a summit": a bilateral meeting
        mode, symmetric = "meet", True
    if etype == "CONSULT" and not targets:  # "his first trip to China since 2023, when he attended a summit"
        earlier = _previous_visit(verb, finder)
        if earlier is not None and not any(_same(earlier, a) for a in actors):
            targets, mode, symmetric = [earlier], "visit", False
            rule = rule.split(">")[0] + ">CONSULT/visit+previous_visit"
    factuality = token_factuality(verb, lex, m.noun, ctx.quotes)
    status = status_for(factuality)
    if status == "hypothetical" and trig.extra.get("dictionary"):
        return []  # a weak (generated) trigger inside a condition is too thin to report
    date, precision, date_how = event_date(verb, m.noun, status, finder.times, lex, preds, ctx.anchor, sent,
                                           reported=factuality == "reported")
    if date_how == "anchor":  # "fired at farmers protesting ... on Tuesday": the participle's time is the event's
        for part in (t for tok in target_toks for t in tok.subtree if t.dep_ == "acl" and t.tag_ == "VBG"):
            d, p, how = event_date(part, None, status, finder.times, lex, preds, ctx.anchor, sent)
            if how == "time":
                date, precision, date_how = d, p, how
                break
    preds_here = [verb] + ([m.noun] if m.noun is not None else []) + ([verb.head] if verb.dep_ == "conj" else [])
    place = finder.places.attached(preds_here, LOCATIVE, exclude={t.i for t in target_toks}, sent=sent) or visited
    if place is None and mode == "visit":
        place = finder.places.attached(preds_here, VISIT_PREPS, sent=sent)
    if mode == "visit" and not targets and place is not None and place.country \
            and place.country != actors[0].country:  # "arrived in Moscow for a visit"
        targets = [Party(name=place.name, entity=place.entity, country=place.country)]
    words = [t for t in sent if not t.is_space]
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    evidence = [Span(start, end, ctx.doc[words[0].i:words[-1].i + 1].text)]  # Doc.text would rejoin every token
    conf = trig.weight * party_factor(actors[0], how)
    if trig.targets and not targets:
        conf *= 0.9
    if date_how == "anchor":
        conf *= 0.95
    pairs: list[tuple[Party, Party | None, bool]] = []
    reciprocal = any(t.lower_ in {"other", "another"} and any(c.lower_ in {"each", "one"} for c in t.children)
                     for t in target_toks)
    if reciprocal and len(actors) >= 2 and not symmetric:  # "imposed tariffs on each other"
        pairs = [(a, b, False) for a in actors for b in actors if a is not b]
    elif symmetric and targets:  # "the UAE and Bahrain signed agreements with Israel"
        pairs = [(a, t, True) for a in actors for t in targets]
    elif symmetric and len(actors) == 3:  # a trilateral accord is three dyads; larger groups are one gathering
        pairs = [(actors[i], actors[j], True) for i in range(3) for j in range(i + 1, 3)]
    elif symmetric:
        everyone = actors + [t for t in targets if not any(_same(t, a) for a in actors)]
        pairs.append((everyone[0], everyone[1] if len(everyone) > 1 else None, len(everyone) > 1))
    else:
        for a in actors:
            for t in targets or [None]:
                pairs.append((a, t, False))
    out = []
    for a, t, sym in pairs[:MAX_EVENTS_PER_TRIGGER]:
        neg = any(_same(p, q) for p in [a] + ([t] if t else []) for q in denied)
        out.append(Event(type=etype, mode=mode, actor=a, target=t, date=None if neg else date,
                         date_precision=None if neg else precision, location=as_location(place),
                         status="negated" if neg else status, evidence=list(evidence), rule=rule,
                         confidence=round(min(0.99, conf), 3), symmetric=sym,
                         factuality="negated" if neg else factuality, date_from=None if neg else DATE_FROM[date_how],
                         title=event_title(verb, m.noun, m.particle, a, t, sym, "negated" if neg else factuality,
                                           place.name if place is not None else None, target_toks, etype)))
    return out


COMPLEMENT_PREPS = {"on", "to", "upon", "over", "with"}


def _has_complement(verb: Any) -> bool:
    """An agreement object: 'agreed to ...', 'agreed that ...', 'agreed on a deal', 'agreed a plan'."""
    return any(c.dep_ in {"xcomp", "ccomp", "dobj"} or (c.dep_ == "prep" and c.lower_ in COMPLEMENT_PREPS)
               for c in verb.children)


def _negated_parties(head: Any | None, finder: _Finders, lex: Lexicon) -> list[Party]:
    """Conjuncts denied one by one: '... by heads of state from around the world, but never China'."""
    if head is None:
        return []
    out: list[Party] = []
    for tok in head.subtree:
        if (tok is head or tok.dep_ == "conj") and any(
                c.lower_ in lex.words["negators"] and c.dep_ in {"neg", "advmod", "det", "preconj"} for c in tok.children):
            out.extend(finder.parties._resolve_one(tok)[0])
    return out


def _negated_parties_of(toks: list[Any], finder: _Finders, lex: Lexicon) -> list[Party]:
    return [p for tok in toks for p in _negated_parties(tok, finder, lex)]


def etype_of(m: Match) -> str:
    return m.rule.split(">")[1].split("/")[0]


def _grievance_target(m: Match, finder: _Finders, actors: list[Party], lex: Lexicon) -> list[Party]:
    """'a protest over firing by Indian troops', 'complained about Chinese incursions': the party behind
    the act complained of (its agent or owner), inside a topic complement of the event."""
    preps = [c for w in (m.verb, m.noun) if w is not None for c in w.children
             if c.dep_ == "prep" and c.lower_ in lex.words["topic_preps"]]
    for prep in preps:
        for tok in prep.subtree:
            if tok.dep_ in {"poss", "amod", "compound"} or (tok.dep_ == "pobj" and tok.head.lower_ == "by"):
                found, _ = finder.parties.resolve(tok)
                found = [p for p in found if not any(_same(p, a) for a in actors)]
                if found:
                    return found[:1]
    return []


def _retaliation(verb: Any, lex: Lexicon) -> bool:
    lemma = verb.lemma_.lower()
    keys = {lemma} | {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in {"prt", "advmod"}}
    return bool(keys & lex.words["retaliation_verbs"])


LOCAL_PREPS = {"in", "across", "throughout"}


def _local_actor(subj: Any, verb: Any, finder: _Finders, lex: Lexicon) -> tuple[list[Party], str]:
    """'Thousands of nurses went on strike across Nigeria': people named by where they act belong to that
    place's country (the place hangs on the verb, not on the group noun)."""
    group = subj
    if subj.pos_ in {"NOUN", "NUM"} and subj.lemma_.lower() not in lex.words["local_group_nouns"]:
        group = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), subj)  # "thousands of nurses"
    if group.lemma_.lower() not in lex.words["local_group_nouns"]:
        return [], "none"
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in LOCAL_PREPS):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            place = finder.places.at_token(obj)
            if place is not None and place.country:
                return [Party(name=place.name, entity=place.entity, country=place.country)], "owner"
    return [], "none"


def _place_target(toks: list[Any], finder: _Finders, actors: list[Party], lex: Lexicon) -> list[Party]:
    """The country of the place an attack hit: 'a militant camp in Pakistan', 'targets in Beirut's suburbs',
    'rockets at Haifa'. Armed groups ('Kurdish forces in Syria') are a party of their own, not the country."""
    own = {a.country for a in actors}
    for tok in toks:
        if tok.lemma_.lower() in lex.words["armed_group_nouns"]:
            continue
        todo = [(tok, 0)]
        while todo:
            cur, depth = todo.pop(0)
            place = finder.places.at_token(cur)
            if place is not None and place.country and place.country not in own:
                return [Party(name=place.name, entity=place.entity, country=place.country)]
            if depth < 3:
                todo.extend((c, depth + 1) for c in cur.children if c.dep_ in {"pobj", "poss", "prep", "compound"})
    return []


def _previous_visit(verb: Any, finder: _Finders) -> Party | None:
    """The country of 'his first [trip] to X since <time>, when <this event>': an earlier visit to X."""
    tok = verb
    for _ in range(3):
        if tok.dep_ not in {"relcl", "advcl", "acl"} and tok is not verb:
            break
        head = tok.head
        if head.lower_ == "when" and head is not tok:
            head = head.head
        owner = None
        if head.dep_ in {"pobj", "npadvmod"} and head.head.lower_ == "since":
            owner = head.head.head  # the noun or 'first' that 'since' bounds
        elif any(c.dep_ == "prep" and c.lower_ == "since" for c in head.children) \
                and any(c.lower_ == "when" for c in tok.children):
            owner = head  # "his first to China since October 2023, when he attended ..." hung on 'first'
        if owner is not None:
            for prep in (c for c in owner.children if c.dep_ == "prep" and c.lower_ == "to"):
                for obj in (g for g in prep.children if g.dep_ == "pobj"):
                    place = finder.places.at_token(obj)
                    if place is not None and place.country:
                        return Party(name=place.name, entity=place.entity, country=place.country)
                    found, _ = finder.parties.resolve(obj)
                    if found and found[0].country:
                        return Party(name=found[0].name, entity=found[0].entity, country=found[0].country)
            return None
        tok = head
    return None


__all__ = ["code_events", "rule_name"]
