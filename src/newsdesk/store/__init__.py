"""The store: the only package that writes SQL. ``open_store(db)`` migrates and returns a Store."""
from __future__ import annotations

from sqlalchemy.engine import Engine

from .articles import ArticleQueries
from .corpus import CorpusQueries
from .core import make_engine, migrate
from .entities import EntityQueries
from .stories import StoryQueries
from .synthesis import SynthesisQueries
from .web import WebQueries


class Store(ArticleQueries, CorpusQueries, EntityQueries, WebQueries, SynthesisQueries, StoryQueries):
    """One database (SQLite file or server URL) with the newest schema."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(db: str) -> Store:
    engine = make_engine(db)
    migrate(engine)
    return Store(engine)


__all__ = ["Store", "open_store"]
