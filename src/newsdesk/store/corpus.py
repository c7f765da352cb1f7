"""Corpus-level reads and writes: entities, merged events, stories, comparisons."""
from __future__ import annotations

import gc
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import JSON, and_, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from . import schema as s
from .core import now, upsert


class CorpusQueries:
    engine: Engine

    def _rows(self, stmt: Any, cache: bool = True) -> list[dict[str, Any]]:
        """The rows of ``stmt`` as dicts; ``cache=False`` for a statement whose shape varies with its input
        (an OR of many conditions), which the compiled cache would keep, hundreds of them, for nothing."""
        with self.engine.connect() as conn:
            if not cache:
                conn.execution_options(compiled_cache=None)
            result = conn.execute(stmt)
            keys = list(result.keys())  # once: RowMapping -> dict rebuilds the key view for every row
            return [dict(zip(keys, row)) for row in result.fetchall()]  # one driver call, not one per row

    def table_rows(self, name: str) -> list[dict[str, Any]]:
        table = getattr(s, name)
        return self._rows(select(table).order_by(*table.primary_key.columns))

    def entity_table(self) -> list[dict[str, Any]]:
        return self._rows(select(s.entities).order_by(s.entities.c.key))

    def story_export_rows(self) -> Iterator[dict[str, Any]]:
        members: dict[str, list[str]] = defaultdict(list)
        for a in self._rows(select(s.articles.c.id, s.articles.c.story_id).order_by(s.articles.c.id)):
            if a["story_id"]:
                members[a["story_id"]].append(a["id"])
        events: dict[str, list[str]] = defaultdict(list)
        story_of = {aid: sid for sid, ids in members.items() for aid in ids}
        for e in self._rows(select(s.events.c.id, s.events.c.article_id, s.events.c.merged_into)):
            if not e["merged_into"] and e["article_id"] in story_of:
                events[story_of[e["article_id"]]].append(e["id"])
        for st in self.table_rows("stories"):
            yield {"id": st["id"], "title": st["title"], "date": st["date"], "end_date": st["end_date"],
                   "place": st["place"], "articles": members.get(st["id"], []),
                   "events": sorted(events.get(st["id"], [])), "summary": st["summary"]}

    # -- corpus linking: duplicates ------------------------------------------------------------
    def signatures(self) -> list[tuple[str, bytes]]:
        """Every stored MinHash signature as (article_id, bytes), in id order."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.signatures.c.article_id, s.signatures.c.minhash)
                                .order_by(s.signatures.c.article_id))
            return [(r[0], bytes(r[1])) for r in rows]

    def save_signatures(self, rows: dict[str, bytes]) -> None:
        with self.engine.begin() as conn:
            upsert(conn, s.signatures, [{"article_id": k, "minhash": v} for k, v in sorted(rows.items())],
                   ["article_id"])

    def dedup_rows(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        """What duplicate detection reads about articles: outlet, dates, notes and text."""
        a = s.articles
        cols = [a.c.id, a.c.outlet, a.c.url, a.c.published, a.c.title, a.c.text, a.c.dropped, a.c.evidence,
                a.c.duplicate_of]
        return self._in_chunks(select(*cols), a.c.id, ids)

    def duplicate_members(self, roots: Iterable[str]) -> list[str]:
        """Ids of articles recorded as copies of any of ``roots``."""
        a = s.articles
        return sorted(r["id"] for r in self._in_chunks(select(a.c.id), a.c.duplicate_of, roots))

    def set_duplicate_of(self, mapping: dict[str, str | None]) -> None:
        with self.engine.begin() as conn:
            for aid, orig in sorted(mapping.items()):
                conn.execute(s.articles.update().where(s.articles.c.id == aid).values(duplicate_of=orig))

    def original_of(self) -> dict[str, str]:
        """article id -> the original it copies, for every copy in the store."""
        a = s.articles
        return {r["id"]: r["duplicate_of"] for r in self._rows(select(a.c.id, a.c.duplicate_of)
                                                               .where(a.c.duplicate_of.is_not(None)))}

    # -- corpus linking: events ----------------------------------------------------------------
    def events_of(self, article_ids: Iterable[str]) -> list[dict[str, Any]]:
        """Event rows of these articles, with the article's publication date and copy link."""
        e, a = s.events, s.articles
        stmt = (select(e, a.c.published.label("published"), a.c.duplicate_of.label("duplicate_of"))
                .join(a, a.c.id == e.c.article_id))
        return sorted(self._in_chunks(stmt, e.c.article_id, article_ids), key=lambda r: r["id"])

    def merge_candidates(self, types: Iterable[str], years: Iterable[str]) -> list[dict[str, Any]]:
        """Dated events of these types whose date starts with one of these years."""
        e, a = s.events, s.articles
        years = sorted(set(years))
        if not years:
            return []
        stmt = (select(e, a.c.published.label("published"), a.c.duplicate_of.label("duplicate_of"))
                .join(a, a.c.id == e.c.article_id)
                .where(e.c.date.is_not(None), func.substr(e.c.date, 1, 4).in_(years)))
        return sorted(self._in_chunks(stmt, e.c.type, types), key=lambda r: r["id"])

    def merge_candidates_near(self, windows: Iterable[tuple[str, str, str, list[str]]]) -> list[dict[str, Any]]:
        """Dated events that could be one of the new ones, read through the ``events.date`` index.

        ``windows``: (type, lo, hi, coarser dates) per new event: events of that type dated within
        [lo, hi] or at one of the coarser dates (its month, its year); then the groups they belong to.
        """
        e, a = s.events, s.articles
        base = (select(e, a.c.published.label("published"), a.c.duplicate_of.label("duplicate_of"))
                .join(a, a.c.id == e.c.article_id))
        found: dict[str, dict[str, Any]] = {}
        windows = sorted(set((t, lo, hi, tuple(c)) for t, lo, hi, c in windows))
        for i in range(0, len(windows), 50):
            conds = [and_(e.c.type == t, or_(e.c.date.between(lo, hi), e.c.date.in_(list(coarse))))
                     for t, lo, hi, coarse in windows[i:i + 50]]
            for r in self._rows(base.where(or_(*conds)), cache=False):
                found[r["id"]] = r
        # whole groups: the events these were merged into, and those merged into them
        roots = {r["merged_into"] or r["id"] for r in found.values()}
        for r in self._in_chunks(base, e.c.id, roots - set(found)) + self._in_chunks(base, e.c.merged_into, roots):
            found.setdefault(r["id"], r)
        return sorted((r for r in found.values() if r["date"]), key=lambda r: r["id"])

    def set_merged_into(self, mapping: dict[str, str | None]) -> None:
        with self.engine.begin() as conn:
            for eid, canon in sorted(mapping.items()):
                conn.execute(s.events.update().where(s.events.c.id == eid).values(merged_into=canon))

    def entity_info(self, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Entity rows by key, with ``canonical`` from cross-document links (or the key itself)."""
        keys = sorted({k for k in keys if k})
        rows = {r["key"]: {**r, "canonical": r["key"]} for r in self._in_chunks(select(s.entities), s.entities.c.key, keys)}
        for link in self._in_chunks(select(s.entity_links), s.entity_links.c.key, keys):
            rows.setdefault(link["key"], {"key": link["key"], "type": None, "country": None})["canonical"] = link["canonical"]
        return rows

    def find_entities(self, name: str) -> list[dict[str, Any]]:
        """Stored entities whose key, QID or name equals ``name`` (case-insensitive)."""
        en = s.entities
        return self._rows(select(en).where(or_(func.lower(en.c.name) == name.lower(), en.c.key == name,
                                              en.c.wikidata == name)).order_by(en.c.key))

    # -- corpus linking: stories ---------------------------------------------------------------
    def story_inputs(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Per article: metadata, text, mentions, places, times and events, as story clustering reads them."""
        ids = sorted(set(ids))
        a = s.articles
        cols = [a.c.id, a.c.title, a.c.outlet, a.c.published, a.c.dateline, a.c.dateline_day, a.c.text,
                a.c.duplicate_of, a.c.story_id]
        out = {r["id"]: {**r, "mentions": [], "places": [], "times": [], "events": []}
               for r in self._in_chunks(select(*cols), a.c.id, ids)}
        m = s.mentions
        for r in self._in_chunks(select(m.c.article_id, m.c.entity, m.c.start), m.c.article_id, ids):
            out[r["article_id"]]["mentions"].append(r)
        p = s.places
        for r in self._in_chunks(select(p.c.article_id, p.c.entity, p.c.name, p.c.country, p.c.lat, p.c.lon,
                                        p.c.feature, p.c.start), p.c.article_id, ids):
            out[r["article_id"]]["places"].append(r)
        t = s.times
        for r in self._in_chunks(select(t.c.article_id, t.c.value, t.c.precision, t.c.start), t.c.article_id, ids):
            out[r["article_id"]]["times"].append(r)
        for r in self._in_chunks(select(s.events), s.events.c.article_id, ids):
            out[r["article_id"]]["events"].append(r)
        for rec in out.values():
            for k in ("mentions", "places", "times"):
                rec[k].sort(key=lambda r: r["start"])
            rec["events"].sort(key=lambda r: int(r["id"].rsplit("-e", 1)[1]))  # extraction order
        return out

    def stories_between(self, lo: str | None, hi: str | None) -> list[dict[str, Any]]:
        """Stories whose [date, end_date] overlaps [lo, hi], plus undated stories."""
        st = s.stories
        stmt = select(st)
        if lo and hi:
            stmt = stmt.where(or_(st.c.date.is_(None),
                                  and_(st.c.date <= hi, func.coalesce(st.c.end_date, st.c.date) >= lo)))
        return self._rows(stmt.order_by(st.c.id))

    def story_members(self, story_ids: Iterable[str]) -> dict[str, list[str]]:
        a = s.articles
        out: dict[str, list[str]] = defaultdict(list)
        for r in self._in_chunks(select(a.c.id, a.c.story_id), a.c.story_id, story_ids):
            out[r["story_id"]].append(r["id"])
        return {k: sorted(v) for k, v in out.items()}

    def save_stories(self, stories: list[dict[str, Any]], assign: dict[str, str]) -> None:
        """Upsert story rows and set ``articles.story_id`` in one transaction."""
        with self.engine.begin() as conn:
            upsert(conn, s.stories, [{**st, "updated_at": now()} for st in stories], ["id"])
            for aid, sid in sorted(assign.items()):
                conn.execute(s.articles.update().where(s.articles.c.id == aid).values(story_id=sid))

    def term_stats(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {r[0]: r[1] for r in conn.execute(select(s.term_stats.c.term, s.term_stats.c.df))}

    def add_term_counts(self, counts: dict[str, int]) -> None:
        """Add to the document frequencies of terms (one bulk upsert)."""
        if not counts:
            return
        rows = [{"term": k, "df": v} for k, v in sorted(counts.items())]
        with self.engine.begin() as conn:
            mod = sqlite if conn.dialect.name == "sqlite" else postgresql
            stmt = mod.insert(s.term_stats)
            stmt = stmt.on_conflict_do_update(index_elements=["term"], set_={"df": s.term_stats.c.df + stmt.excluded.df})
            conn.execute(stmt, rows)

    def story_page(self, limit: int, offset: int = 0) -> list[dict[str, Any]]:
        """One page of :meth:`story_list` (same order), reading only that page's stories and members."""
        st, a = s.stories, s.articles
        page = self._rows(select(st.c.id, st.c.title, st.c.date, st.c.end_date, st.c.place)
                          .order_by(func.coalesce(st.c.date, "").desc(), st.c.id.desc()).limit(limit).offset(offset))
        members: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in self._in_chunks(select(a.c.id, a.c.outlet, a.c.story_id, a.c.duplicate_of), a.c.story_id,
                                 [p["id"] for p in page]):
            members[r["story_id"]].append(r)
        out = []
        for row in page:
            ms = sorted(members.get(row["id"], []), key=lambda m: m["id"])
            originals = [m for m in ms if not m["duplicate_of"]]
            out.append({**row, "articles": [m["id"] for m in ms], "sources": len(originals),
                        "outlets": sorted({m["outlet"] for m in originals if m["outlet"]})})
        return out

    def count_stories(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(s.stories)).scalar_one()

    def subtract_term_counts(self, counts: dict[str, int]) -> None:
        """Take document frequencies back (a deleted or re-clustered article); never below zero."""
        ts = s.term_stats
        with self.engine.begin() as conn:
            for term, n in sorted(counts.items()):
                conn.execute(ts.update().where(ts.c.term == term)
                             .values(df=func.max(ts.c.df - n, 0) if conn.dialect.name == "sqlite"
                                     else func.greatest(ts.c.df - n, 0)))

    def story_list(self) -> list[dict[str, Any]]:
        """Stories with their article count and outlets (copies not counted), newest first."""
        a = s.articles
        members: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in self._rows(select(a.c.id, a.c.outlet, a.c.story_id, a.c.duplicate_of)
                            .where(a.c.story_id.is_not(None)).order_by(a.c.id)):
            members[r["story_id"]].append(r)
        out = []
        for st in self._rows(select(s.stories.c.id, s.stories.c.title, s.stories.c.date, s.stories.c.end_date,
                                    s.stories.c.place)):
            ms = members.get(st["id"], [])
            originals = [m for m in ms if not m["duplicate_of"]]
            out.append({**st, "articles": [m["id"] for m in ms], "sources": len(originals),
                        "outlets": sorted({m["outlet"] for m in originals if m["outlet"]})})
        out.sort(key=lambda r: (r["date"] or "", r["id"]), reverse=True)
        return out

    # -- timelines -----------------------------------------------------------------------------
    def timeline_events(self, statuses: Iterable[str], countries: Iterable[str],
                        entities: Iterable[str]) -> list[dict[str, Any]]:
        """Events of these statuses with a party in ``countries`` or ``entities``, with article info."""
        e, a = s.events, s.articles
        countries, entities = sorted(set(countries)), sorted(set(entities))
        conds = []
        if countries:
            conds += [e.c.actor_country.in_(countries), e.c.target_country.in_(countries)]
        if entities:
            conds += [e.c.actor_entity.in_(entities), e.c.target_entity.in_(entities)]
        if not conds:
            return []
        stmt = (select(e, a.c.published.label("published"), a.c.duplicate_of.label("duplicate_of"),
                       a.c.outlet.label("outlet"))
                .join(a, a.c.id == e.c.article_id)
                .where(e.c.status.in_(sorted(set(statuses))), or_(*conds)).order_by(e.c.id))
        return self._rows(stmt)

    def events_with_status(self, statuses: Iterable[str]) -> list[dict[str, Any]]:
        """Every event of these statuses, with article info (the corpus-wide timeline)."""
        e, a = s.events, s.articles
        stmt = (select(e, a.c.published.label("published"), a.c.duplicate_of.label("duplicate_of"),
                       a.c.outlet.label("outlet"))
                .join(a, a.c.id == e.c.article_id).where(e.c.status.in_(sorted(set(statuses)))).order_by(e.c.id))
        return self._rows(stmt)

    def mention_spans(self, keys: Iterable[str]) -> list[dict[str, Any]]:
        """Where these entities are mentioned: article_id, start, end, entity."""
        m = s.mentions
        stmt = select(m.c.article_id, m.c.start, m.c.end, m.c.entity)
        return sorted(self._in_chunks(stmt, m.c.entity, keys), key=lambda r: (r["article_id"], r["start"]))

    def day_references(self, article_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Day-precision time expressions (all, or of these articles), with the article's date and copy link."""
        t, a = s.times, s.articles
        stmt = (select(t.c.article_id, t.c.start, t.c.end, t.c.text, t.c.value, a.c.published.label("published"),
                       a.c.duplicate_of.label("duplicate_of"))
                .join(a, a.c.id == t.c.article_id).where(t.c.precision == "day", t.c.value.is_not(None)))
        rows = self._rows(stmt) if article_ids is None else self._in_chunks(stmt, t.c.article_id, article_ids)
        return sorted(rows, key=lambda r: (r["article_id"], r["start"]))

    def article_heads(self, ids: Iterable[str] | None = None, text: bool = False) -> dict[str, dict[str, Any]]:
        """id -> title, outlet, url, published, duplicate_of (and text, sentences when ``text``)."""
        a = s.articles
        cols = [a.c.id, a.c.title, a.c.outlet, a.c.url, a.c.published, a.c.duplicate_of]
        if text:
            cols += [a.c.text, a.c.sentences, a.c.evidence]
        rows = self._rows(select(*cols)) if ids is None else self._in_chunks(select(*cols), a.c.id, ids)
        return {r["id"]: r for r in rows}

    def _in_chunks(self, stmt: Any, column: Any, values: Iterable[Any], size: int = 500) -> list[dict[str, Any]]:
        """Run ``stmt`` with ``column IN values`` in chunks (SQLite caps bound parameters)."""
        values = sorted(set(values))
        out: list[dict[str, Any]] = []
        for i in range(0, len(values), size):
            out += self._rows(stmt.where(column.in_(values[i:i + size])))
        return out

    def _in_tuples(self, cols: list[Any], column: Any, values: Iterable[Any], size: int = 500) -> list[Any]:
        """The values of ``cols`` (columns of ``column``'s table) of the rows with ``column IN values``,
        one tuple per row, in chunks as :meth:`_in_chunks` runs them: what big reads build their own
        dicts from (one dict per row, not one from SQLAlchemy and another merged from it).

        SQLite: the driver's statement (no IN list to render and bind per chunk, no per-row processing),
        each value converted as its column type converts it (JSON text decoded by json.loads); other
        databases read through SQLAlchemy."""
        values = sorted(set(values))
        out: list[Any] = []
        with self.engine.connect() as conn, paused_gc():
            dialect = conn.dialect
            if dialect.name != "sqlite":
                for i in range(0, len(values), size):
                    out += conn.execute(select(*cols).where(column.in_(values[i:i + size]))).all()
                return out
            q = dialect.identifier_preparer.quote
            head = f"SELECT {', '.join(q(c.name) for c in cols)} FROM {q(column.table.name)} WHERE {q(column.name)}"
            for i in range(0, len(values), size):
                chunk = values[i:i + size]
                out += conn.exec_driver_sql(f"{head} IN ({', '.join('?' * len(chunk))})", tuple(chunk)).all()
            procs = [(n, p) for n, p in ((n, _processor(c.type, dialect)) for n, c in enumerate(cols)) if p]
            if not procs:
                return out
            rows = []
            for row in out:
                row = list(row)
                for n, p in procs:
                    row[n] = p(row[n])
                rows.append(row)
            return rows

    def events_by_id(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        return sorted(self._in_chunks(select(s.events), s.events.c.id, ids), key=lambda r: r["id"])

    def linked_keys(self, canonical: Iterable[str]) -> set[str]:
        """Entity keys resolved (cross-document) to any of these canonical keys."""
        return {r["key"] for r in self._in_chunks(select(s.entity_links.c.key), s.entity_links.c.canonical, canonical)}


def _processor(type_: Any, dialect: Any) -> Any:
    """What SQLAlchemy applies to a value of this column type read on ``dialect`` (None: nothing); JSON
    text goes straight to json.loads, which is what the JSON type calls for it."""
    proc = type_.dialect_impl(dialect).result_processor(dialect, None)
    if proc is None or not isinstance(type_, JSON) or dialect._json_deserializer is not None:
        return proc
    return lambda v: json.loads(v) if v.__class__ is str else proc(v)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a big read builds its rows: the tuples, dicts and decoded JSON
    it makes hold no cycles, yet each few hundred of them would start a collection pass over the heap
    (the loaded models make it large); the collector runs again as soon as the read is done."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
