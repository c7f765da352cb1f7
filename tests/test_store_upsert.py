"""``store.core.upsert``: one statement per set of columns for all rows, with what a statement per row gave
(later rows of one key win, columns a later row leaves out keep the earlier row's value), on SQLite and
PostgreSQL."""
from __future__ import annotations

from sqlalchemy import JSON, Column, Integer, MetaData, String, Table, create_engine, select

from newsdesk.store.core import server_url, upsert
from pg_fixtures import pg_databases  # noqa: F401  (fixture)


def test_store_upsert_merges_repeated_keys_and_updates_stored_rows(tmp_path, pg_databases):  # noqa: F811
    meta = MetaData()
    t = Table("t", meta, Column("id", String(8), primary_key=True), Column("n", Integer),
              Column("doc", JSON), Column("note", String(16)))
    for url in (f"sqlite:///{tmp_path / 'u.db'}", pg_databases.create()):
        engine = create_engine(server_url(url))
        meta.create_all(engine)
        with engine.begin() as conn:
            upsert(conn, t, [{"id": "a", "n": 1, "doc": {"x": [1]}, "note": "first"},
                             {"id": "b", "n": 2, "doc": {}, "note": None}], ["id"])
        with engine.begin() as conn:
            upsert(conn, t, [{"id": "a", "n": 10, "doc": {"x": [2]}},  # note left out: kept
                             {"id": "c", "n": 3, "doc": [], "note": "new"},
                             {"id": "c", "n": 4},  # the same key again in one call: merged, later wins
                             {"id": "b"}], ["id"])  # key only: nothing to update
            upsert(conn, t, [], ["id"])
        with engine.connect() as conn:
            got = {r.id: (r.n, r.doc, r.note) for r in conn.execute(select(t))}
        assert got == {"a": (10, {"x": [2]}, "first"), "b": (2, {}, None), "c": (4, [], "new")}
        engine.dispose()
