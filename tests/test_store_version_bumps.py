"""The store version (migration 0010) changes with every committed write, on SQLite and PostgreSQL, and
only then: reads, rolled-back transactions and other stores leave it alone."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from api_fixtures import build_web_corpus, hostile_record
from newsdesk.store import open_store
from newsdesk.store import schema as s
from pg_fixtures import pg_databases  # noqa: F401  (fixture)


def _check_versions(db: str) -> None:
    store = open_store(db)
    try:
        v0 = store.version()
        store.table_rows("articles")
        store.article_heads()
        assert store.version() == v0, "a read changed the version"
        rec = hostile_record()
        store.save_record(rec)
        v1 = store.version()
        assert v1 != v0
        with pytest.raises(RuntimeError), store.engine.begin() as conn:
            conn.execute(s.articles.update().where(s.articles.c.id == rec.id).values(title="rolled back"))
            raise RuntimeError("abort")
        assert store.version() == v1, "a rolled-back write changed the version"
        assert store.article_row(rec.id)["title"] != "rolled back"
        other = open_store(db)  # a second engine (another process would be the same): sees and makes bumps
        try:
            assert other.version() == v1
            other.delete_article(rec.id)
            assert store.version() not in (v0, v1)
        finally:
            other.close()
        with store.engine.connect() as conn:
            n = conn.execute(select(s.store_version.c.n)).scalar_one()
        assert n >= 2
    finally:
        store.close()


def test_store_version_bumps_on_sqlite(tmp_path):
    _check_versions(str(tmp_path / "v.db"))


def test_store_version_bumps_on_postgresql(pg_databases):  # noqa: F811
    _check_versions(pg_databases.create())


def test_store_version_differs_between_stores(tmp_path):
    a = build_web_corpus(str(tmp_path / "a.db"), with_seeds=False)
    b = build_web_corpus(str(tmp_path / "b.db"), with_seeds=False)
    sa, sb = open_store(a.db), open_store(b.db)
    try:  # the same writes in the same order: the counters match, the epochs do not
        assert sa.version().split(".")[1] == sb.version().split(".")[1]
        assert sa.version() != sb.version()
    finally:
        sa.close()
        sb.close()


def test_store_version_tracking_survives_a_downgrade_below_it(tmp_path):
    db = str(tmp_path / "d.db")
    store = open_store(db)
    try:
        from alembic import command

        from newsdesk.store import core
        with store.engine.begin() as conn:  # a write transaction that drops the counter table
            command.downgrade(core._alembic_config(conn), "0007")
        with store.engine.connect() as conn:
            assert "store_version" not in {r[0] for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        store.close()
    again = open_store(db)  # migrates up again: a fresh counter
    try:
        v0 = again.version()
        again.save_record(hostile_record())
        assert again.version() != v0
    finally:
        again.close()
