"""Corpus-level reads and writes: entities, merged events, stories, comparisons."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from . import schema as s


def _party(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    vals = {k: row[f"{prefix}_{k}"] for k in ("name", "entity", "country")}
    return vals if any(vals.values()) else None


class CorpusQueries:
    engine: Engine

    def _rows(self, stmt: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(stmt).mappings()]

    def table_rows(self, name: str) -> list[dict[str, Any]]:
        table = getattr(s, name)
        return self._rows(select(table).order_by(*table.primary_key.columns))

    def entity_table(self) -> list[dict[str, Any]]:
        return self._rows(select(s.entities).order_by(s.entities.c.key))

    def event_export_rows(self) -> Iterator[dict[str, Any]]:
        """Events in the export contract; events merged into another one become its extra sources."""
        rows = self._rows(select(s.events).order_by(s.events.c.article_id, s.events.c.id))
        merged: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in rows:
            if r["merged_into"]:
                merged[r["merged_into"]].append(r)
        for r in rows:
            if r["merged_into"]:
                continue
            group = [r, *merged.get(r["id"], [])]
            yield {
                "id": r["id"], "type": r["type"], "mode": r["mode"], "actor": _party(r, "actor"),
                "target": _party(r, "target"), "date": r["date"], "date_precision": r["date_precision"],
                "location": r["location"], "status": r["status"],
                "articles": sorted({g["article_id"] for g in group}),
                "evidence": [{"article": g["article_id"], **e} for g in group for e in g["evidence"]],
                "rule": r["rule"], "confidence": r["confidence"],
            }

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
