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


def name_keys(name: str) -> list[str]:
    """Blocking keys of a full name: its surname and, for surnames :func:`same_person` may forgive one
    slip in, each one-letter deletion (two names one edit apart share a key)."""
    words = _words(name)
    if len(words) < 2:
        return []
    sur = words[-1]
    keys = {sur}
    if len(sur) >= 6:
        keys |= {sur[:i] + sur[i + 1:] for i in range(len(sur))}
    return sorted(keys)


_REGISTRY_INDEX: dict[int, tuple[Any, dict[str, set[str]]]] = {}


def _registry_index(registry: Any) -> dict[str, set[str]]:
    """Name key -> registry person keys (built once per registry object)."""
    hit = _REGISTRY_INDEX.get(id(registry))
    if hit is not None and hit[0] is registry:
        return hit[1]
    index: dict[str, set[str]] = defaultdict(set)
    for actor in getattr(registry, "actors", {}).values():
        if actor.type == "PERSON":
            for n in (actor.name, *actor.aliases):
                for k in name_keys(n):
                    index[k].add(actor.key)
    _REGISTRY_INDEX.clear()
    _REGISTRY_INDEX[id(registry)] = (registry, index)
    return index


def resolve_entities(store: Any, registry: Any | None = None, new_ids: Any = None) -> int:
    """Write ``entity_links`` for local PERSON entities that name a known person; returns links written.

    With ``new_ids`` only the people of these articles and their neighbourhood (people sharing a name
    key, and the groups those are linked into) are resolved again; otherwise every PERSON is.
    """
    if registry is None:
        from ..nlp.registry import load_registry
        registry = load_registry()
    q = _queries(store)
    fresh: set[str] | None = None  # incremental: only pairs with a person of the new articles are compared
    existing: dict[str, str] = {}
    if new_ids is None:
        people = q.person_entities()
    else:
        people, fresh, existing = _neighbourhood(store, registry, sorted(set(new_ids)))
        if not people:
            return 0
    local = [p for p in people if p["key"].startswith("loc:PERSON:")]
    known = _registry_names(registry) if new_ids is None else _registry_subset(registry, people)
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
    for key, target in existing.items():  # groups found before stay together (their pairs were compared then)
        if key in sets.parent and target in sets.parent:
            sets.union(key, target)
    by_target: dict[str, str] = {}
    for key, target in sorted(existing.items()):
        if key in sets.parent:
            sets.union(key, by_target.setdefault(target, key))
    for members in blocks.values():
        for i, (ka, wa) in enumerate(members):
            for kb, wb in members[i + 1:]:
                if fresh is not None and ka not in fresh and kb not in fresh:
                    continue
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


def _registry_subset(registry: Any, people: list[dict[str, Any]]) -> dict[str, list[list[str]]]:
    """Registry names of the registry people these people's names could match."""
    index = _registry_index(registry)
    keys = {r for p in people for k in name_keys(p["name"]) for r in index.get(k, ())}
    return {k: v for k, v in _registry_names_cached(registry).items() if k in keys}


def _registry_names_cached(registry: Any) -> dict[str, list[list[str]]]:
    cached = getattr(_registry_names_cached, "memo", None)
    if cached is None or cached[0] is not registry:
        cached = (registry, _registry_names(registry))
        _registry_names_cached.memo = cached  # type: ignore[attr-defined]
    return cached[1]


def _neighbourhood(store: Any, registry: Any, ids: list[str]) -> tuple[list[dict[str, Any]], set[str], dict[str, str]]:
    """People of these articles (their name keys stored now), every stored person they could join, the
    keys of the articles' own people, and the existing links among them."""
    rows = store.article_people(ids)
    store.save_name_keys([{"key": k, "entity": r["key"], "article_id": r["article_id"]}
                          for r in rows for k in name_keys(r["name"])])
    mine = {r["key"] for r in rows}
    keys = {k for r in rows for k in name_keys(r["name"])}
    scope = mine | store.entities_with_keys(keys)
    linked = store.links_into(scope)  # groups already formed around them, whole
    scope |= set(linked) | set(linked.values())
    linked.update(store.links_into(set(linked.values())))
    scope |= set(linked)
    return store.people(scope), mine, linked


def canonical(store: Any, key: str) -> str:
    """The entity a key stands for after cross-document resolution (the key itself if unlinked)."""
    links = _queries(store).entity_link_map()
    seen = {key}
    while key in links and links[key] not in seen:
        key = links[key]
        seen.add(key)
    return key
