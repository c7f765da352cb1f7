"""Match parse tokens against the trigger lexicon: which word evokes which PLOVER event."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .plover import Lexicon, Trigger

GLUE_WORDS = ("in", "on", "at", "of", "and", "the", "to", "with")  # words scraping glued onto a noun


@dataclass
class Match:
    trigger: Trigger
    rule: str  # e.g. "verb:meet>CONSULT/meet", "light:hold+talk>CONSULT/meet"
    verb: Any  # the predicate token: subject, tense, negation and dates hang on it
    noun: Any | None = None  # the event noun for light-verb and noun rules
    particle: Any | None = None  # the prep of a phrasal verb ("call on")


def rule_name(kind: str, words: str, trig: Trigger, etype: str | None = None, mode: str | None = None) -> str:
    t = etype or trig.type
    m = mode if etype else trig.mode
    return f"{kind}:{words}>{t}" + (f"/{m}" if m else "")


def noun_lemma(tok: Any, lex: Lexicon) -> str | None:
    """The event-noun lemma for ``tok``, tolerating a function word glued on by scraping ('exercisein')."""
    lemma = tok.lemma_.lower()
    if lemma in lex.nouns:
        return lemma
    low = tok.lower_
    if tok.is_oov and tok.pos_ in {"NOUN", "PROPN", "VERB"}:
        for glue in GLUE_WORDS:
            stem = low[: -len(glue)]
            if low.endswith(glue) and len(stem) > 3:
                for cand in (stem, stem[:-1] if stem.endswith("s") else stem):
                    if cand in lex.nouns:
                        return cand
    return None


def noun_ok(tok: Any, lemma: str, trig: Trigger) -> bool:
    """Constraints an event noun carries (plural only, needs a modifier such as 'joint' or 'air')."""
    if trig.extra.get("plural_only") and tok.tag_ not in {"NNS", "NNPS"} and not tok.lower_.endswith("s"):
        return False
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in {"amod", "compound", "nmod"}}
    mods |= {c.lower_ for c in tok.children if c.dep_ in {"amod", "compound", "nmod"}}
    need = trig.extra.get("needs_modifier")
    if need and not mods & set(need):
        return False
    need_or_plural = trig.extra.get("needs_modifier_or_plural")
    if need_or_plural and not (mods & set(need_or_plural)) and tok.tag_ not in {"NNS", "NNPS"}:
        return False
    return True


def role_children(verb: Any, role: str) -> list[Any]:
    """Tokens filling a dependency role: 'dobj', 'dative', 'pobj' (of a particle prep) or 'prep:<word>'."""
    out = []
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    for c in verb.children:
        if role == "dobj" and (c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass")):
            out.append(c)
        elif role == "dative" and c.dep_ == "dative":
            out.append(c)
        elif role.startswith("prep:") and c.dep_ in {"prep", "dative", "agent"} and c.lower_ == role[5:]:
            out.extend(g for g in c.children if g.dep_ == "pobj")
        elif role == "attr" and c.dep_ == "attr":
            out.append(c)
    return out


def _object_class_ok(verb: Any, trig: Trigger, lex: Lexicon) -> bool:
    cls = trig.extra.get("needs_object_class")
    if not cls:
        return True
    words = lex.object_classes[cls]
    objs = role_children(verb, "dobj")
    if verb.dep_ in {"acl", "relcl"}:
        objs.append(verb.head)  # "the bloc founded by ..."
    return any(o.lemma_.lower() in words or any(c.lemma_.lower() in words for c in o.conjuncts) for o in objs)


def _class_pair(lemma: str, noun: str, lex: Lexicon) -> Trigger | None:
    """A '<verb> @<class>' entry: 'supply tanks', 'deliver drones' (any noun of the class)."""
    for cls, words in lex.object_classes.items():
        if noun in words:
            trig = lex.verb_noun.get(f"{lemma} @{cls}")
            if trig is not None:
                return trig
    return None


def visit_noun(tok: Any, lex: Lexicon) -> Match | None:
    """'during his state visit to Hanoi': a visit noun in a time adjunct of a clause took place with it."""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ not in {"during", "on"}:
        return None
    trig = lex.nouns.get(tok.lemma_.lower())
    verb = tok.head.head
    if trig is None or trig.mode != "visit" or verb.pos_ not in {"VERB", "AUX"} or tok.head.dep_ != "prep":
        return None
    if not any(c.dep_ == "poss" for c in tok.children):  # "on a visit" without an owner is too loose
        return None
    return Match(trig, rule_name("adjunct", f"{tok.head.lower_}+{tok.lemma_.lower()}", trig), verb, noun=tok)


def match_token(tok: Any, lex: Lexicon) -> Match | None:
    """The event a token evokes, if any. Verbs first (phrasal, verb+noun, light+noun, plain)."""
    if tok.pos_ not in {"VERB", "NOUN", "PROPN"} and not (tok.pos_ == "ADJ" and tok.lemma_ == "due"):
        return None
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        return _match_verb(tok, verb_lemma(tok, lemma, lex), lex)
    if tok.pos_ == "NOUN":
        return _subject_noun(tok, lex) or _nominal(tok, lex)
    return None


NOMINAL_DEPS = {"nsubj", "nsubjpass", "ROOT", "attr", "appos"}  # the clause is about the event: subjects, headlines


def _nominal(tok: Any, lex: Lexicon) -> Match | None:
    """An event carried by a noun with its own actor: 'a strike by dock workers', 'the resignation of X',
    'Chinese sanctions', 'Iran's offensive'. Nouns that are objects of a verb are the verb rules' business."""
    if tok.dep_ not in NOMINAL_DEPS:  # 'in response to the visit by X' is a mention, not a report
        return None
    if tok.dep_ == "nsubjpass" and (tok.head.lemma_.lower() in lex.light_verbs or verb_lemma(tok.head, tok.head.lemma_.lower(), lex) in lex.light_verbs):
        return None  # 'sanctions were imposed': the light-verb rule's
    lemma = noun_lemma(tok, lex)
    trig = lex.nouns.get(lemma) if lemma else None
    if trig is None or not noun_ok(tok, lemma, trig) or lemma in lex.words["not_nominal_nouns"]:
        return None
    if any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in tok.children):
        return None  # 'a trade war', 'a price war': a kind named by a noun is no armed or political act
    own = [c for c in tok.children if (c.dep_ == "poss" and c.pos_ != "PRON")
           or (c.dep_ == "prep" and (c.lower_ == "by" or (c.lower_ == "of" and trig.type in lex.words["of_actor_types"])))]
    if not own and not any(c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE", "ORG"} for c in tok.children):
        return None
    kind = "cameo_nominal" if trig.extra.get("dictionary") else "nominal"
    return Match(trig, rule_name(kind, lemma, trig), tok, noun=tok)


def _subject_noun(tok: Any, lex: Lexicon) -> Match | None:
    """'Talks between X and Y ended on Tuesday', 'the meeting took place in Ankara': a meeting noun as the
    subject of a verb that says it happened. Only meetings: "the ceasefire ended" is not
    a ceasefire."""
    verb = tok.head
    if tok.dep_ not in {"nsubj", "nsubjpass"} or verb.pos_ != "VERB":
        return None
    lemma = noun_lemma(tok, lex)
    trig = lex.nouns.get(lemma) if lemma else None
    if trig is None or trig.type != "CONSULT" or not trig.symmetric or not noun_ok(tok, lemma, trig):
        return None
    vl = verb.lemma_.lower()
    keys = {vl} | {f"{vl} {c.lower_}" for c in verb.children if c.dep_ in {"prt", "dobj", "prep", "advmod"}}
    hit = next((k for k in sorted(keys) if k in lex.words["event_subject_verbs"]), None)
    if hit is None:
        return None
    return Match(trig, rule_name("subject", f"{lemma}+{hit.replace(' ', '_')}", trig), verb, noun=tok)


def partitive_head(tok: Any, lex: Lexicon) -> Any:
    """'a new round of talks', 'a package of sanctions': the event noun under 'of', else ``tok``."""
    if tok.lemma_.lower() not in lex.words["partitive_nouns"]:
        return tok
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            return obj
    return tok


def verb_lemma(tok: Any, lemma: str, lex: Lexicon) -> str:
    """The parser's lemma, or a regular one from the word form when the parser's is no verb we know
    ('staged' lemmatised as 'stag')."""
    if lemma in lex.verbs or lemma in lex.light_verbs:
        return lemma
    low = tok.lower_
    cands = []
    if low.endswith("ed"):
        cands = [low[:-1], low[:-2], low[:-3] if low[-3:-2] == low[-4:-3] else low[:-2]]
    elif low.endswith("ing"):
        cands = [low[:-3] + "e", low[:-3]] + ([low[:-4]] if low[-4:-3] == low[-5:-4] else [])
    elif low.endswith("s"):
        cands = [low[:-1], low[:-2]]
    return next((c for c in cands if c in lex.verbs or c in lex.light_verbs), lemma)


def _match_verb(tok: Any, lemma: str, lex: Lexicon) -> Match | None:
    # phrasal verbs: a particle or a bare preposition right after the verb
    for c in tok.children:
        if c.dep_ in {"prt", "prep"} and c.i > tok.i:
            key = f"{lemma} {c.lower_}"
            if key in lex.phrasal:
                trig = lex.phrasal[key]
                if _object_class_ok(tok, trig, lex):
                    return Match(trig, rule_name("phrasal", key.replace(" ", "_"), trig), tok, particle=c)
    # verb + event noun as object ("lift sanctions", "hold talks", "preside over an exercise")
    has_prt = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    light_key = lemma if lemma in lex.light_verbs else next(
        (f"{lemma} {p}" for p in has_prt if f"{lemma} {p}" in lex.light_verbs), None)
    for role in lex.light_verb_roles:
        for obj in role_children(tok, role):
            for cand in [partitive_head(obj, lex), *obj.conjuncts]:
                nl = noun_lemma(cand, lex) or cand.lemma_.lower()
                vn = lex.verb_noun.get(f"{lemma} {nl}") or _class_pair(lemma, nl, lex)
                if vn is not None:
                    return Match(vn, rule_name("verb_noun", f"{lemma}+{nl}", vn), tok, noun=cand)
                trig = lex.nouns.get(nl)
                if trig is not None and light_key and noun_ok(cand, nl, trig):
                    kind = "cameo_light" if trig.extra.get("dictionary") else "light"
                    return Match(trig, rule_name(kind, f"{light_key.replace(' ', '_')}+{nl}", trig), tok, noun=cand)
    trig = lex.verbs.get(lemma)
    if trig is not None and not trig.extra.get("dictionary"):
        return _plain_verb(tok, lemma, trig, lex)
    return _dictionary_verb(tok, lemma, lex) or (_plain_verb(tok, lemma, trig, lex) if trig else None)


def _plain_verb(tok: Any, lemma: str, trig: Any, lex: Lexicon) -> Match | None:
    if not _object_class_ok(tok, trig, lex):
        return None
    if trig.extra.get("needs_no_object") and role_children(tok, "dobj"):
        return None
    if trig.extra.get("needs_xcomp") and not any(c.dep_ == "xcomp" for c in tok.children):
        return None  # "declined to send" is a refusal, "exports declined" is not
    return Match(trig, rule_name("cameo_verb" if trig.extra.get("dictionary") else "verb", lemma, trig), tok)


def _dictionary_verb(tok: Any, lemma: str, lex: Lexicon) -> Match | None:
    """The CAMEO patterns (after the hand entries): 'call for sanctions', 'hurl rockets', 'crack down'."""
    for c in tok.children:
        if c.dep_ == "prep" and c.i > tok.i:
            for obj in (g for g in c.children if g.dep_ == "pobj"):
                key = f"{lemma} {c.lower_} {partitive_head(obj, lex).lemma_.lower()}"
                trig = lex.verb_prep_noun.get(key)
                if trig is not None:
                    return Match(trig, rule_name("cameo_prep", key.replace(" ", "_"), trig), tok, noun=obj)
    for role in ("dobj",):
        for obj in role_children(tok, role):
            cand = partitive_head(obj, lex)
            key = f"{lemma} {cand.lemma_.lower()}"
            trig = lex.dict_verb_noun.get(key)
            if trig is not None:
                return Match(trig, rule_name("cameo_obj", key.replace(" ", "+"), trig), tok, noun=cand)
    for c in tok.children:
        if c.dep_ in {"prt", "prep"} and c.i > tok.i:
            key = f"{lemma} {c.lower_}"
            trig = lex.dict_phrasal.get(key)
            if trig is not None:
                return Match(trig, rule_name("cameo_phrasal", key.replace(" ", "_"), trig), tok, particle=c)
    return None
