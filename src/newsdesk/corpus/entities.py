"""Cross-document person resolution: one entity for one person however the articles spell the name.

Article-local people ("loc:PERSON:...") are linked to each other and to registry people when their
names are variants: a middle name or initial added, accents, a transliteration ("Dimitri"/"Dmitry"),
a one-letter slip in the surname ("Gabuev"/"Gaubuev"). Different first names keep people apart.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from ..nlp.names import fold
from ..store.entities import EntityQueries
from .groups import DisjointSet

FIRST_NAME_MIN = 75.0  # rapidfuzz ratio for transliterated given names (dimitri/dmitry = 77)
SURNAME_MAX_EDITS = 1  # one slip in a surname of six letters or more


def _queries(store: Any) -> EntityQueries:
    if isinstance(store, EntityQueries):
        return store
    q = EntityQueries()
    q.engine = store.engine
    return q


def _words(name: str) -> list[str]:
    return [w for w in fold(name).split() if w]


def _skeleton(name: str) -> str:
    """Consonants of a romanised given name, so that transliterations meet ("dmitry"/"dimitri" -> "dmtr")."""
    name = name.replace("ks", "x").replace("ph", "f")
    return name[0] + "".join(c for c in name[1:] if c not in "aeiouy")


def _given_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    if a[:-1] == b[:-1] and a[-1] in "aeio" and b[-1] in "aeio":
        return False  # "Maria"/"Mario", "Daniela"/"Daniele": different people
    return _skeleton(a) == _skeleton(b) and ratio(a, b) >= FIRST_NAME_MIN


def _surname_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if a + "a" == b or b + "a" == a:
        return False  # "Petrov"/"Petrova": gendered forms of one family name, often two people
    return (min(len(a), len(b)) >= 6 and a[0] == b[0]
            and Levenshtein.distance(a, b) <= SURNAME_MAX_EDITS)


def same_person(a: list[str], b: list[str]) -> bool:
    """Two full names (folded words) that are one person written two ways."""
    if len(a) < 2 or len(b) < 2:
        return False
    if not _surname_match(a[-1], b[-1]) or not _given_match(a[0], b[0]):
        return False
    if a[-1] != b[-1] and a[0] != b[0]:
        return False  # one difference at a time: a slip in the surname or a variant given name
    mid_a, mid_b = a[1:-1], b[1:-1]
    return not (mid_a and mid_b and mid_a[0][0] != mid_b[0][0])


def _block(words: list[str]) -> str:
    return words[-1][0] + words[0][0]


def _registry_names(registry: Any) -> dict[str, list[list[str]]]:
    """Registry person keys -> their names and aliases as folded words."""
    out: dict[str, list[list[str]]] = {}
    for actor in getattr(registry, "actors", {}).values():
        if actor.type == "PERSON":
            out[actor.key] = [_words(n) for n in (actor.name, *actor.aliases)]
    return out


def resolve_entities(store: Any, registry: Any | None = None) -> int:
    """Write ``entity_links`` for local PERSON entities that name a known person; returns links written."""
    if registry is None:
        from ..nlp.registry import load_registry
        registry = load_registry()
    q = _queries(store)
    people = q.person_entities()
    local = [p for p in people if p["key"].startswith("loc:PERSON:")]
    known = _registry_names(registry)
    for p in people:
        if not p["key"].startswith("loc:") and p["key"] not in known:
            known[p["key"]] = [_words(p["name"])]
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key, names in known.items():
        for words in names:
            if len(words) > 1:
                by_surname[_block(words)].append(key)
    sets: DisjointSet[str] = DisjointSet(p["key"] for p in local)
    find = sets.find
    weight = {p["key"]: p["articles"] for p in local}

    # local people: block on the initials of surname and given name, then compare pairs in the block
    blocks: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for p in local:
        words = _words(p["name"])
        if len(words) > 1:
            blocks[_block(words)].append((p["key"], words))
    for members in blocks.values():
        for i, (ka, wa) in enumerate(members):
            for kb, wb in members[i + 1:]:
                if same_person(wa, wb):
                    sets.union(ka, kb)
    # local people -> registry people with a matching name variant (only one may match)
    to_registry: dict[str, str] = {}
    for p in local:
        words = _words(p["name"])
        if len(words) < 2:
            continue
        hits = {key for key in by_surname.get(_block(words), [])
                if any(same_person(words, names) for names in known[key])}
        if len(hits) == 1:
            root = find(p["key"])
            target = hits.pop()
            if to_registry.get(root, target) != target:
                to_registry[root] = ""  # the group matches two registry people: leave it alone
            else:
                to_registry[root] = target
    links: dict[str, str] = {}
    groups: dict[str, list[str]] = defaultdict(list)
    for k in sets.parent:
        groups[find(k)].append(k)
    for root, members in groups.items():
        target = to_registry.get(root) or max(members, key=lambda k: (weight.get(k, 0), len(k), k))
        for k in members:
            if k != target:
                links[k] = target
    return q.replace_entity_links(links, scope=set(sets.parent))


def canonical(store: Any, key: str) -> str:
    """The entity a key stands for after cross-document resolution (the key itself if unlinked)."""
    links = _queries(store).entity_link_map()
    seen = {key}
    while key in links and links[key] not in seen:
        key = links[key]
        seen.add(key)
    return key
