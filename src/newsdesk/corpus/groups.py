"""Disjoint sets: the grouping step shared by entity, event, claim and quote linking."""
from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class DisjointSet(Generic[K]):
    """Union-find with path halving; the smaller key is the root, so results never depend on order."""

    def __init__(self, items: Iterable[K] = ()) -> None:
        self.parent: dict[K, K] = {k: k for k in items}

    def find(self, x: K) -> K:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: K, b: K) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # type: ignore[type-var]

    def groups(self) -> list[list[K]]:
        """Members grouped by root, in first-seen order."""
        out: dict[K, list[K]] = {}
        for k in list(self.parent):
            out.setdefault(self.find(k), []).append(k)
        return list(out.values())
