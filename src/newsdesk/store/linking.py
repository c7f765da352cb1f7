"""The durable link queue and the persisted indexes incremental linking reads (migration 0005).

``link_queue`` rows are written with the article (same transaction) and removed by the transaction
that links it; ``minhash_bands`` (LSH band keys), ``name_keys`` (PERSON blocking keys) and ``claims``
(per-amount comparison features with a block key) let a new article meet only its neighbourhood.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, or_, select
from sqlalchemy.engine import Engine

from . import schema as s
from .core import insert_ignore, now


def _chunks(values: Iterable[Any], size: int = 500) -> list[list[Any]]:
    values = sorted(set(values))
    return [values[i:i + size] for i in range(0, len(values), size)]


class LinkQueries:
    engine: Engine

    # -- the queues: articles to link, stories to synthesise -----------------------------------
    def _queued(self, column: Any, limit: int | None) -> list[str]:
        stmt = select(column).order_by(column)
        with self.engine.connect() as conn:
            return list(conn.execute(stmt.limit(limit) if limit else stmt).scalars())

    def _queue_size(self, table: Any) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(table)).scalar_one()

    def _dequeue(self, column: Any, ids: Iterable[str]) -> None:
        with self.engine.begin() as conn:
            for chunk in _chunks(ids):
                conn.execute(delete(column.table).where(column.in_(chunk)))

    def pending_links(self, limit: int | None = None) -> list[str]:
        """Ids of stored articles not linked yet, in id order (the order linking takes them)."""
        return self._queued(s.link_queue.c.article_id, limit)

    def count_pending(self) -> int:
        return self._queue_size(s.link_queue)

    def mark_linked(self, ids: Iterable[str]) -> None:
        self._dequeue(s.link_queue.c.article_id, ids)

    def queue_synthesis(self, story_ids: Iterable[str]) -> None:
        """Mark these stories for synthesis (in the caller's transaction: with the links that touched them)."""
        with self.engine.begin() as conn:
            insert_ignore(conn, s.synthesis_queue, [{"story_id": sid, "queued_at": now()} for sid in sorted(set(story_ids))])

    def pending_synthesis(self, limit: int | None = None) -> list[str]:
        """Ids of the stories waiting for synthesis, in id order."""
        return self._queued(s.synthesis_queue.c.story_id, limit)

    def count_pending_synthesis(self) -> int:
        return self._queue_size(s.synthesis_queue)

    def mark_synthesized(self, story_ids: Iterable[str]) -> None:
        self._dequeue(s.synthesis_queue.c.story_id, story_ids)

    def integrity(self) -> dict[str, int]:
        """Counts of what should be zero in a fully linked store (besides pending links)."""
        a, q = s.articles, s.link_queue
        orig = a.alias("orig")
        with self.engine.connect() as conn:
            def n(stmt: Any) -> int:
                return conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
            queued = select(q.c.article_id)
            return {
                "unlinked_not_queued": n(select(a.c.id).where(a.c.story_id.is_(None), a.c.id.not_in(queued))),
                "copies_of_missing": n(select(a.c.id).where(a.c.duplicate_of.is_not(None),
                                                            a.c.duplicate_of.not_in(select(orig.c.id)))),
                "members_of_missing_story": n(select(a.c.id).where(a.c.story_id.is_not(None),
                                                                   a.c.story_id.not_in(select(s.stories.c.id)))),
                "unsigned": n(select(a.c.id).where(a.c.id.not_in(select(s.signatures.c.article_id)),
                                                   a.c.id.not_in(queued))),
            }

    # -- MinHash bands -------------------------------------------------------------------------
    def band_candidates(self, bands: Iterable[int], exclude: Iterable[str] = ()) -> list[str]:
        """Ids of articles sharing at least one band key (``exclude`` left out), in id order."""
        b = s.minhash_bands
        out: set[str] = set()
        with self.engine.connect() as conn:
            sqlite = conn.dialect.name == "sqlite"
            for chunk in _chunks(bands):
                if sqlite:  # the driver's statement: each new article asks once, the IN list rendered by
                    # SQLAlchemy cost as much as the index lookups (as story_keys' reads, store/stories.py)
                    out.update(r[0] for r in conn.exec_driver_sql(
                        f"SELECT DISTINCT article_id FROM minhash_bands WHERE band IN ({', '.join('?' * len(chunk))})",
                        tuple(chunk)).all())
                else:
                    out.update(conn.execute(select(b.c.article_id).where(b.c.band.in_(chunk)).distinct()).scalars())
        return sorted(out - set(exclude))

    def band_members(self, bands: Iterable[int]) -> dict[int, set[str]]:
        """band key -> ids of the stored articles having it (keys no article has are left out)."""
        b = s.minhash_bands
        out: dict[int, set[str]] = {}
        with self.engine.connect() as conn:
            sqlite = conn.dialect.name == "sqlite"
            for chunk in _chunks(bands):
                rows = (conn.exec_driver_sql(
                    f"SELECT band, article_id FROM minhash_bands WHERE band IN ({', '.join('?' * len(chunk))})",
                    tuple(chunk)) if sqlite else conn.execute(select(b.c.band, b.c.article_id).where(b.c.band.in_(chunk))))
                for band, aid in rows.all():
                    out.setdefault(band, set()).add(aid)
        return out

    def save_bands(self, rows: dict[str, list[int]]) -> None:
        """Replace the band keys of these articles."""
        with self.engine.begin() as conn:
            for chunk in _chunks(rows):
                conn.execute(delete(s.minhash_bands).where(s.minhash_bands.c.article_id.in_(chunk)))
            insert_ignore(conn, s.minhash_bands, [{"band": band, "article_id": aid}
                                                  for aid, bands in sorted(rows.items()) for band in sorted(set(bands))])

    def signatures_of(self, ids: Iterable[str]) -> dict[str, bytes]:
        sg = s.signatures
        out: dict[str, bytes] = {}
        chunks = _chunks(ids)
        if not chunks:  # most new articles have no candidate left to read: no connection to check out
            return out
        with self.engine.connect() as conn:
            for chunk in chunks:
                for r in conn.execute(select(sg.c.article_id, sg.c.minhash).where(sg.c.article_id.in_(chunk))):
                    out[r[0]] = bytes(r[1])
        return out

    # -- PERSON name keys ----------------------------------------------------------------------
    def article_people(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        """(article_id, key, name) of PERSON entities mentioned in these articles."""
        e, m = s.entities, s.mentions
        out: list[dict[str, Any]] = []
        with self.engine.connect() as conn:
            for chunk in _chunks(ids):
                stmt = (select(m.c.article_id, e.c.key, e.c.name).distinct()
                        .select_from(m.join(e, e.c.key == m.c.entity))
                        .where(e.c.type == "PERSON", m.c.article_id.in_(chunk)))
                out += [dict(r) for r in conn.execute(stmt).mappings()]
        return sorted(out, key=lambda r: (r["article_id"], r["key"]))

    def save_name_keys(self, rows: list[dict[str, str]]) -> None:
        with self.engine.begin() as conn:
            insert_ignore(conn, s.name_keys, rows)

    def entities_with_keys(self, keys: Iterable[str]) -> set[str]:
        nk = s.name_keys
        return {r["entity"] for r in self._in_chunks(select(nk.c.entity).distinct(), nk.c.key, keys)}

    def name_keys_of(self, entities: Iterable[str]) -> set[str]:
        nk = s.name_keys
        return {r["key"] for r in self._in_chunks(select(nk.c.key).distinct(), nk.c.entity, entities)}

    def people(self, keys: Iterable[str]) -> list[dict[str, Any]]:
        """PERSON entities with these keys and the number of articles that mention them."""
        e, m = s.entities, s.mentions
        out: list[dict[str, Any]] = []
        with self.engine.connect() as conn:
            for chunk in _chunks(keys):
                stmt = (select(e.c.key, e.c.name, e.c.country, e.c.wikidata,
                               func.count(func.distinct(m.c.article_id)).label("articles"))
                        .select_from(e.outerjoin(m, m.c.entity == e.c.key))
                        .where(e.c.type == "PERSON", e.c.key.in_(chunk))
                        .group_by(e.c.key, e.c.name, e.c.country, e.c.wikidata))
                out += [dict(r) for r in conn.execute(stmt).mappings()]
        return sorted(out, key=lambda r: r["key"])

    def links_into(self, keys: Iterable[str]) -> dict[str, str]:
        """entity_links rows whose key or canonical is one of ``keys``."""
        el = s.entity_links
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(keys):
                for r in conn.execute(select(el).where(el.c.key.in_(chunk) | el.c.canonical.in_(chunk))):
                    out[r.key] = r.canonical
        return out

    # -- claims --------------------------------------------------------------------------------
    def claim_blocks(self, ids: Iterable[str]) -> set[str]:
        """The cross-story claim blocks of these articles."""
        c = s.claim_blocks
        out: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in _chunks(ids):
                out.update(conn.execute(select(c.c.block).where(c.c.article_id.in_(chunk)).distinct()).scalars())
        return out

    def block_claims(self, blocks: Iterable[str]) -> dict[str, set[str]]:
        """amount id -> its blocks, for every claim in these blocks (with all of its blocks)."""
        c = s.claim_blocks
        amounts: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in _chunks(blocks):
                amounts.update(conn.execute(select(c.c.amount_id).where(c.c.block.in_(chunk)).distinct()).scalars())
        return self.blocks_of(amounts)

    def blocks_of(self, amounts: Iterable[str]) -> dict[str, set[str]]:
        c = s.claim_blocks
        out: dict[str, set[str]] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(amounts):
                for r in conn.execute(select(c.c.amount_id, c.c.block).where(c.c.amount_id.in_(chunk))):
                    out.setdefault(r[0], set()).add(r[1])
        return out

    def amount_values(self, amounts: Iterable[str]) -> dict[str, tuple[float, str]]:
        """amount id -> (value, unit): two columns, so neighbours can be pruned before articles are read."""
        a = s.amounts
        out: dict[str, tuple[float, str]] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(amounts):
                out.update({r[0]: (r[1], r[2]) for r in conn.execute(select(a.c.id, a.c.value, a.c.unit)
                                                                     .where(a.c.id.in_(chunk)))})
        return out

    def save_claim_actors(self, actors: dict[str, tuple[str, set[str], set[str]]]) -> None:
        """Replace the stored actor keys of these claims (amount id -> (article id, blocks, keys))."""
        c = s.claim_actors
        with self.engine.begin() as conn:
            for chunk in _chunks(actors):
                conn.execute(delete(c).where(c.c.amount_id.in_(chunk)))
            rows = [{"amount_id": a, "block": b, "key": k, "article_id": art}
                    for a, (art, blocks, keys) in sorted(actors.items()) for b in sorted(blocks) for k in sorted(keys)]
            if rows:
                conn.execute(c.insert(), rows)

    def claims_naming(self, pairs: Iterable[tuple[str, str]]) -> dict[str, set[tuple[str, str]]]:
        """amount id -> which of these (block, actor key) pairs it has stored."""
        c = s.claim_actors
        by_block: dict[str, list[str]] = {}
        for block, key in sorted(set(pairs)):
            by_block.setdefault(block, []).append(key)
        out: dict[str, set[tuple[str, str]]] = {}
        # an OR of a varying number of blocks is a new statement each time: not kept in the compiled cache,
        # where hundreds of them (each holding its hundreds of parameters) would grow a long run's memory
        with self.engine.connect() as conn:
            conn.execution_options(compiled_cache=None)
            batch: list[Any] = []
            size = 0
            for i, (block, keys) in enumerate(sorted(by_block.items())):
                batch.append(and_(c.c.block == block, c.c.key.in_(keys)))  # an index search per block (OR of them)
                size += 1 + len(keys)
                if size >= 400 or i == len(by_block) - 1:
                    for amount, b, k in conn.execute(select(c.c.amount_id, c.c.block, c.c.key).where(or_(*batch))):
                        out.setdefault(amount, set()).add((b, k))
                    batch, size = [], 0
        return out

    def claim_groups(self, amounts: Iterable[str]) -> dict[str, str | None]:
        c = s.claims
        out: dict[str, str | None] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(amounts):
                out.update({r[0]: r[1] for r in conn.execute(select(c.c.amount_id, c.c.grp).where(c.c.amount_id.in_(chunk)))})
        return out

    def group_stories(self, groups: Iterable[str]) -> dict[str, set[str | None]]:
        """group -> the stories of its claims' articles, its seed's included."""
        c, a = s.claims, s.articles
        out: dict[str, set[str | None]] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(groups):
                for key in (c.c.grp, c.c.amount_id):  # the members, then the seeds themselves
                    stmt = (select(key, a.c.story_id).distinct().select_from(c.join(a, a.c.id == c.c.article_id))
                            .where(key.in_(chunk)))
                    for g, story in conn.execute(stmt):
                        out.setdefault(g, set()).add(story)
        return out

    def groups_with_rows(self, groups: Iterable[str]) -> set[str]:
        """The claim groups that have cross-story rows stored."""
        d = s.discrepancies
        out: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in _chunks(groups):
                out.update(conn.execute(select(d.c.block).distinct()
                                        .where(d.c.story_id.is_(None), d.c.block.in_(chunk))).scalars())
        return out

    def block_amounts_after(self, last: str, limit: int) -> list[str]:
        """The next ``limit`` amount ids (in id order, after ``last``) that have a cross-story block."""
        c = s.claim_blocks
        with self.engine.connect() as conn:
            return list(conn.execute(select(c.c.amount_id).distinct().where(c.c.amount_id > last)
                                     .order_by(c.c.amount_id).limit(limit)).scalars())

    def clear_claim_groups(self) -> None:
        """Forget every claim's group, actor keys and cross-story row (before grouping all claims again)."""
        with self.engine.begin() as conn:
            conn.execute(s.claims.update().where(s.claims.c.grp.is_not(None)).values(grp=None))
            conn.execute(delete(s.discrepancies).where(s.discrepancies.c.story_id.is_(None)))
            conn.execute(delete(s.claim_actors))

    def article_claim_groups(self, articles: Iterable[str]) -> dict[str, str]:
        """amount id -> group, for the grouped claims of these articles."""
        c = s.claims
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(articles):
                out.update({r[0]: r[1] for r in conn.execute(select(c.c.amount_id, c.c.grp)
                                                             .where(c.c.article_id.in_(chunk), c.c.grp.is_not(None)))})
        return out

    def group_members(self, groups: Iterable[str]) -> dict[str, str]:
        """amount id -> group, for every claim of these groups."""
        c = s.claims
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(groups):
                out.update({r[0]: r[1] for r in conn.execute(select(c.c.amount_id, c.c.grp).where(c.c.grp.in_(chunk)))})
        return out

    def save_claim_groups(self, groups: dict[str, str | None]) -> None:
        """Set ``claims.grp``; only the rows whose group changes are written (a kept group is emitted
        again whole, but most of its members keep their group)."""
        c = s.claims
        current = self.claim_groups(groups)
        changed = [{"a": a, "g": g} for a, g in sorted(groups.items()) if a in current and current[a] != g]
        if changed:
            with self.engine.begin() as conn:
                conn.execute(c.update().where(c.c.amount_id == bindparam("a")).values(grp=bindparam("g")), changed)

    def replace_group_discrepancies(self, old_groups: Iterable[str], rows: list[dict[str, Any]]) -> None:
        """Drop the cross-story rows of these claim groups, write ``rows`` (each with its group as ``block``)."""
        d = s.discrepancies
        new = {r["id"]: r for r in rows}
        with self.engine.begin() as conn:
            # a grown group keeps most of its rows as they were: only the rows that differ are rewritten
            stored: dict[str, dict[str, Any]] = {}
            for chunk in _chunks(old_groups):
                stored.update({r["id"]: dict(r) for r in conn.execute(
                    select(d).where(d.c.story_id.is_(None), d.c.block.in_(chunk))).mappings()})
            for chunk in _chunks(set(new) - set(stored)):
                stored.update({r["id"]: dict(r) for r in conn.execute(select(d).where(d.c.id.in_(chunk))).mappings()})
            same = {i for i, r in new.items() if stored.get(i) == {c.name: r.get(c.name) for c in d.c}}
            for chunk in _chunks(set(stored) - same):
                conn.execute(delete(d).where(d.c.id.in_(chunk)))
            write = [new[i] for i in sorted(set(new) - same)]
            if write:
                conn.execute(d.insert(), [{c.name: r.get(c.name) for c in d.c} for r in write])

    def replace_block_discrepancies(self, blocks: Iterable[str], rows: list[dict[str, Any]]) -> None:
        """Drop the cross-story discrepancies of these blocks, write ``rows`` (each with its ``block``)."""
        d = s.discrepancies
        with self.engine.begin() as conn:
            for chunk in _chunks(blocks):
                conn.execute(delete(d).where(d.c.story_id.is_(None), d.c.block.in_(chunk)))
            ids = [r["id"] for r in rows]
            for chunk in _chunks(ids):  # a row found in two blocks is written once
                conn.execute(delete(d).where(d.c.id.in_(chunk)))
            seen: set[str] = set()
            for r in sorted(rows, key=lambda r: r["id"]):
                if r["id"] not in seen:
                    seen.add(r["id"])
                    conn.execute(d.insert().values(**r))

    # -- deleting from a linked corpus ---------------------------------------------------------
    def link_state(self, article_id: str) -> dict[str, Any] | None:
        a = s.articles
        with self.engine.connect() as conn:
            r = conn.execute(select(a.c.id, a.c.story_id, a.c.duplicate_of).where(a.c.id == article_id)).mappings().first()
        return dict(r) if r else None

    def events_merged_into_article(self, article_id: str) -> list[str]:
        """Ids of other articles' events merged into one of this article's events."""
        e = s.events
        mine = select(e.c.id).where(e.c.article_id == article_id)
        with self.engine.connect() as conn:
            return sorted(conn.execute(select(e.c.id).where(e.c.merged_into.in_(mine), e.c.article_id != article_id))
                          .scalars())

    def articles_mentioning(self, keys: Iterable[str]) -> list[str]:
        m = s.mentions
        out: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in _chunks(keys):
                out.update(conn.execute(select(m.c.article_id).where(m.c.entity.in_(chunk)).distinct()).scalars())
        return sorted(out)

    def dissolve_story(self, story_id: str) -> None:
        """Remove a story and what was computed for it; its members are left without a story."""
        with self.engine.begin() as conn:
            conn.execute(s.articles.update().where(s.articles.c.story_id == story_id).values(story_id=None))
            for table in (s.discrepancies, s.quote_groups, s.story_keys, s.story_state):
                conn.execute(delete(table).where(table.c.story_id == story_id))
            conn.execute(delete(s.stories).where(s.stories.c.id == story_id))
