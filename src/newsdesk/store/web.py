"""Reads and writes the API and web UI need beyond the core queries: keyset pages, filtered
events, actor neighbourhoods, background jobs. Every query is built with SQLAlchemy Core."""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import and_, func, literal_column, or_, select, text
from sqlalchemy.engine import Engine

from ..errors import NotFound
from . import schema as s
from .core import now

Cursor = tuple[str, str] | None  # (sort value, id) of the last row already shown
# a literal '' (not a bound parameter): the sort expressions must match the indexes of migration 0007
EMPTY = literal_column("''")


def _page(rows: list[dict[str, Any]], limit: int, sort_key: str) -> tuple[list[dict[str, Any]], Cursor]:
    """Rows were fetched with limit + 1: the extra one says whether there is a next page."""
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, (rows[-1][sort_key] or "", rows[-1]["id"])


class WebQueries:
    engine: Engine

    def _fetch(self, stmt: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(stmt).mappings()]

    # -- entities --------------------------------------------------------------------------
    def entity_keys(self, key: str) -> list[str]:
        """A key plus every local key linked to it (cross-document resolution)."""
        linked = self._fetch(select(s.entity_links.c.key).where(s.entity_links.c.canonical == key))
        return [key, *sorted(r["key"] for r in linked)]

    def entity_row(self, key: str) -> dict[str, Any]:
        rows = self._fetch(select(s.entities).where(s.entities.c.key == key))
        if not rows:
            raise NotFound(f"no entity {key!r}")
        return rows[0]

    def entities_by_key(self, keys: Sequence[str]) -> list[dict[str, Any]]:
        if not keys:
            return []
        return self._fetch(select(s.entities).where(s.entities.c.key.in_(list(keys))).order_by(s.entities.c.key))

    def entities_page(self, *, type: str | None = None, q: str | None = None, after: Cursor = None,
                      limit: int = 50, hide_generic: Sequence[str] = ()) -> tuple[list[dict[str, Any]], Cursor]:
        """Entities with their mention and article counts, ordered by key.

        A gazetteer place (``geo:``) that has the same name and country as a registry entity is left out
        (it is the same country or city, found by the place step); so are local ORG entities whose whole
        name is one of ``hide_generic`` (lower-case). Counts cover both mentions and located places.
        """
        e = s.entities
        stmt = select(e)
        if type:
            stmt = stmt.where(e.c.type == type.upper())
        if q:
            stmt = stmt.where(func.lower(e.c.name).contains(q.lower(), autoescape=True))
        twin = s.entities.alias("twin")
        stmt = stmt.where(~and_(e.c.key.startswith("geo:"), select(twin.c.key).where(
            twin.c.name == e.c.name, twin.c.type == e.c.type, twin.c.country == e.c.country,
            ~twin.c.key.startswith("geo:")).exists()))
        if hide_generic:
            stmt = stmt.where(~and_(e.c.type == "ORG", e.c.key.startswith("loc:"),
                                    func.lower(e.c.name).in_(list(hide_generic))))
        if after:
            stmt = stmt.where(e.c.key > after[1])
        rows = self._fetch(stmt.order_by(e.c.key).limit(limit + 1))
        for r in rows:
            r["id"] = r["key"]
        page, cursor = _page(rows, limit, "key")
        counts = self._entity_counts([r["key"] for r in page])
        for r in page:
            r["mentions"], r["articles"] = counts.get(r["key"], (0, 0))
        return page, cursor

    def _entity_counts(self, keys: Sequence[str]) -> dict[str, tuple[int, int]]:
        """(mentions + located places, distinct articles) per key, for one page of keys (index only)."""
        if not keys:
            return {}
        both = (select(s.mentions.c.entity, s.mentions.c.article_id).where(s.mentions.c.entity.in_(list(keys)))
                .union_all(select(s.places.c.entity, s.places.c.article_id)
                           .where(s.places.c.entity.in_(list(keys)))).subquery())
        rows = self._fetch(select(both.c.entity, func.count().label("n"),
                                  func.count(func.distinct(both.c.article_id)).label("articles"))
                           .group_by(both.c.entity))
        return {r["entity"]: (r["n"], r["articles"]) for r in rows}

    # -- articles --------------------------------------------------------------------------
    def articles_page(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                      story: str | None = None, entities: Sequence[str] = (), query: str | None = None,
                      after: Cursor = None, limit: int = 50) -> tuple[list[dict[str, Any]], Cursor]:
        """Article summaries, newest first, keyset-paged on (published, id); a copy carries the outlet and
        title of the article it copies (``duplicate_outlet``, ``duplicate_title``)."""
        a = s.articles
        dup = s.articles.alias("dup")
        pub = func.coalesce(a.c.published, EMPTY)
        stmt = (select(a.c.id, a.c.source, a.c.outlet, a.c.published, a.c.title, a.c.url, a.c.duplicate_of,
                       a.c.story_id, a.c.dateline, a.c.authors, a.c.flags, a.c.evidence,
                       dup.c.outlet.label("duplicate_outlet"), dup.c.title.label("duplicate_title"),
                       pub.label("sort_key"))
                .select_from(a.outerjoin(dup, dup.c.id == a.c.duplicate_of)))
        if outlet:
            stmt = stmt.where(func.lower(a.c.outlet) == outlet.lower())
        if since:
            stmt = stmt.where(a.c.published >= since)
        if until:  # a day or month prefix: everything inside it counts
            stmt = stmt.where(a.c.published <= until + "~")
        if story:
            stmt = stmt.where(a.c.story_id == story)
        if entities:
            stmt = stmt.where(a.c.id.in_(select(s.mentions.c.article_id).where(s.mentions.c.entity.in_(entities))))
        if query is not None:
            stmt = stmt.where(a.c.id.in_(self._fts_ids(query)))  # type: ignore[attr-defined]
        if after:
            stmt = stmt.where(or_(pub < after[0], and_(pub == after[0], a.c.id > after[1])))
        rows = self._fetch(stmt.order_by(pub.desc(), a.c.id).limit(limit + 1))
        page, cursor = _page(rows, limit, "sort_key")
        for r in page:
            r.pop("sort_key")
            anchor = (r.pop("evidence") or {}).get("anchor") or {}
            # no date on the page: the date the article's own content points to, marked as an estimate
            r["date_estimated"] = anchor.get("value") if not r["published"] else None
        return page, cursor

    def outlets(self) -> list[dict[str, Any]]:
        """Outlets with their article counts, most articles first."""
        a = s.articles
        return self._fetch(select(a.c.outlet, func.count().label("articles")).where(a.c.outlet.is_not(None))
                           .group_by(a.c.outlet).order_by(func.count().desc(), a.c.outlet))

    def snippets(self, ids: Sequence[str], query: str) -> dict[str, str]:
        """A short passage around the matched words of each article, hits between \x02 and \x03."""
        words = [w for w in "".join(ch if ch.isalnum() else " " for ch in query).split() if w]
        if not ids or not words:
            return {}
        with self.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                match = " ".join(f'"{w}"' for w in words)
                rows = conn.execute(text(
                    "SELECT article_id, snippet(articles_fts, 2, char(2), char(3), '…', 24) FROM articles_fts "
                    "WHERE articles_fts MATCH :q AND article_id IN (SELECT value FROM json_each(:ids))"),
                    {"q": match, "ids": json.dumps(list(ids))})
                return {r[0]: r[1] for r in rows}
            rows = conn.execute(select(s.articles.c.id, s.articles.c.text).where(s.articles.c.id.in_(list(ids))))
            return {r[0]: _python_snippet(r[1], words) for r in rows}

    def article_summaries(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        a = s.articles
        ids = list(ids)
        if not ids:
            return []
        return self._fetch(select(a.c.id, a.c.outlet, a.c.published, a.c.title, a.c.url, a.c.story_id)
                           .where(a.c.id.in_(ids)).order_by(func.coalesce(a.c.published, ""), a.c.id))

    # -- stories ---------------------------------------------------------------------------
    def stories_page(self, *, after: Cursor = None, limit: int = 50) -> tuple[list[dict[str, Any]], Cursor]:
        """Stories newest first (keyset on (date, id)) with their outlets and article counts."""
        st = s.stories
        date = func.coalesce(st.c.end_date, st.c.date, EMPTY)
        # not the clustering state (``features``): internal, and most of a story row's bytes
        stmt = select(*[c for c in st.c if c.name != "features"], date.label("sort_key"))
        if after:
            stmt = stmt.where(or_(date < after[0], and_(date == after[0], st.c.id > after[1])))
        rows = self._fetch(stmt.order_by(date.desc(), st.c.id).limit(limit + 1))
        page, cursor = _page(rows, limit, "sort_key")
        members = self._fetch(select(s.articles.c.story_id, s.articles.c.outlet, s.articles.c.id)
                              .where(s.articles.c.story_id.in_([r["id"] for r in page])))
        by_story: dict[str, list[dict[str, Any]]] = {}
        for m in members:
            by_story.setdefault(m["story_id"], []).append(m)
        for r in page:
            r.pop("sort_key")
            mine = by_story.get(r["id"], [])
            r["article_count"] = len(mine)
            r["outlets"] = sorted({m["outlet"] for m in mine if m["outlet"]})
        return page, cursor

    def story_row(self, story_id: str) -> dict[str, Any]:
        st = s.stories
        rows = self._fetch(select(*[c for c in st.c if c.name != "features"]).where(st.c.id == story_id))
        if not rows:
            raise NotFound(f"no story {story_id!r}")
        return rows[0]

    def story_article_ids(self, story_id: str) -> list[str]:
        return [r["id"] for r in self._fetch(select(s.articles.c.id).where(s.articles.c.story_id == story_id)
                                              .order_by(s.articles.c.id))]

    def discrepancy_rows(self, story: str | None = None) -> list[dict[str, Any]]:
        d = s.discrepancies
        stmt = select(d).order_by(d.c.id)
        if story:
            stmt = stmt.where(d.c.story_id == story)
        return self._fetch(stmt)

    def quote_group_rows(self, story: str | None = None) -> list[dict[str, Any]]:
        g = s.quote_groups
        stmt = select(g).order_by(g.c.id)
        if story:
            stmt = stmt.where(g.c.story_id == story)
        return self._fetch(stmt)

    # -- per-article items across articles ---------------------------------------------------
    def items_for_articles(self, name: str, article_ids: Sequence[str]) -> list[dict[str, Any]]:
        """Rows of one per-article table (quotes, amounts, times, places, events) for some articles."""
        table = getattr(s, name)
        if name not in ("quotes", "amounts", "times", "places", "events", "mentions") or not article_ids:
            return []
        order = [table.c.article_id, table.c.start] if "start" in table.c else [table.c.article_id, table.c.id]
        return self._fetch(select(table).where(table.c.article_id.in_(list(article_ids))).order_by(*order))

    def quotes_by(self, entities: Sequence[str], limit: int = 200) -> list[dict[str, Any]]:
        q, a = s.quotes, s.articles
        stmt = (select(q, a.c.title, a.c.outlet, a.c.published).join(a, a.c.id == q.c.article_id)
                .where(q.c.speaker_entity.in_(list(entities)))
                .order_by(func.coalesce(a.c.published, "").desc(), q.c.id).limit(limit))
        return self._fetch(stmt)

    def events_page(self, *, types: Sequence[str] = (), actor: Sequence[str] = (), target: Sequence[str] = (),
                    either: Sequence[str] = (), country: str | None = None, since: str | None = None,
                    until: str | None = None, place: str | None = None, articles: Sequence[str] | None = None,
                    include_merged: bool = False, after: Cursor = None,
                    limit: int | None = 50) -> tuple[list[dict[str, Any]], Cursor]:
        """Events, newest first (keyset on (date, id)). ``either``: actor or target is one of these keys;
        ``country``: actor or target country (ISO3); ``place``: location name or country contains it."""
        e = s.events
        date = func.coalesce(e.c.date, EMPTY)
        stmt = select(e, date.label("sort_key"))
        if not include_merged:
            stmt = stmt.where(e.c.merged_into.is_(None))
        if types:
            stmt = stmt.where(e.c.type.in_([t.upper() for t in types]))
        if actor:
            stmt = stmt.where(e.c.actor_entity.in_(list(actor)))
        if target:
            stmt = stmt.where(e.c.target_entity.in_(list(target)))
        if either:
            stmt = stmt.where(or_(e.c.actor_entity.in_(list(either)), e.c.target_entity.in_(list(either))))
        if country:
            stmt = stmt.where(or_(e.c.actor_country == country.upper(), e.c.target_country == country.upper()))
        if since:
            stmt = stmt.where(e.c.date >= since)
        if until:
            stmt = stmt.where(e.c.date <= until)
        if articles is not None:
            stmt = stmt.where(e.c.article_id.in_(list(articles)))
        if after:
            stmt = stmt.where(or_(date < after[0], and_(date == after[0], e.c.id > after[1])))
        stmt = stmt.order_by(date.desc(), e.c.id)
        if place:
            # location is JSON: filter in Python, so one code path serves SQLite and PostgreSQL
            rows = [r for r in self._fetch(stmt) if _place_matches(r["location"], place)]
            rows = rows if limit is None else rows[: limit + 1]
        else:
            rows = self._fetch(stmt if limit is None else stmt.limit(limit + 1))
        page, cursor = (rows, None) if limit is None else _page(rows, limit, "sort_key")
        for r in page:
            r.pop("sort_key")
        return page, cursor

    def partners(self, keys: Sequence[str], limit: int = 12) -> list[dict[str, Any]]:
        """Counterparts in events with these actor keys, most frequent first."""
        rows, _ = self.events_page(either=keys, limit=None)
        counts: Counter[tuple[str, str]] = Counter()
        for r in rows:
            for side in ("actor", "target"):
                key = r[f"{side}_entity"]
                if key and key not in keys:
                    counts[(key, r[f"{side}_name"] or key)] += 1
        return [{"key": k, "name": n, "events": c} for (k, n), c in counts.most_common(limit)]

    # -- jobs ------------------------------------------------------------------------------
    def create_job(self, job_id: str, total: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(s.jobs.insert(), {"id": job_id, "state": "queued", "total": total, "done": 0,
                                           "result": {}, "created_at": now(), "updated_at": now()})

    def update_job(self, job_id: str, **values: Any) -> None:
        with self.engine.begin() as conn:
            conn.execute(s.jobs.update().where(s.jobs.c.id == job_id).values(updated_at=now(), **values))

    def job_count(self) -> int:
        return self._fetch(select(func.count().label("n")).select_from(s.jobs))[0]["n"]

    def unfinished_jobs(self) -> list[dict[str, Any]]:
        return self._fetch(select(s.jobs).where(s.jobs.c.state.in_(["queued", "running"])).order_by(s.jobs.c.id))

    def job_row(self, job_id: str) -> dict[str, Any]:
        rows = self._fetch(select(s.jobs).where(s.jobs.c.id == job_id))
        if not rows:
            raise NotFound(f"no job {job_id!r}")
        return rows[0]


def _python_snippet(body: str, words: list[str], width: int = 160) -> str:
    low = body.lower()
    hits = [i for i in (low.find(w.lower()) for w in words) if i >= 0]
    start = max(0, min(hits) - width // 3) if hits else 0
    part = body[start:start + width]
    for w in sorted(set(words), key=len, reverse=True):
        part = re.sub(re.escape(w), lambda m: "\x02" + m.group(0) + "\x03", part, flags=re.IGNORECASE)
    return ("…" if start else "") + part + ("…" if start + width < len(body) else "")


def _place_matches(location: Any, place: str) -> bool:
    if not isinstance(location, dict):
        return False
    want = place.strip().lower()
    return want in str(location.get("name") or "").lower() or want == str(location.get("country") or "").lower()
