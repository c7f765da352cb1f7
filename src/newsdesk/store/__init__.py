"""The store: the only package that writes SQL. ``open_store(db)`` migrates and returns a Store."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.engine import Engine

from .articles import ArticleQueries
from .corpus import CorpusQueries
from .core import make_engine, migrate
from .entities import EntityQueries
from .stories import StoryQueries
from .linking import LinkQueries
from .locks import FileLock, Pinned, begin_exclusive, lock_path
from .stream import StreamQueries
from .synthesis import SynthesisQueries
from .version import VersionQueries, track_writes
from .web import WebQueries


class Store(ArticleQueries, CorpusQueries, EntityQueries, WebQueries, SynthesisQueries, StoryQueries, LinkQueries,
            StreamQueries, VersionQueries):
    """One database (SQLite file or server URL) with the newest schema."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._pin = threading.local()  # this thread's linking transaction, if one is open
        self._writers = FileLock(lock_path(engine))

    @property
    def engine(self) -> Any:
        """The engine, or this thread's open linking transaction (see :meth:`transaction`)."""
        return getattr(self._pin, "engine", None) or self._engine

    @engine.setter
    def engine(self, engine: Engine) -> None:
        self._engine = engine

    @contextmanager
    def writer(self) -> Iterator[None]:
        """Hold the store's writer lock (other processes' writers wait; re-entrant in this process)."""
        with self._writers.hold():
            yield

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run every store call of this thread in one exclusive transaction (commits whole or not at all)."""
        if getattr(self._pin, "engine", None) is not None:
            yield  # already inside one
            return
        with self.writer(), self._engine.connect() as conn, conn.begin():
            begin_exclusive(conn)
            self._pin.engine = Pinned(conn, self._engine)
            try:
                yield
            finally:
                self._pin.engine = None

    def close(self) -> None:
        self._close_version()
        self._engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(db: str) -> Store:
    engine = make_engine(db)
    migrate(engine)
    track_writes(engine)
    return Store(engine)


__all__ = ["Store", "open_store"]
