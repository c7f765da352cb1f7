"""The store version: a counter that every write transaction bumps inside that same transaction.

A reader that caches results (the server) compares versions: equal versions mean no write was committed
in between, by this process or any other, on SQLite and PostgreSQL alike. Engine events do it, so no
store method has to remember: a statement that writes marks its connection, and the commit of a marked
connection bumps ``store_version.n`` just before it commits (migration 0010).
"""
from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "TRUNCATE", "CREATE", "DROP", "ALTER")
BUMP = "UPDATE store_version SET n = n + 1 WHERE id = 1"
# the table is missing while a migration runs below 0010 (a downgrade): then there is nothing to bump
EXISTS = {"sqlite": "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'store_version'",
          "postgresql": "SELECT count(*) FROM (SELECT to_regclass('store_version') AS t) r WHERE t IS NOT NULL"}
READ = "SELECT epoch, n FROM store_version WHERE id = 1"
_WROTE = "newsdesk_wrote"  # key in the DBAPI connection's info dict
_LOCK = threading.Lock()  # one SQLite connection per store reads the version; threads take turns


def _note_write(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
    if statement.lstrip()[:8].upper().startswith(WRITES):
        conn.info[_WROTE] = True


def _bump(conn: Any) -> None:
    if conn.info.pop(_WROTE, False):
        cursor = conn.connection.cursor()  # the raw cursor: no events, same open transaction
        try:
            cursor.execute(EXISTS[conn.dialect.name])
            if cursor.fetchone()[0]:
                cursor.execute(BUMP)
        finally:
            cursor.close()


def _forget(conn: Any) -> None:
    conn.info.pop(_WROTE, None)


def _forget_on_reset(dbapi_connection: Any, connection_record: Any, reset_state: Any) -> None:
    connection_record.info.pop(_WROTE, None)  # the pool rolled back a connection given back mid-transaction


def track_writes(engine: Engine) -> None:
    """Bump the version in every transaction of ``engine`` that writes (call after migrating)."""
    if engine.dialect.name not in ("sqlite", "postgresql"):
        return
    event.listen(engine, "before_cursor_execute", _note_write)
    event.listen(engine, "commit", _bump)
    event.listen(engine, "rollback", _forget)
    event.listen(engine.pool, "reset", _forget_on_reset)


class VersionQueries:
    engine: Engine
    _engine: Engine

    def version(self) -> str:
        """``"<epoch>.<n>"``: changes with every committed write, and differs between two stores."""
        if self._engine.dialect.name == "sqlite":
            row = self._sqlite_version()
        else:
            with self.engine.connect() as conn:
                row = conn.exec_driver_sql(READ).first()
        return f"{row[0]}.{row[1]}" if row else "unversioned"

    def _sqlite_version(self) -> Any:
        """Read on one connection kept for it: a server reads the version before every request, and a
        pool checkout costs more than the query. A SELECT opens no transaction on it (pysqlite), so it
        sees the newest commit of any connection or process."""
        with _LOCK:
            conn = self.__dict__.get("_version_conn")
            if conn is None:
                conn = self.__dict__["_version_conn"] = self._engine.raw_connection()
            cursor = conn.cursor()
            try:
                cursor.execute(READ)
                return cursor.fetchone()
            finally:
                cursor.close()

    def _close_version(self) -> None:
        conn = self.__dict__.pop("_version_conn", None)
        if conn is not None:
            conn.close()
