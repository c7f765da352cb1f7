"""Ingesting the seeds stores each article once; a second run changes nothing."""
from __future__ import annotations

from newsdesk.ingest import ingest_paths


def table_dump(store):
    from sqlalchemy import text

    with store.engine.connect() as conn:
        names = [r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table' "
                                                 "AND name NOT LIKE 'articles_fts%' AND name != 'alembic_version'"))]
        dump = {}
        for n in sorted(names):
            rows = conn.execute(text(f'SELECT * FROM "{n}"')).fetchall()  # names come from sqlite_master
            dump[n] = sorted(tuple(str(v) for v in r) for r in rows)
        return dump


def test_ingest_idempotent_second_run_changes_nothing(store, settings, seed_paths):
    first = ingest_paths(seed_paths, store, settings)
    assert len(first.added) == 5 and not first.rejected
    before = table_dump(store)
    second = ingest_paths(seed_paths, store, settings)
    assert second.added == [] and len(second.unchanged) == 5
    assert table_dump(store) == before
