"""Opening the store: engine, SQLite pragmas, Alembic migrations, and small SQL helpers.

Driver errors from a database server (PostgreSQL) become one-line ``StoreError`` messages here, with
the password left out of the URL.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Table, create_engine, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from ..config import db_url
from ..errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"
_MIGRATION_LOCK = 7_326_157_001  # any constant: the advisory lock newsdesk migrations take on PostgreSQL


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # one writer, many readers
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def server_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` mean psycopg 3 (the pinned driver); explicit drivers stay."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def shown_url(url: str) -> str:
    """The URL for messages: password hidden, driver name left out."""
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "<invalid URL>"
    return re.sub(r"^(\w+)\+\w+://", r"\1://", shown)


def _reason(exc: BaseException) -> str:
    """The gist of a driver message: its first line, without the server's prefixes."""
    lines = str(exc).strip().splitlines() or [type(exc).__name__]
    line = lines[0].strip()
    line = line.rsplit(" failed: ", 1)[-1] if line.startswith("connection") else line
    line = re.sub(r"^(FATAL|ERROR):\s+", "", line).strip()
    if len(line) > 1 and line[0].isupper() and line[1].islower():  # "Connection refused" -> "connection refused"
        line = line[0].lower() + line[1:]
    return line


def _server_errors(ctx: ExceptionContext) -> None:
    """Engine hook: driver errors become one-line StoreErrors (not during pre-ping: the pool retries)."""
    if ctx.is_pre_ping or ctx.original_exception is None:
        return
    where = shown_url(str(ctx.engine.url)) if ctx.engine is not None else "the store"
    exc = ctx.original_exception
    if isinstance(ctx.sqlalchemy_exception, OperationalError) and ctx.connection is None:
        raise StoreError(f"cannot connect to {where}: {_reason(exc)}") from None
    if ctx.is_disconnect:
        raise StoreError(f"lost the connection to {where}: {_reason(exc)}") from None
    raise StoreError(f"store error at {where}: {_reason(exc)}") from None


def make_engine(db: str) -> Engine:
    url = db_url(db)
    try:
        if url.startswith("sqlite"):
            path = url.split("sqlite:///", 1)[-1]
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, connect_args={"check_same_thread": False})
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        engine = create_engine(server_url(url), pool_pre_ping=True)
        event.listen(engine, "handle_error", _server_errors)
        return engine
    except ImportError as exc:
        hint = " (pip install 'psycopg[binary]')" if "psycopg" in str(exc) else ""
        raise StoreError(f"cannot open store {shown_url(url)}: driver missing: {exc}{hint}") from None
    except (ArgumentError, SQLAlchemyError, ValueError) as exc:
        raise StoreError(f"cannot open store {shown_url(url)}: {_reason(exc)}") from None


def _alembic_config(conn: Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision(s) (in one transaction, one process at a time)."""
    from .locks import FileLock, lock_path

    try:
        with engine.connect() as conn:  # the common case: up to date, and readers never wait on writers
            heads = set(ScriptDirectory.from_config(_alembic_config(conn)).get_heads())
            if set(MigrationContext.configure(conn).get_current_heads()) == heads:
                return
        with FileLock(lock_path(engine)).hold(), engine.begin() as conn:
            if conn.dialect.name == "postgresql":  # two processes opening a new store: one migrates
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            elif conn.dialect.name == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            cfg = _alembic_config(conn)
            heads = set(ScriptDirectory.from_config(cfg).get_heads())
            if set(MigrationContext.configure(conn).get_current_heads()) != heads:
                command.upgrade(cfg, "heads")
    except OperationalError as exc:
        raise StoreError(f"cannot migrate store at {engine.url!r}: {exc.orig}") from None


def insert_ignore(conn: Connection, table: Table, rows: Iterable[dict[str, Any]]) -> None:
    """INSERT, skipping rows whose primary key already exists (SQLite and PostgreSQL)."""
    rows = list(rows)
    if not rows:
        return
    dialect = conn.dialect.name
    if dialect == "sqlite":
        conn.execute(sqlite.insert(table).on_conflict_do_nothing(), rows)
    elif dialect == "postgresql":
        conn.execute(postgresql.insert(table).on_conflict_do_nothing(), rows)
    else:
        for row in rows:
            try:
                with conn.begin_nested():
                    conn.execute(table.insert(), row)
            except SQLAlchemyError:
                pass


def upsert(conn: Connection, table: Table, rows: Iterable[dict[str, Any]], keys: list[str]) -> None:
    """INSERT or UPDATE on primary-key conflict: one statement per set of columns, executed for all its
    rows at once (rows repeating a key are merged, later values winning, as one statement per row gave)."""
    last: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        k = tuple(row[c] for c in keys)
        last[k] = {**last.pop(k, {}), **row}
    if not last:
        return
    mod = sqlite if conn.dialect.name == "sqlite" else postgresql
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in last.values():
        by_columns.setdefault(tuple(row), []).append(row)
    for cols, group in by_columns.items():
        stmt = mod.insert(table)
        rest = {c: stmt.excluded[c] for c in cols if c not in keys}
        conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_=rest) if rest
                     else stmt.on_conflict_do_nothing(index_elements=keys), group)
