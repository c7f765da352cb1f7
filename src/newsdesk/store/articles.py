"""Per-article reads and writes: articles, their extracted items, rejections, full-text search."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.engine import Connection, Engine

from ..errors import NotFound
from ..records import (
    Amount, ArticleRecord, CleanDoc, Dropped, Entity, Event, Evidence, Meta, Mention, Party, Place, Quote, Span,
    TimeExpr,
)
from . import schema as s
from .core import insert_ignore, now, upsert
from .search import index_terms, query_terms, tsquery

_ITEM_TABLES = {"quotes": (s.quotes, "q"), "amounts": (s.amounts, "a"), "times": (s.times, "t"),
                "places": (s.places, "p"), "events": (s.events, "e")}


def _event_row(ev: Event) -> dict[str, Any]:
    def party(p: Party | None, prefix: str) -> dict[str, Any]:
        return {f"{prefix}_name": p.name if p else None, f"{prefix}_entity": p.entity if p else None,
                f"{prefix}_country": p.country if p else None}
    return {"type": ev.type, "mode": ev.mode, **party(ev.actor, "actor"), **party(ev.target, "target"),
            "date": ev.date, "date_precision": ev.date_precision, "location": ev.location, "status": ev.status,
            "evidence": [asdict(e) for e in ev.evidence], "rule": ev.rule, "confidence": ev.confidence,
            "symmetric": ev.symmetric, "factuality": ev.factuality, "title": ev.title, "date_from": ev.date_from}


def _row_event(row: dict[str, Any]) -> Event:
    def party(prefix: str) -> Party | None:
        if row[f"{prefix}_name"] is None and row[f"{prefix}_entity"] is None and row[f"{prefix}_country"] is None:
            return None
        return Party(row[f"{prefix}_name"], row[f"{prefix}_entity"], row[f"{prefix}_country"])
    return Event(type=row["type"], mode=row["mode"], actor=party("actor") or Party(None, None, None),
                 target=party("target"), date=row["date"], date_precision=row["date_precision"],
                 location=row["location"], status=row["status"], evidence=[Span(**e) for e in row["evidence"]],
                 rule=row["rule"], confidence=row["confidence"], symmetric=row["symmetric"],
                 factuality=row.get("factuality") or "asserted", title=row.get("title"),
                 date_from=row.get("date_from"))


class ArticleQueries:
    engine: Engine

    # -- writes ---------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(s.articles.c.id).where(s.articles.c.id == article_id)).first() is not None

    def save_record(self, rec: ArticleRecord, replace: bool = False) -> bool:
        """Store one article and everything extracted from it in one transaction.

        Returns False (and changes nothing) when the article is already stored and not replaced.
        """
        with self.engine.begin() as conn:
            exists = conn.execute(select(s.articles.c.id).where(s.articles.c.id == rec.id)).first()
            if exists and not replace:
                return False
            if exists:
                self._delete_article(conn, rec.id)
            self._insert_record(conn, rec)
            conn.execute(delete(s.rejections).where(s.rejections.c.source == rec.source))
        return True

    def _insert_record(self, conn: Connection, rec: ArticleRecord) -> None:
        m, c = rec.clean.meta, rec.clean
        conn.execute(s.articles.insert(), {
            "id": rec.id, "source": rec.source, "kind": rec.kind, "url": m.url, "outlet": m.outlet,
            "title": m.title, "subtitle": m.subtitle, "published": m.published, "published_from": m.published_from,
            "authors": m.authors, "dateline": m.dateline, "dateline_day": m.dateline_day, "language": m.language,
            "text": c.text, "raw": rec.raw,
            "encoding": rec.encoding, "source_text": c.source_text, "offsets": [list(o) for o in c.offsets],
            "dropped": [asdict(d) for d in c.dropped], "captions": [asdict(d) for d in c.captions],
            "evidence": {k: asdict(v) for k, v in m.evidence.items()}, "flags": c.flags,
            "sentences": [list(x) for x in rec.sentences], "warnings": rec.warnings,
            "duplicate_of": None, "story_id": None, "ingested_at": now(),
        })
        insert_ignore(conn, s.entities, [asdict(e) for e in rec.entities])
        if rec.mentions:
            conn.execute(s.mentions.insert(), [{"article_id": rec.id, **asdict(x)} for x in rec.mentions])
        for name, (table, letter) in _ITEM_TABLES.items():
            items = getattr(rec, name)
            if not items:
                continue
            rows = [{"id": f"{rec.id}-{letter}{n}", "article_id": rec.id,
                     **(_event_row(x) if name == "events" else asdict(x))} for n, x in enumerate(items)]
            conn.execute(table.insert(), rows)
        if rec.claims:  # comparison features of the amounts (migration 0005)
            conn.execute(s.claims.insert(), [{"amount_id": f"{rec.id}-a{c['amount']}", "article_id": rec.id,
                                              "block": c["block"], "features": c["features"]} for c in rec.claims])
            blocks = [{"block": b, "amount_id": f"{rec.id}-a{c['amount']}", "article_id": rec.id}
                      for c in rec.claims for b in c.get("blocks", [])]
            if blocks:
                conn.execute(s.claim_blocks.insert(), blocks)
        if rec.quote_features:
            conn.execute(s.quote_features.insert(), [{"quote_id": f"{rec.id}-q{f['quote']}", "article_id": rec.id,
                                                      "features": {"lemmas": f["lemmas"], "vector": f["vector"]}}
                                                     for f in rec.quote_features])
        insert_ignore(conn, s.lemma_vectors, [{"lemma": k, "vector": v} for k, v in sorted(rec.lemma_vectors.items())])
        # not linked yet: the linking step takes it from the queue in the transaction that links it
        conn.execute(s.link_queue.insert(), {"article_id": rec.id, "queued_at": now()})
        if conn.dialect.name == "sqlite":
            conn.execute(text("INSERT INTO articles_fts(article_id, title, text) VALUES (:i, :t, :x)"),
                         {"i": rec.id, "t": m.title or "", "x": c.text})
        elif conn.dialect.name == "postgresql":  # migration 0003: the same terms as FTS5
            conn.execute(text("INSERT INTO articles_search(article_id, terms) "
                              "VALUES (:i, array_to_tsvector(CAST(:t AS text[])))"),
                         {"i": rec.id, "t": index_terms(m.title, c.text)})

    def _delete_article(self, conn: Connection, article_id: str) -> None:
        for table in (*s.PER_ARTICLE, s.signatures, s.minhash_bands, s.name_keys, s.claims, s.claim_blocks, s.quote_features,
                      s.link_queue, s.story_vectors, s.claim_actors):
            conn.execute(delete(table).where(table.c.article_id == article_id))
        conn.execute(s.articles.update().where(s.articles.c.duplicate_of == article_id).values(duplicate_of=None))
        conn.execute(delete(s.articles).where(s.articles.c.id == article_id))
        if conn.dialect.name == "sqlite":
            conn.execute(text("DELETE FROM articles_fts WHERE article_id = :i"), {"i": article_id})
        # PostgreSQL: articles_search rows go with the article (ON DELETE CASCADE)

    def delete_article(self, article_id: str) -> None:
        """Remove an article and everything derived from it."""
        with self.engine.begin() as conn:
            if not conn.execute(select(s.articles.c.id).where(s.articles.c.id == article_id)).first():
                raise NotFound(f"no article {article_id!r}")
            self._delete_article(conn, article_id)

    def record_rejection(self, source: str, reason: str) -> None:
        with self.engine.begin() as conn:
            upsert(conn, s.rejections, [{"source": source, "reason": reason, "at": now()}], ["source"])

    # -- reads ----------------------------------------------------------------------------
    def rejections(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.rejections).order_by(s.rejections.c.source)).mappings()
            return [dict(r) for r in rows]

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(s.articles)).scalar_one()

    def article_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(s.articles.c.id).order_by(s.articles.c.id)).scalars())

    def list_articles(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                      story: str | None = None, entity: str | None = None, query: str | None = None,
                      limit: int | None = None) -> list[dict[str, Any]]:
        """Article summaries ordered by (published desc, id): one page of ``articles_page``, unbounded."""
        rows, _ = self.articles_page(outlet=outlet, since=since, until=until, story=story,  # type: ignore[attr-defined]
                                     entities=[entity] if entity else (), query=query, limit=limit or 10**9)
        return rows

    def _fts_ids(self, query: str) -> list[str]:
        """Article ids matching a full-text query: every word must occur (FTS5 on SQLite, a GIN-indexed
        tsvector of the same terms on PostgreSQL, LIKE elsewhere)."""
        words = [w for w in "".join(ch if ch.isalnum() else " " for ch in query).split() if w]
        if not words:
            return []
        with self.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                match = " ".join(f'"{w}"' for w in words)  # quoted terms: no FTS syntax from users
                rows = conn.execute(text("SELECT article_id FROM articles_fts WHERE articles_fts MATCH :q"),
                                    {"q": match})
                return [r[0] for r in rows]
            if conn.dialect.name == "postgresql":
                terms = query_terms(words)
                if not terms:
                    return []
                rows = conn.execute(text("SELECT article_id FROM articles_search WHERE terms @@ CAST(:q AS tsquery)"),
                                    {"q": tsquery(terms)})
                return [r[0] for r in rows]
            stmt = select(s.articles.c.id)
            for w in words:
                stmt = stmt.where(s.articles.c.text.ilike(f"%{w}%"))
            return list(conn.execute(stmt).scalars())

    def _all(self, stmt: Any) -> list[Any]:
        with self.engine.connect() as conn:
            return list(conn.execute(stmt).mappings())

    def article_row(self, article_id: str) -> dict[str, Any]:
        rows = self._all(select(s.articles).where(s.articles.c.id == article_id))
        if not rows:
            raise NotFound(f"no article {article_id!r}")
        return dict(rows[0])

    def items(self, name: str, article_id: str | None = None) -> list[dict[str, Any]]:
        """Rows of one per-article table (quotes, amounts, times, places, events, mentions)."""
        table = getattr(s, name)
        stmt = select(table)
        if article_id is not None:
            stmt = stmt.where(table.c.article_id == article_id)
        # id last: rows at one offset come out in the same order on every back end
        order = [table.c.article_id, table.c.start, table.c.id] if "start" in table.c else [table.c.article_id, table.c.id]
        return [dict(r) for r in self._all(stmt.order_by(*order))]

    def get_record(self, article_id: str) -> ArticleRecord:
        """Rebuild the ArticleRecord that was stored."""
        row = self.article_row(article_id)
        meta = Meta(title=row["title"], subtitle=row["subtitle"], outlet=row["outlet"], url=row["url"],
                    authors=row["authors"], published=row["published"], published_from=row["published_from"],
                    dateline=row["dateline"], dateline_day=row.get("dateline_day"), language=row["language"],
                    evidence={k: Evidence(**v) for k, v in row["evidence"].items()})
        clean = CleanDoc(text=row["text"], source_text=row["source_text"],
                         offsets=[tuple(o) for o in row["offsets"]], dropped=[Dropped(**d) for d in row["dropped"]],
                         captions=[Dropped(**d) for d in row["captions"]], meta=meta, flags=row["flags"])

        def strip(r: dict[str, Any]) -> dict[str, Any]:
            return {k: v for k, v in r.items() if k not in ("id", "article_id")}
        ents = self._all(select(s.entities).where(s.entities.c.key.in_(
            select(s.mentions.c.entity).where(s.mentions.c.article_id == article_id))).order_by(s.entities.c.key))
        return ArticleRecord(
            id=row["id"], source=row["source"], kind=row["kind"], raw=row["raw"], encoding=row["encoding"],
            clean=clean, entities=[Entity(**dict(e)) for e in ents],
            mentions=[Mention(**strip(r)) for r in self.items("mentions", article_id)],
            quotes=[Quote(**strip(r)) for r in self.items("quotes", article_id)],
            amounts=[Amount(**strip(r)) for r in self.items("amounts", article_id)],
            times=[TimeExpr(**strip(r)) for r in self.items("times", article_id)],
            places=[Place(**strip(r)) for r in self.items("places", article_id)],
            events=[_row_event(r) for r in sorted(self.items("events", article_id), key=lambda r: int(r["id"].rsplit("-e", 1)[1]))],
            sentences=[tuple(x) for x in row["sentences"]], warnings=row["warnings"],
            claims=self._claims_of(article_id), **self._quote_features_of(article_id),
        )

    def _quote_features_of(self, article_id: str) -> dict[str, Any]:
        rows = self._all(select(s.quote_features).where(s.quote_features.c.article_id == article_id))
        feats = sorted(({"quote": int(r["quote_id"].rsplit("-q", 1)[1]), **r["features"]} for r in rows),
                       key=lambda f: f["quote"])
        lemmas = sorted({w for f in feats for w in f["lemmas"]})
        vecs = {r["lemma"]: r["vector"] for r in self._all(select(s.lemma_vectors).where(s.lemma_vectors.c.lemma.in_(lemmas)))} \
            if lemmas else {}
        return {"quote_features": feats, "lemma_vectors": vecs}

    def _claims_of(self, article_id: str) -> list[dict[str, Any]]:
        rows = self._all(select(s.claims).where(s.claims.c.article_id == article_id))
        blocks: dict[str, list[str]] = {}
        for b in self._all(select(s.claim_blocks).where(s.claim_blocks.c.article_id == article_id)
                           .order_by(s.claim_blocks.c.block)):
            blocks.setdefault(b["amount_id"], []).append(b["block"])
        out = [{"amount": int(r["amount_id"].rsplit("-a", 1)[1]), "block": r["block"], "features": r["features"],
                "blocks": blocks.get(r["amount_id"], [])} for r in rows]
        return sorted(out, key=lambda c: c["amount"])

    def iter_records(self) -> Iterator[ArticleRecord]:
        for article_id in self.article_ids():
            yield self.get_record(article_id)

    def resolve_article_id(self, prefix: str) -> str:
        """Full id from a unique prefix (users copy short ids from tables)."""
        with self.engine.connect() as conn:
            ids = list(conn.execute(select(s.articles.c.id).where(s.articles.c.id.startswith(prefix, autoescape=True))
                                    .limit(2)).scalars())
        if len(ids) != 1:
            raise NotFound(f"no article {prefix!r}" if not ids else f"article id {prefix!r} is ambiguous")
        return ids[0]
