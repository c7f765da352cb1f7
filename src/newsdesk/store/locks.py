"""Writers of one store serialise: a lock file beside a SQLite file, advisory locks on PostgreSQL.

SQLite allows one writer at a time but gives up after ``busy_timeout``; a linking step can hold its
transaction longer than that, so writers first wait on an OS lock (``flock`` on ``<db>.lock``), which a
killed process releases at once. PostgreSQL writers take ``pg_advisory_xact_lock`` in the transaction.
"""
from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

LINK_LOCK = 7_326_157_002  # advisory lock key of newsdesk writers on PostgreSQL (migrations use ...001)


def lock_path(engine: Engine) -> str | None:
    """The lock file of a SQLite file store (None: in-memory SQLite or a server)."""
    if engine.dialect.name != "sqlite":
        return None
    db = engine.url.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return os.path.abspath(db) + ".lock"


class FileLock:
    """A re-entrant, process-wide exclusive lock on a file (threads of one process share it)."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._thread = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    @contextmanager
    def hold(self) -> Iterator[None]:
        with self._thread:
            if self._depth == 0 and self.path:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
                fcntl.flock(self._fd, fcntl.LOCK_EX)  # blocks until the other writer is done
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0 and self._fd is not None:
                    fcntl.flock(self._fd, fcntl.LOCK_UN)
                    os.close(self._fd)
                    self._fd = None


def begin_exclusive(conn: Connection) -> None:
    """Make the open transaction of ``conn`` the store's only writer until it ends."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # take SQLite's write lock now, not at the first write
    elif conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LINK_LOCK})


class Pinned:
    """An engine stand-in that hands out one open connection (inside its transaction) to every caller.

    Store methods open ``engine.connect()``/``engine.begin()`` each time; while a linking step runs,
    they all go through this one transaction, so the step commits whole or not at all.
    """

    def __init__(self, conn: Connection, base: Engine) -> None:
        self._conn = conn
        self.dialect = conn.dialect
        self.url = base.url
        self.name = base.name

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        yield self._conn

    begin = connect

    def dispose(self) -> None:  # the real engine is disposed by the store
        pass

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(f"a pinned store connection has no {name!r}")
