"""The shared union-find groups transitively and picks the same root whatever the order of unions."""
from __future__ import annotations

from newsdesk.corpus.groups import DisjointSet


def test_groups_disjoint_transitive_and_order_free():
    a, b = DisjointSet("abcde"), DisjointSet("abcde")
    for x, y in (("a", "c"), ("c", "e")):
        a.union(x, y)
    for x, y in (("e", "c"), ("c", "a")):
        b.union(x, y)
    assert sorted(map(sorted, a.groups())) == [["a", "c", "e"], ["b"], ["d"]]
    assert a.find("e") == b.find("e") == "a"
