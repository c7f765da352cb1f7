"""What a story's synthesis keeps for the next run: its groups, so that only new items meet the rest.

A story's in-story discrepancies and quote groups are the connected components of a pair test (aligned
claims, variant quotes) over its members' items. The test of two items depends only on the two items (both
of this story), so while the items the groups were found among are all still there, unchanged, those groups
still hold: the components of every pair are the kept groups joined by the pairs that hold a new item.
"Unchanged" is checked, not assumed: each item is kept with a signature of what its test reads that can
change after it is stored (a copy link, an entity link, the story), and one item gone or changed makes the
story's groups be found again from every pair. Either way the groups, and so the rows, are the same; a
story that grew by a few articles costs those articles' pairs, not all of its members'.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .groups import DisjointSet


def signature(*parts: Any) -> str:
    """A short digest of what an item's pair test reads (plain values: their repr is stable across runs)."""
    return hashlib.sha1(repr(parts).encode()).hexdigest()[:12]


def reusable(kept: dict[str, Any] | None, sigs: dict[str, str]) -> bool:
    """True when every item the kept groups were found among is still here with the same signature."""
    return bool(kept) and all(sigs.get(i) == s for i, s in kept["seen"].items())


def components(ids: Sequence[str], pairs: Iterable[tuple[int, int]], test: Callable[[int, int], bool],
               kept: Iterable[Iterable[str]] = ()) -> list[list[int]]:
    """Groups (index lists, 2+ members) of the items ``ids``: the ``kept`` groups (item ids) joined, then
    every pair that ``test`` accepts. A pair already in one group is not tested: it cannot change them."""
    where = {x: i for i, x in enumerate(ids)}
    sets: DisjointSet[int] = DisjointSet(range(len(ids)))
    for group in kept:  # disjoint groups: each member points at its smallest, the root union() would pick
        idx = [where[x] for x in group if x in where]
        if idx:
            root = min(idx)
            sets.parent.update((i, root) for i in idx)
    for i, j in pairs:
        if sets.find(i) != sets.find(j) and test(i, j):
            sets.union(i, j)
    return [g for g in sets.groups() if len(g) >= 2]


def plan(kept: dict[str, Any] | None, ids: Sequence[str], sigs: dict[str, str]
         ) -> tuple[list[list[str]], set[int] | None]:
    """(groups to start from, indexes of the new items) when the kept groups hold, else ([], None):
    every pair is tested."""
    if not kept or not reusable(kept, sigs):
        return [], None
    return kept["groups"], {i for i, x in enumerate(ids) if x not in kept["seen"]}


def keep(sigs: dict[str, str], groups: Iterable[Iterable[str]]) -> dict[str, Any]:
    """The state to store: each item's signature and the groups (item ids)."""
    return {"seen": dict(sigs), "groups": sorted(sorted(g) for g in groups)}
