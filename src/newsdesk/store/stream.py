"""Reads in pages of constant size for exports: keyset pagination on primary keys (no OFFSET scans,
no table held in memory, no connection held open between pages)."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from . import schema as s

PAGE = 500


class StreamQueries:
    engine: Engine

    def _page(self, stmt: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(stmt).mappings()]

    def _keyset(self, table: Any, key: Any, cols: list[Any] | None = None, size: int = PAGE) -> Iterator[list[dict[str, Any]]]:
        last = None
        while True:
            stmt = select(*(cols or [table])).order_by(key).limit(size)
            if last is not None:
                stmt = stmt.where(key > last)
            rows = self._page(stmt)
            if not rows:
                return
            yield rows
            last = rows[-1][key.name]

    def article_pages(self, size: int = PAGE) -> Iterator[list[dict[str, Any]]]:
        """Articles in id order, without the raw input (exports never show it)."""
        a = s.articles
        cols = [c for c in a.c if c.name not in ("raw", "source_text", "offsets")]
        yield from self._keyset(a, a.c.id, cols, size)

    def item_pages(self, name: str, size: int = PAGE) -> Iterator[list[dict[str, Any]]]:
        """Rows of a per-article table in (article, start, id) order, a page of articles at a time."""
        table = getattr(s, name)
        order = [table.c.article_id, table.c.start, table.c.id] if "start" in table.c else [table.c.article_id, table.c.id]
        for arts in self._keyset(s.articles, s.articles.c.id, [s.articles.c.id], size):
            ids = [r["id"] for r in arts]
            rows = self._page(select(table).where(table.c.article_id.in_(ids)).order_by(*order))
            if rows:
                yield rows

    def entity_pages(self, size: int = PAGE) -> Iterator[tuple[list[dict[str, Any]], dict[str, str], list[dict[str, Any]]]]:
        """(entities, key -> canonical of the keys involved, their mention and place spans) a page at a time.

        Spans are those of the page's unlinked keys and of every key linked to one of them, mentions first,
        each in (article, start, id) order.
        """
        el = s.entity_links
        for ents in self._keyset(s.entities, s.entities.c.key, None, size):
            keys = [e["key"] for e in ents]
            links = {r["key"]: r["canonical"] for r in self._page(select(el).where(el.c.key.in_(keys) | el.c.canonical.in_(keys)))}
            wanted = sorted({k for k in keys if k not in links} | {k for k, c in links.items() if c in keys})
            spans: list[dict[str, Any]] = []
            for table in (s.mentions, s.places):
                for i in range(0, len(wanted), PAGE):
                    spans += self._page(select(table.c.article_id, table.c.start, table.c.end, table.c.text,
                                               table.c.entity).where(table.c.entity.in_(wanted[i:i + PAGE]))
                                        .order_by(table.c.article_id, table.c.start, table.c.id))
            yield ents, links, spans

    def event_pages(self, size: int = PAGE) -> Iterator[tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]]:
        """(events of a page of articles in (article, id) order, event id -> events merged into it)."""
        e = s.events
        for arts in self._keyset(s.articles, s.articles.c.id, [s.articles.c.id], size):
            ids = [r["id"] for r in arts]
            rows = self._page(select(e).where(e.c.article_id.in_(ids)).order_by(e.c.article_id, e.c.id))
            heads = [r["id"] for r in rows if not r["merged_into"]]
            merged: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for i in range(0, len(heads), PAGE):
                for r in self._page(select(e).where(e.c.merged_into.in_(heads[i:i + PAGE]))
                                    .order_by(e.c.article_id, e.c.id)):
                    merged[r["merged_into"]].append(r)
            yield rows, merged

    def story_pages(self, size: int = PAGE) -> Iterator[tuple[list[dict[str, Any]], dict[str, list[str]], dict[str, list[str]]]]:
        """(stories in id order, story -> member ids, story -> unmerged event ids of its members)."""
        a, e = s.articles, s.events
        for stories in self._keyset(s.stories, s.stories.c.id, None, size):
            sids = [st["id"] for st in stories]
            members: dict[str, list[str]] = defaultdict(list)
            story_of: dict[str, str] = {}
            for r in self._page(select(a.c.id, a.c.story_id).where(a.c.story_id.in_(sids)).order_by(a.c.id)):
                members[r["story_id"]].append(r["id"])
                story_of[r["id"]] = r["story_id"]
            events: dict[str, list[str]] = defaultdict(list)
            arts = sorted(story_of)
            for i in range(0, len(arts), PAGE):
                for r in self._page(select(e.c.id, e.c.article_id).where(e.c.article_id.in_(arts[i:i + PAGE]),
                                                                        e.c.merged_into.is_(None))):
                    events[story_of[r["article_id"]]].append(r["id"])
            yield stories, members, events

    def row_pages(self, name: str, size: int = PAGE) -> Iterator[list[dict[str, Any]]]:
        """Rows of a table keyed by ``id`` (discrepancies, quote groups), in id order."""
        table = getattr(s, name)
        yield from self._keyset(table, table.c.id, None, size)
