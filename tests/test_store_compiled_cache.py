"""Statements whose shape varies with their input (an OR of one condition per block or per date window) are
not kept in SQLAlchemy's compiled cache: a long ingest would otherwise fill it with hundreds of one-off
statements, each holding its parameters, and its memory would grow batch after batch."""
from __future__ import annotations

from newsdesk.store import open_store


def test_varying_or_statements_leave_the_compiled_cache_as_it_was(tmp_path):
    store = open_store(str(tmp_path / "c.db"))
    cache = store.engine._compiled_cache
    store.claims_naming([("b0", "k0")])
    store.merge_candidates_near([("MEET", "2020-01-01", "2020-01-03", ["2020-01", "2020"])])
    before = len(cache)
    for n in range(2, 30):
        store.claims_naming([(f"b{i}", f"k{j}") for i in range(n) for j in range(1 + i % 3)])
        store.merge_candidates_near([("MEET", f"2020-01-{d:02d}", f"2020-01-{d + 1:02d}", ["2020-01", "2020"])
                                     for d in range(1, n)])
    assert len(cache) == before  # without the option: one entry more per shape (55 here)
    store.close()
