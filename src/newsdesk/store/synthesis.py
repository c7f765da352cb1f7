"""Reads and writes for cross-source synthesis: briefings, summaries, discrepancies, quote groups."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import bindparam, delete, select
from sqlalchemy.engine import Engine

from . import schema as s
from .core import now, upsert
from .corpus import paused_gc


class SynthesisQueries:
    """Mixin of :class:`newsdesk.store.Store` (needs ``_rows``, ``_in_chunks`` and ``engine``)."""

    engine: Engine

    # -- reads ---------------------------------------------------------------------------------
    def synthesis_articles(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        """Article fields synthesis reads (text, sentences, outlet, dates, anchor evidence, copy and story links)."""
        a = s.articles
        cols = [a.c.id, a.c.outlet, a.c.url, a.c.title, a.c.published, a.c.text, a.c.sentences,
                a.c.duplicate_of, a.c.story_id, a.c.evidence]
        return sorted(self._dicts(cols, a.c.id, ids), key=lambda r: r["id"])

    def synthesis_items(self, name: str, ids: Iterable[str]) -> list[dict[str, Any]]:
        """Rows of a per-article table (quotes, amounts, events, mentions) for these articles."""
        table = getattr(s, name)
        ids = sorted(set(ids))  # read twice for amounts and quotes
        if name == "amounts":  # with the pipeline's comparison features (None: stored before they existed)
            c = s.claims.c
            feats = dict(self._in_tuples([c.amount_id, c.features], c.article_id, ids))
            rows = self._dicts(list(table.c), table.c.article_id, ids, "claim", feats)
        elif name == "quotes":  # with the pipeline's content lemmas and their word vectors (None: older stores)
            qc, lv = s.quote_features.c, s.lemma_vectors.c
            qf = dict(self._in_tuples([qc.quote_id, qc.features], qc.article_id, ids))
            vecs = dict(self._in_tuples([lv.lemma, lv.vector], lv.lemma, {w for f in qf.values() for w in f["lemmas"]}))
            content = {q: {**f, "vectors": {w: vecs[w] for w in f["lemmas"] if w in vecs}} for q, f in qf.items()}
            rows = self._dicts(list(table.c), table.c.article_id, ids, "content", content)
        else:
            rows = self._dicts(list(table.c), table.c.article_id, ids)
        key = (lambda r: (r["article_id"], r["start"], str(r["id"]))) if "start" in table.c else \
            (lambda r: (r["article_id"], str(r["id"])))
        return sorted(rows, key=key)

    def claim_articles(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        """What building claims reads of their articles: text, sentences, outlet, copy and story links."""
        a = s.articles
        cols = [a.c.id, a.c.outlet, a.c.text, a.c.sentences, a.c.duplicate_of, a.c.story_id]
        return sorted(self._dicts(cols, a.c.id, ids), key=lambda r: r["id"])

    def claim_amounts(self, amount_ids: Iterable[str]) -> list[dict[str, Any]]:
        """These amounts' rows with their comparison features (``claim``), in synthesis_items' order: a
        claim group reads its own members, not every amount of their articles."""
        amount_ids, c = sorted(set(amount_ids)), s.claims.c
        feats = dict(self._in_tuples([c.amount_id, c.features], c.amount_id, amount_ids))
        rows = self._dicts(list(s.amounts.c), s.amounts.c.id, amount_ids, "claim", feats)
        return sorted(rows, key=lambda r: (r["article_id"], r["start"], str(r["id"])))

    def _dicts(self, cols: list[Any], column: Any, ids: Iterable[str], extra: str | None = None,
               by_id: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """The rows of ``cols`` with ``column IN ids`` as dicts (what ``_in_chunks`` gives), and when asked
        an ``extra`` key last, from ``by_id`` by the row's id (None when absent), built in the same pass."""
        keys = [c.name for c in cols]
        rows = self._in_tuples(cols, column, ids)
        with paused_gc():  # thousands of dicts: see paused_gc
            if extra is None:
                return [dict(zip(keys, r)) for r in rows]
            n, got, keys = keys.index("id"), (by_id or {}).get, [*keys, extra]
            return [dict(zip(keys, (*r, got(r[n])))) for r in rows]

    def article_outlets(self, ids: Iterable[str]) -> dict[str, str | None]:
        """id -> outlet (names the original of a copy that lies outside the briefing)."""
        a = s.articles
        return dict(self._in_tuples([a.c.id, a.c.outlet], a.c.id, ids))

    def story_ids(self) -> list[str]:
        return [r["id"] for r in self._rows(select(s.stories.c.id).order_by(s.stories.c.id))]

    def story_row(self, story_id: str) -> dict[str, Any] | None:
        rows = self._rows(select(s.stories).where(s.stories.c.id == story_id))
        return rows[0] if rows else None

    def story_article_ids(self, story_id: str) -> list[str]:
        a = s.articles
        return [r["id"] for r in self._rows(select(a.c.id).where(a.c.story_id == story_id).order_by(a.c.id))]

    def articles_with_entities(self, keys: Iterable[str]) -> dict[str, set[str]]:
        """entity key -> ids of articles mentioning it (mentions, quote speakers, event parties)."""
        keys = sorted(set(keys))
        out: dict[str, set[str]] = defaultdict(set)
        m, q, e = s.mentions, s.quotes, s.events
        for r in self._in_chunks(select(m.c.entity, m.c.article_id), m.c.entity, keys):
            out[r["entity"]].add(r["article_id"])
        for r in self._in_chunks(select(q.c.speaker_entity, q.c.article_id), q.c.speaker_entity, keys):
            out[r["speaker_entity"]].add(r["article_id"])
        for side in ("actor", "target"):
            col = e.c[f"{side}_entity"]
            for r in self._in_chunks(select(col.label("k"), e.c.article_id), col, keys):
                out[r["k"]].add(r["article_id"])
        return out

    def articles_with_country(self, iso3: str) -> set[str]:
        """Ids of articles with an event party of this country."""
        e = s.events
        rows = self._rows(select(e.c.article_id).where((e.c.actor_country == iso3) | (e.c.target_country == iso3)))
        return {r["article_id"] for r in rows}

    def dated_amount_articles(self) -> list[str]:
        """Ids of articles holding at least one amount with a stated period (cross-story candidates)."""
        am = s.amounts
        return sorted({r["article_id"] for r in self._rows(
            select(am.c.article_id).where(am.c.date.is_not(None)).distinct())})

    def entity_rows(self, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        return {r["key"]: r for r in self._dicts(list(s.entities.c), s.entities.c.key, keys)}

    def canonical_keys(self, keys: Iterable[str]) -> dict[str, str]:
        """key -> canonical key from cross-document entity links (keys without a link map to themselves)."""
        keys = sorted({k for k in keys if k})
        out = {k: k for k in keys}
        out.update(self._in_tuples([s.entity_links.c.key, s.entity_links.c.canonical], s.entity_links.c.key, keys))
        return out

    # -- writes --------------------------------------------------------------------------------
    def save_summary(self, story_id: str, summary: list[dict[str, Any]]) -> None:
        with self.engine.begin() as conn:
            conn.execute(s.stories.update().where(s.stories.c.id == story_id)
                         .values(summary=summary, updated_at=now()))

    def save_summaries(self, summaries: dict[str, list[dict[str, Any]]]) -> None:
        """:meth:`save_summary` of each story, in one transaction and one statement (a round touches hundreds)."""
        if not summaries:
            return
        st, stamp = s.stories, now()
        with self.engine.begin() as conn:
            conn.execute(st.update().where(st.c.id == bindparam("sid")).values(summary=bindparam("summ"), updated_at=stamp),
                         [{"sid": sid, "summ": summ} for sid, summ in sorted(summaries.items())])

    def story_states(self, story_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """story id -> what its last synthesis kept (:mod:`newsdesk.corpus.story_state`), for those that have one."""
        t = s.story_state
        return {r["story_id"]: r["state"] for r in self._in_chunks(select(t), t.c.story_id, story_ids)}

    def story_row_ids(self, table: str, story_ids: Iterable[str]) -> dict[str, set[str]]:
        """story id -> ids of its stored rows in ``table`` (discrepancies or quote_groups)."""
        t, out = getattr(s, table), defaultdict(set)
        for sid, rid in self._in_tuples([t.c.story_id, t.c.id], t.c.story_id, story_ids):
            out[sid].add(rid)
        return dict(out)

    def save_story_states(self, states: dict[str, dict[str, Any]]) -> None:
        with self.engine.begin() as conn:
            upsert(conn, s.story_state, [{"story_id": sid, "state": st} for sid, st in sorted(states.items())],
                   ["story_id"])

    def replace_discrepancies(self, story_ids: Iterable[str], rows: list[dict[str, Any]],
                              cross_story: bool = False, unchanged: set[str] | None = None) -> None:
        """Drop the discrepancies of these stories (and the cross-story ones when asked), write ``rows``
        (``unchanged``: see :meth:`_replace_story_rows`)."""
        self._replace_story_rows(s.discrepancies, story_ids, rows, cross_story, unchanged)

    def replace_quote_groups(self, story_ids: Iterable[str], rows: list[dict[str, Any]],
                             cross_story: bool = False, unchanged: set[str] | None = None) -> None:
        """Drop the quote groups of these stories (and the cross-story ones when asked), write ``rows``."""
        self._replace_story_rows(s.quote_groups, story_ids, rows, cross_story, unchanged)

    def _replace_story_rows(self, table: Any, story_ids: Iterable[str], rows: list[dict[str, Any]],
                            cross_story: bool, unchanged: set[str] | None = None) -> None:
        """``unchanged``: ids of ``rows`` that the stories' last synthesis wrote as they are now (rows of
        groups that did not change): those already stored are not written again (and may be left out of
        ``rows``), and only the other stored rows missing from ``rows`` are dropped, so a big story that grew
        rewrites only what changed."""
        with self.engine.begin() as conn:
            ids = sorted(set(story_ids))
            if unchanged is not None:
                stored = {i for k in range(0, len(ids), 500) for i in conn.execute(
                    select(table.c.id).where(table.c.story_id.in_(ids[k:k + 500]))).scalars()}
                gone = sorted(stored - {r["id"] for r in rows} - unchanged)  # rows left out of ``rows`` stay
                for i in range(0, len(gone), 500):
                    conn.execute(delete(table).where(table.c.id.in_(gone[i:i + 500])))
                rows = [r for r in rows if not (r["id"] in stored and r["id"] in unchanged)]
            else:
                for i in range(0, len(ids), 500):  # stay under the bound-parameter limits
                    conn.execute(delete(table).where(table.c.story_id.in_(ids[i:i + 500])))
            if cross_story:
                conn.execute(delete(table).where(table.c.story_id.is_(None)))
            else:  # a story's row never replaces a cross-story row of the same claims (same id): those are
                # written by claim grouping, which may have run before this story's synthesis
                ids = sorted({r["id"] for r in rows})
                cross = {i for k in range(0, len(ids), 500) for i in conn.execute(
                    select(table.c.id).where(table.c.story_id.is_(None), table.c.id.in_(ids[k:k + 500]))).scalars()}
                rows = [r for r in rows if r["id"] not in cross]
            upsert(conn, table, rows, ["id"])

    def save_story_rows_for_tests(self, story_id: str, article_ids: list[str], title: str = "") -> None:
        """A bare story row and its members (fixtures build stories without running clustering)."""
        with self.engine.begin() as conn:
            upsert(conn, s.stories, [{"id": story_id, "title": title or story_id, "summary": [],
                                      "updated_at": now()}], ["id"])
            for aid in article_ids:
                conn.execute(s.articles.update().where(s.articles.c.id == aid).values(story_id=story_id))

    # -- exports -------------------------------------------------------------------------------
    def discrepancy_export_rows(self) -> Iterator[dict[str, Any]]:
        """discrepancies.jsonl rows in the contract: id, kind, about, story, claims, note."""
        for r in self._rows(select(s.discrepancies).order_by(s.discrepancies.c.id)):
            yield {"id": r["id"], "kind": r["kind"], "about": r["about"], "story": r["story_id"],
                   "claims": r["claims"], "note": r["note"]}

    def quote_group_export_rows(self) -> Iterator[dict[str, Any]]:
        """quote_groups.jsonl rows: id, speaker, speaker_entity, story, quotes (quote ids)."""
        for r in self._rows(select(s.quote_groups).order_by(s.quote_groups.c.id)):
            yield {"id": r["id"], "speaker": r["speaker"], "speaker_entity": r["speaker_entity"],
                   "story": r["story_id"], "quotes": r["quotes"]}

    def discrepancies_of(self, story_id: str | None) -> list[dict[str, Any]]:
        d = s.discrepancies
        cond = d.c.story_id.is_(None) if story_id is None else d.c.story_id == story_id
        return self._rows(select(d).where(cond).order_by(d.c.id))

    def quote_groups_of(self, story_id: str | None) -> list[dict[str, Any]]:
        g = s.quote_groups
        cond = g.c.story_id.is_(None) if story_id is None else g.c.story_id == story_id
        return self._rows(select(g).where(cond).order_by(g.c.id))
