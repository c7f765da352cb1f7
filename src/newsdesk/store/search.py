"""Full-text terms that are the same on both back ends.

SQLite indexes articles with FTS5 (``unicode61`` tokenizer: runs of letters and digits, lower-cased,
diacritics removed by SQLite's own table, no stemming, no stop words). On PostgreSQL the store indexes
the terms this module returns as a ``tsvector`` taken as-is (no parser, no dictionary). The terms come
from the very same tokenizer, run on a private in-memory FTS5 table, so that a query finds the same
articles on both back ends, whatever the script or the accents.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable

_local = threading.local()


def _tokenizer() -> sqlite3.Connection:
    """A per-thread (and per-process) in-memory FTS5 table and its vocabulary view."""
    con = getattr(_local, "con", None)
    if con is None or getattr(_local, "pid", None) != os.getpid():
        con = sqlite3.connect(":memory:", isolation_level=None)
        con.execute("CREATE VIRTUAL TABLE doc USING fts5(x)")
        con.execute("CREATE VIRTUAL TABLE vocab USING fts5vocab(doc, 'row')")
        _local.con, _local.pid = con, os.getpid()
    return con


def _terms(texts: Iterable[str]) -> list[str]:
    rows = [(t,) for t in texts if t]
    if not rows:
        return []
    con = _tokenizer()
    con.execute("BEGIN")
    try:
        con.executemany("INSERT INTO doc(x) VALUES (?)", rows)
        return sorted(r[0] for r in con.execute("SELECT term FROM vocab"))
    finally:
        con.execute("ROLLBACK")  # the table stays empty between calls


def index_terms(*texts: str | None) -> list[str]:
    """Distinct FTS5 terms of the texts, sorted: what the PostgreSQL index holds for one article."""
    return _terms(t for t in texts if t)


def query_terms(words: list[str]) -> list[str]:
    """Distinct FTS5 terms of the words of a query (an article must hold every one)."""
    return _terms(words)


def tsquery(terms: list[str]) -> str:
    """A PostgreSQL ``tsquery`` literal requiring every term, each taken verbatim."""
    return " & ".join("'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in terms)
