"""Story assignment reads and writes: the story_keys inverted index, term counts, one-transaction saves.

Everything here is bounded by the articles being assigned and their neighbourhood (the stories that
share a key with them), never by the size of the store.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, delete, func, or_, select, text
from sqlalchemy.dialects import postgresql, sqlite

from . import schema as s
from .core import insert_ignore, now, upsert


class StoryQueries:
    """Mixin of :class:`newsdesk.store.Store` (needs ``_in_chunks`` and ``engine``)."""

    def term_counts(self, terms: Iterable[str]) -> dict[str, int]:
        """Document frequencies of just these terms (absent terms are left out)."""
        t, terms, out = s.term_stats, sorted(set(terms)), {}
        sqlite = self.engine.dialect.name == "sqlite"
        with self.engine.connect() as conn:  # plain tuples: a batch reads the counts of tens of thousands
            for chunk in _chunks(terms):
                if sqlite:  # the driver's statement: no IN list to render and bind each time (half the cost)
                    out.update(conn.exec_driver_sql(_sqlite_in("SELECT term, df FROM term_stats WHERE term", chunk),
                                                    tuple(chunk)).all())
                else:
                    out.update(dict(conn.execute(select(t.c.term, t.c.df).where(t.c.term.in_(chunk))).all()))
        return out

    def stories_with_keys(self, keys: Iterable[str], months: Iterable[tuple[int, int]] | None = None
                          ) -> tuple[dict[str, list[str]], dict[str, tuple[Any, Any]]]:
        """key -> ids of the stories indexed under it, and story id -> (date, end_date) of those stories.

        ``months`` (runs of months as :func:`story_months` numbers them, first and last): only the
        postings of undated stories and of stories whose span meets a run are read (``story_keys`` holds
        each key under every month of its story's span), so that a key common across months and years of
        coverage costs its postings near the batch, not all of them; the caller still tests each story's
        exact window."""
        k = s.story_keys
        out: dict[str, set[str]] = {}
        keys = sorted(set(keys))
        runs = None if months is None else sorted(set(months))
        q = select(k.c.key, k.c.story_id)
        if runs is not None:
            q = q.where(or_(k.c.month == 0, *(k.c.month.between(lo, hi) for lo, hi in runs)))
        sqlite = self.engine.dialect.name == "sqlite"
        with self.engine.connect() as conn:  # plain tuples: a batch reads tens of thousands of postings
            for chunk in _chunks(keys):  # fetched whole: a row at a time costs a driver call each
                if sqlite:  # the driver's statement, as in term_counts
                    sql = _sqlite_in("SELECT key, story_id FROM story_keys WHERE key", chunk)
                    if runs is not None:
                        sql += " AND (month = 0" + " OR month BETWEEN ? AND ?" * len(runs) + ")"
                    rows = conn.exec_driver_sql(sql, (*chunk, *(m for run in runs or () for m in run))).all()
                else:
                    rows = conn.execute(q.where(k.c.key.in_(chunk))).all()
                for key, sid in rows:
                    out.setdefault(key, set()).add(sid)
        hits = {key: sorted(v) for key, v in out.items()}
        return hits, self.story_dates({sid for v in hits.values() for sid in v})

    def story_dates(self, ids: Iterable[str], conn: Any = None) -> dict[str, tuple[Any, Any]]:
        """story id -> (date, end_date): enough to test a date window without loading the centroid
        (on ``conn`` when given: inside a transaction)."""
        if conn is not None:
            return _read_dates(conn, ids)
        with self.engine.connect() as c:
            return _read_dates(c, ids)

    def story_features(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        """Id and clustering state (``features``) of these stories, in id order: what assignment loads
        (no title, place or summary to decode)."""
        st = s.stories
        if self.engine.dialect.name != "sqlite":
            return sorted(self._in_chunks(select(st.c.id, st.c.features), st.c.id, ids), key=lambda r: r["id"])
        # SQLite: the JSON text read by the driver's statement and decoded here, as the JSON type would
        # (json.loads), without its per-row processing (a batch loads a thousand centroids at 15.6k)
        with self.engine.connect() as conn:
            rows = [{"id": sid, "features": None if f is None else json.loads(f)}
                    for chunk in _chunks(sorted(set(ids)))
                    for sid, f in conn.exec_driver_sql(_sqlite_in("SELECT id, features FROM stories WHERE id", chunk),
                                                       tuple(chunk)).all()]
        return sorted(rows, key=lambda r: r["id"])

    def story_sizes(self) -> list[int]:
        """The member count of every story, biggest first (one GROUP BY; no story is read)."""
        a = s.articles
        q = select(func.count()).where(a.c.story_id.is_not(None)).group_by(a.c.story_id)
        with self.engine.connect() as conn:
            return sorted(conn.execute(q).scalars(), reverse=True)

    def stories_by_id(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        return sorted(self._in_chunks(select(s.stories), s.stories.c.id, ids), key=lambda r: r["id"])

    def story_ids_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        """article id -> story id, for those of these articles already in a story."""
        a = s.articles
        rows = self._in_chunks(select(a.c.id, a.c.story_id), a.c.id, article_ids)
        return {r["id"]: r["story_id"] for r in rows if r["story_id"]}

    def article_meta(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Outlet, title, URL, publication date and copy link of these articles (no text)."""
        a = s.articles
        cols = [a.c.id, a.c.outlet, a.c.title, a.c.url, a.c.published, a.c.duplicate_of]
        return {r["id"]: r for r in self._in_chunks(select(*cols), a.c.id, ids)}

    def story_vectors(self, article_ids: Iterable[str]) -> dict[str, dict[str, float]]:
        """article id -> its stored story term vector (articles assigned before migration 0013 have none)."""
        v = s.story_vectors
        return {r["article_id"]: r["vector"] for r in self._in_chunks(select(v), v.c.article_id, article_ids)}

    def save_assignment(self, stories: list[dict[str, Any]], assign: dict[str, str], counts: dict[str, int],
                        keys: dict[str, set[str]], absorbed: dict[str, str] | None = None,
                        vectors: dict[str, dict[str, float]] | None = None) -> None:
        """Story rows, ``articles.story_id``, term counts and index keys in ONE transaction; ``absorbed``
        (story id -> the story it was merged into) moves those stories' articles and keys, and drops
        their rows and what was computed for them; ``vectors`` (article id -> story term vector) are stored.

        A crash before the commit leaves the articles unassigned (and the counts unchanged), so that
        assigning them again converges to the same store.
        """
        months = {st["id"]: story_months(st.get("date"), st.get("end_date")) for st in stories}
        with self.engine.begin() as conn:
            before = {sid: story_months(d, e) for sid, (d, e) in self.story_dates(months, conn).items()}
            upsert(conn, s.stories, [{**st, "updated_at": now()} for st in stories], ["id"])
            if assign:  # one executemany, not a statement per article
                a = s.articles
                conn.execute(a.update().where(a.c.id == bindparam("a_id")).values(story_id=bindparam("s_id")),
                             [{"a_id": aid, "s_id": sid} for aid, sid in sorted(assign.items())])
            if counts:
                mod = sqlite if conn.dialect.name == "sqlite" else postgresql
                stmt = mod.insert(s.term_stats)
                stmt = stmt.on_conflict_do_update(index_elements=["term"],
                                                  set_={"df": s.term_stats.c.df + stmt.excluded.df})
                conn.execute(stmt, [{"term": k, "df": v} for k, v in sorted(counts.items())])
            insert_ignore(conn, s.story_keys, [{"key": k[:64], "month": m, "story_id": sid}
                                               for sid, ks in sorted(keys.items()) for k in sorted(ks)
                                               for m in months.get(sid) or [0]])
            for old, into in sorted((absorbed or {}).items()):
                _move_story(conn, old, into, months.get(into) or [0])
            # a story whose span reached new months: its older keys go under them too
            for sid in sorted(sid for sid, ms in months.items() if sid in before and set(ms) - set(before[sid])):
                _index_months(conn, sid, sorted(set(months[sid]) - set(before[sid])))
            # a vector depends on the article's own rows only: one stored before stays right
            insert_ignore(conn, s.story_vectors, [{"article_id": a, "vector": vec}
                                                  for a, vec in sorted((vectors or {}).items())])

    def reset_stories(self) -> None:
        """Forget every story, its index and the term counts (before assigning all articles again)."""
        with self.engine.begin() as conn:
            conn.execute(s.articles.update().values(story_id=None))
            for table in (s.story_keys, s.term_stats, s.stories, s.story_state):
                conn.execute(delete(table))


def _chunks(values: list[Any], size: int = 500) -> Iterable[list[Any]]:
    """Runs of at most ``size`` values (SQLite caps the parameters of one statement)."""
    return (values[i:i + size] for i in range(0, len(values), size))


def _sqlite_in(head: str, values: list[Any]) -> str:
    """``head IN (?, ?, ...)`` with one placeholder per value, for ``exec_driver_sql`` on SQLite."""
    return f"{head} IN ({', '.join('?' * len(values))})"


def _read_dates(conn: Any, ids: Iterable[str]) -> dict[str, tuple[Any, Any]]:
    st, ids = s.stories, sorted(set(ids))
    out: dict[str, tuple[Any, Any]] = {}
    sqlite = conn.dialect.name == "sqlite"
    for chunk in _chunks(ids):
        rows = (conn.exec_driver_sql(_sqlite_in("SELECT id, date, end_date FROM stories WHERE id", chunk), tuple(chunk))
                if sqlite else conn.execute(select(st.c.id, st.c.date, st.c.end_date).where(st.c.id.in_(chunk))))
        for sid, date, end in rows.all():
            out[sid] = (date, end)
    return out


def story_months(date: str | None, end_date: str | None) -> list[int]:
    """The months (year * 12 + month - 1) a story's span, its date to its end date, touches; [0] for an
    undated story, which every article's window meets. The keys of a story are indexed under each."""
    try:
        lo, hi = _month(date or "", first=True), _month(end_date or date or "", first=False)
    except ValueError:
        return [0]
    return list(range(lo, max(lo, hi) + 1))


def _month(date: str, first: bool) -> int:
    """The month a YYYY[-MM[-DD]] date starts (``first``) or ends in; ValueError for a date that names
    no day, which story windows read as undated (``corpus.stories.day_range``)."""
    if len(date) >= 10:
        dt.date.fromisoformat(date[:10])
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 else (1 if first else 12)
    if not 1 <= month <= 12:
        raise ValueError(date)
    return year * 12 + month - 1


def _index_months(conn: Any, sid: str, months: list[int]) -> None:
    """Index every key a story holds under these months too."""
    k = s.story_keys
    held = conn.execute(select(k.c.key).where(k.c.story_id == sid).distinct()).scalars().all()
    insert_ignore(conn, k, [{"key": key, "month": m, "story_id": sid} for key in sorted(held) for m in months])


def _move_story(conn: Any, old: str, into: str, months: list[int]) -> None:
    """Story ``old`` merged into ``into`` (whose span touches ``months``): its articles and index keys
    move, its row and synthesis go."""
    k = s.story_keys
    moved = {r.key for r in conn.execute(select(k.c.key).where(k.c.story_id == old))}
    insert_ignore(conn, k, [{"key": key, "month": m, "story_id": into} for key in sorted(moved) for m in months])
    conn.execute(s.articles.update().where(s.articles.c.story_id == old).values(story_id=into))
    for table in (s.discrepancies, s.quote_groups, k, s.story_state):
        conn.execute(delete(table).where(table.c.story_id == old))
    conn.execute(delete(s.stories).where(s.stories.c.id == old))
