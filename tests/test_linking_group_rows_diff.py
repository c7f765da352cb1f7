"""replace_group_discrepancies rewrites only the rows of a grown group that changed."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from newsdesk.store import open_store


def _row(rid: str, about: str, grp: str = "g1") -> dict:
    return {"id": rid, "kind": "corroboration", "about": about, "story_id": None, "note": "n", "block": grp,
            "claims": [{"article": "a", "amount": rid, "value": 1.0, "approx": False, "qualifier": None}]}


def _table(db: Path) -> dict[str, tuple]:
    con = sqlite3.connect(db)
    try:
        return {r[1]: r for r in con.execute("select rowid, id, about, block from discrepancies")}
    finally:
        con.close()


def test_only_changed_rows_are_rewritten(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store = open_store(str(db))
    store.replace_group_discrepancies([], [_row("corr-1", "x"), _row("corr-2", "x"), _row("corr-3", "x"),
                                           _row("corr-9", "z", "g2")])  # a later row: a rewrite gets a new rowid
    before = _table(db)
    # the group grew: corr-1 unchanged, corr-2 relabelled, corr-3 gone, corr-4 new
    store.replace_group_discrepancies(["g1"], [_row("corr-1", "x"), _row("corr-2", "y"), _row("corr-4", "y")])
    after = _table(db)
    store.close()
    assert sorted(after) == ["corr-1", "corr-2", "corr-4", "corr-9"]
    assert after["corr-1"] == before["corr-1"]  # same rowid: not deleted and inserted again
    assert after["corr-2"][2] == "y"


def test_rows_of_other_groups_stay(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store = open_store(str(db))
    store.replace_group_discrepancies([], [_row("corr-1", "x"), _row("corr-9", "z", "g2")])
    store.replace_group_discrepancies(["g1"], [])
    after = _table(db)
    store.close()
    assert sorted(after) == ["corr-9"]
