"""The PLOVER ontology and the trigger lexicon, loaded from events/data/*.json once per process."""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Trigger:
    """What a lexicon entry says about an event word."""

    type: str
    mode: str | None
    weight: float
    targets: tuple[str, ...] = ()
    symmetric: bool = False
    if_joint: tuple[str, str] | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Lexicon:
    verbs: dict[str, Trigger]
    phrasal: dict[str, Trigger]
    nouns: dict[str, Trigger]
    verb_noun: dict[str, Trigger]
    light_verbs: frozenset[str]
    light_verb_roles: tuple[str, ...]
    object_classes: dict[str, frozenset[str]]
    words: dict[str, frozenset[str]]  # the plain word lists (joint_markers, negators, ...)
    # generated from the CAMEO dictionary, consulted after the hand entries above
    dict_phrasal: dict[str, Trigger] = field(default_factory=dict)  # 'crack down', 'pull out'
    dict_verb_noun: dict[str, Trigger] = field(default_factory=dict)  # 'hurl rocket'
    verb_prep_noun: dict[str, Trigger] = field(default_factory=dict)  # 'call for sanctions' 
    agents: dict[str, str] = field(default_factory=dict)  # sector nouns -> sector code (Phoenix agents)


@functools.lru_cache(maxsize=1)
def load_ontology() -> dict[str, dict[str, Any]]:
    """PLOVER type -> {description, modes{mode: description}}."""
    return json.loads((DATA / "plover.json").read_text(encoding="utf-8"))["types"]


def _trigger(entry: dict[str, Any], default_targets: list[str]) -> Trigger:
    joint = entry.get("if_joint")
    known = {"type", "mode", "weight", "targets", "symmetric", "if_joint"}
    return Trigger(type=entry["type"], mode=entry.get("mode"), weight=float(entry.get("weight", 0.5)),
                   targets=tuple(entry.get("targets", default_targets)), symmetric=bool(entry.get("symmetric")),
                   if_joint=(joint["type"], joint["mode"]) if joint else None,
                   extra={k: v for k, v in entry.items() if k not in known})


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The trigger lexicon (verbs, phrasal verbs, event nouns, verb+noun overrides, word lists)."""
    raw = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))
    default = raw.get("default_targets", [])
    # verb_noun overrides inherit the noun's targets
    nouns = {k: _trigger(v, default) for k, v in raw["nouns"].items()}
    verb_noun = {}
    for key, entry in raw["verb_noun"].items():
        noun = key.split()[-1]
        base = raw["nouns"].get(noun, {})
        verb_noun[key] = _trigger({"targets": base.get("targets", default), **entry}, default)
    lists = ("joint_markers", "content_heads", "planned_governors", "hypothetical_governors", "hypothetical_modals",
             "planned_modals", "negators", "negating_governors", "history_cues", "history_preps", "reporting_verbs",
             "local_group_nouns", "not_event_time_preps", "simultaneous_marks", "attack_types", "armed_group_nouns", "event_subject_verbs",
             "topic_preps", "partitive_nouns", "retaliation_verbs",
             "grievance_types", "quantity_nouns", "acl_subject_types", "of_actor_types", "not_nominal_nouns",
             "capability_nouns", "object_owner_types")
    lex = Lexicon(
        verbs={k: _trigger(v, default) for k, v in raw["verbs"].items()},
        phrasal={k: _trigger(v, default) for k, v in raw["phrasal"].items()},
        nouns=nouns, verb_noun=verb_noun,
        light_verbs=frozenset(raw["light_verbs"]), light_verb_roles=tuple(raw["light_verb_roles"]),
        object_classes={k: frozenset(v) for k, v in raw["object_classes"].items()},
        words={k: frozenset(raw.get(k, [])) for k in lists},
    )
    _add_dictionaries(lex, raw, default)
    return lex


def _add_dictionaries(lex: Lexicon, raw: dict[str, Any], default: list[str]) -> None:
    """Widen the hand lexicon with the generated CAMEO patterns and Phoenix agents (hand entries win).

    Generated triggers carry a lower weight and their CAMEO code (``extra['cameo']``); ``dictionary``
    settings in lexicon.json say which CAMEO verbs code on their own and which patterns are left out."""
    conf = raw.get("dictionary", {})
    path = DATA / "cameo_patterns.json"
    if path.exists():
        pats = json.loads(path.read_text(encoding="utf-8"))
        weight = float(conf.get("weight", 0.45))
        bare = set(conf.get("bare_verbs", []))
        skip = set(conf.get("skip_pattern_verbs", []))
        skip_nouns = set(conf.get("skip_nouns", []))

        skip_types = set(conf.get("skip_types", []))
        pats = {k: ({w: e for w, e in v.items() if e["type"] not in skip_types} if isinstance(v, dict) else v)
                for k, v in pats.items()}

        def trig(entry: dict[str, Any], targets: list[str] | None = None) -> Trigger:
            return _trigger({"type": entry["type"], "mode": entry.get("mode"), "weight": weight,
                             "targets": targets or default, "cameo": entry.get("cameo"), "dictionary": True}, default)

        for lemma, entry in pats["verbs"].items():
            if lemma in bare:
                lex.verbs.setdefault(lemma, trig(entry))
        lex.dict_phrasal = {k: trig(v) for k, v in pats.get("phrasal", {}).items()
                            if k.split()[0] not in skip and k not in lex.phrasal}
        for noun, entry in pats["nouns"].items():
            # a nominalisation stands only where its verb codes on its own ('depart' -> 'department' does not)
            if noun not in skip_nouns and entry.get("from_verb", next(iter(bare), "")) in bare:
                lex.nouns.setdefault(noun, trig(entry))
        for key, entry in pats["objects"].items():
            base = lex.nouns.get(key.split()[-1])
            if key.split()[0] not in skip and key not in lex.verb_noun:
                lex.dict_verb_noun[key] = trig(entry, list(base.targets) if base else None)
        lex.verb_prep_noun = {k: trig(v) for k, v in pats["preps"].items() if k.split()[0] not in skip}
    agents = DATA / "agents.json"
    if agents.exists():
        lex.agents = json.loads(agents.read_text(encoding="utf-8"))["agents"]


def validate() -> list[str]:
    """Problems in the data: every trigger must name a defined PLOVER type and one of its modes."""
    onto = load_ontology()
    lex = load_lexicon()
    problems = []
    groups = {"verbs": lex.verbs, "phrasal": lex.phrasal, "nouns": lex.nouns, "verb_noun": lex.verb_noun}
    for group, table in groups.items():
        for word, trig in table.items():
            pairs = [(trig.type, trig.mode)] + ([trig.if_joint] if trig.if_joint else [])
            for etype, mode in pairs:
                if etype not in onto:
                    problems.append(f"{group}:{word}: unknown type {etype}")
                elif mode is not None and mode not in onto[etype]["modes"]:
                    problems.append(f"{group}:{word}: unknown mode {etype}/{mode}")
            cls = trig.extra.get("needs_object_class")
            if cls and cls not in lex.object_classes:
                problems.append(f"{group}:{word}: unknown object class {cls}")
    return problems
