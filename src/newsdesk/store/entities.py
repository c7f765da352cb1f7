"""Reads and writes for cross-document entity resolution (the ``entity_links`` table)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine

from . import schema as s


class EntityQueries:
    engine: Engine

    def person_entities(self) -> list[dict[str, Any]]:
        """PERSON entities with the number of articles that mention them."""
        e, m = s.entities, s.mentions
        stmt = (select(e.c.key, e.c.name, e.c.country, e.c.wikidata,
                       func.count(func.distinct(m.c.article_id)).label("articles"))
                .select_from(e.outerjoin(m, m.c.entity == e.c.key))
                .where(e.c.type == "PERSON").group_by(e.c.key, e.c.name, e.c.country, e.c.wikidata)
                .order_by(e.c.key))
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(stmt).mappings()]

    def entity_link_map(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {r.key: r.canonical for r in conn.execute(select(s.entity_links))}

    def replace_entity_links(self, links: dict[str, str], scope: set[str]) -> int:
        """Make the links of keys in ``scope`` equal ``links``; returns how many rows were written."""
        keys = sorted(set(scope) | set(links))
        old: dict[str, str] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(keys), 500):
                for r in conn.execute(select(s.entity_links).where(s.entity_links.c.key.in_(keys[i:i + 500]))):
                    old[r.key] = r.canonical
        changed = {k: v for k, v in links.items() if old.get(k) != v}
        stale = sorted(k for k in scope if k in old and k not in links)
        with self.engine.begin() as conn:
            if stale:
                conn.execute(delete(s.entity_links).where(s.entity_links.c.key.in_(stale)))
            for key, canon in sorted(changed.items()):
                conn.execute(delete(s.entity_links).where(s.entity_links.c.key == key))
                conn.execute(s.entity_links.insert().values(key=key, canonical=canon))
        return len(changed)
