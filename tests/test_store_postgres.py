"""The store contract on a real PostgreSQL (started by scripts/postgres.sh), checked against SQLite.

Both stores ingest the same inputs (seeds, demo corpus, an accented article of our own, a rejected
file); everything read back must be the same: exports, search hits, web queries, rejections.
"""
from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select, text

from newsdesk.config import load_settings
from newsdesk.errors import StoreError
from newsdesk.export import export_all
from newsdesk.ingest import ingest_paths
from newsdesk.store import Store, open_store
from newsdesk.store import schema as s

from paths import DEMO, SEEDS
from pg_fixtures import pg_databases  # noqa: F401  (fixture)

ACCENTED = """Córdoba council backs Núñez water plan

CÓRDOBA, 4 March 2023 - The city council of Córdoba voted on Friday to fund a new reservoir proposed by
engineer Inés Núñez, ending a dispute that had split the coalition for months. "The river cannot carry
another dry summer," Núñez told councillors after the vote. The plan costs 40 million euros and will be
paid over six years. Opponents led by councillor José Peña said the money should go to repairing leaking
pipes first, and promised to ask the regional court to review the decision before building starts in the
autumn. Farmers' groups welcomed the vote and asked for a seat on the board that will manage the water.
"""
REJECTED = "Short note.\n"
QUERIES = ["Putin", "summit", "grid Tallinn", "corridor", "fisheries", "protest water", "cordoba",
           "CÓRDOBA", "Nunez", "Peña", "zzzunknownword", "don't", "2.4bn"]


def _inputs(tmp: Path) -> list[Path]:
    (tmp / "accented.txt").write_text(ACCENTED, encoding="utf-8")
    (tmp / "short.txt").write_text(REJECTED, encoding="utf-8")
    return [*sorted(SEEDS.glob("*.txt")), DEMO, tmp / "accented.txt", tmp / "short.txt"]


def _build(db: str, inputs: list[Path]) -> tuple[Store, Any]:
    settings = load_settings(db=db, workers=1)
    store = open_store(db)
    report = ingest_paths(inputs, store, settings, actor_files=[DEMO / "actors.csv"])
    return store, report


@pytest.fixture(scope="session")
def stores(pg_databases, tmp_path_factory, models):  # noqa: F811
    tmp = tmp_path_factory.mktemp("pg_inputs")
    inputs = _inputs(tmp)
    pg, pg_report = _build(pg_databases.create(), inputs)
    lite, lite_report = _build(str(tmp / "lite.db"), inputs)
    yield {"pg": pg, "sqlite": lite, "pg_report": pg_report, "sqlite_report": lite_report, "inputs": inputs,
           "tmp": tmp}
    pg.close()
    lite.close()


def _dump(store: Store) -> dict[str, list[tuple[str, ...]]]:
    """Every row of every table, as sorted tuples of strings."""
    with store.engine.connect() as conn:
        names = sorted(set(inspect(conn).get_table_names()) - {"alembic_version"})
        return {n: sorted(tuple(str(v) for v in r) for r in conn.execute(text(f'SELECT * FROM "{n}"')))
                for n in names}


def _no_times(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _no_times(v) for k, v in value.items() if not k.endswith("_at")}
    if isinstance(value, (list, tuple)):
        return [_no_times(v) for v in value]
    return value


def _export(store: Store, out: Path) -> dict[str, list[Any]]:
    export_all(store, out)
    return {p.name: [_no_times(json.loads(line)) for line in p.read_text(encoding="utf-8").splitlines()]
            for p in sorted(out.glob("*.jsonl"))}


def _head_revisions() -> set[str]:
    """The newest migration(s) in the package (so the test follows new migrations, branched or not)."""
    from alembic.script import ScriptDirectory

    from newsdesk.store import core
    return set(ScriptDirectory.from_config(core._alembic_config(None)).get_heads())


def test_store_postgres_migrations_apply(stores):
    pg = stores["pg"]
    with pg.engine.connect() as conn:
        assert conn.dialect.name == "postgresql"
        assert set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars()) == _head_revisions()
        insp = inspect(conn)
        assert set(s.metadata.tables) | {"articles_search"} <= set(insp.get_table_names())
        assert "ix_articles_search_terms" in {i["name"] for i in insp.get_indexes("articles_search")}
        bounded = conn.execute(text("SELECT table_name, column_name FROM information_schema.columns "
                                    "WHERE table_schema = current_schema() AND data_type = 'character varying' "
                                    "AND table_name <> 'alembic_version'")).all()
        assert bounded == []  # lengths SQLite ignores are not limits on PostgreSQL either
    # opening again finds the newest schema and changes nothing
    again = open_store(str(pg.engine.url.render_as_string(hide_password=False)))
    again.close()


def test_store_postgres_ingest_same_outcome_as_sqlite(stores):
    pg, lite = stores["pg_report"], stores["sqlite_report"]
    assert len(pg.added) == 5 + 12 + 1
    assert pg.as_dict() == lite.as_dict()
    assert stores["pg"].count_articles() == stores["sqlite"].count_articles() == len(pg.added)


def test_store_postgres_reingest_changes_nothing(stores):
    pg = stores["pg"]
    before = _dump(pg)
    report = ingest_paths(stores["inputs"], pg, load_settings(db="unused", workers=1),
                          actor_files=[DEMO / "actors.csv"])
    assert report.added == [] and len(report.unchanged) == len(stores["pg_report"].added)
    after = _dump(pg)
    before.pop("rejections"), after.pop("rejections")  # the rejection is recorded again (new time)
    before.pop("store_version"), after.pop("store_version")  # ... and that write bumps the store version
    assert after == before


def test_store_postgres_export_equals_sqlite(stores):
    pg = _export(stores["pg"], stores["tmp"] / "out-pg")
    lite = _export(stores["sqlite"], stores["tmp"] / "out-sqlite")
    assert sorted(pg) == sorted(lite) and len(pg) == 9
    assert sum(len(rows) for rows in pg.values()) > 100
    for name in lite:
        assert pg[name] == lite[name], name


@pytest.mark.parametrize("query", QUERIES)
def test_store_postgres_search_same_ids_as_fts5(stores, query):
    pg, lite = stores["pg"], stores["sqlite"]
    assert sorted(pg._fts_ids(query)) == sorted(lite._fts_ids(query))
    assert pg.list_articles(query=query) == lite.list_articles(query=query)
    assert pg.articles_page(query=query, limit=5) == lite.articles_page(query=query, limit=5)


def test_store_postgres_search_finds_and_folds(stores):
    pg = stores["pg"]
    accented = [a["id"] for a in pg.list_articles() if a["title"] and a["title"].startswith("Córdoba")]
    assert len(accented) == 1
    for query in ("cordoba", "CÓRDOBA", "Nunez water", "ines nunez"):
        assert pg._fts_ids(query) == accented, query
    assert pg._fts_ids("Núñez zzzunknownword") == []
    assert len(pg._fts_ids("summit")) >= 2


def test_store_postgres_reads_equal_sqlite(stores):
    pg, lite = stores["pg"], stores["sqlite"]
    ids = lite.article_ids()
    assert pg.article_ids() == ids
    for name in ("person_entities", "story_list", "entity_link_map", "term_stats", "signatures",
                 "original_of", "story_ids", "dated_amount_articles"):
        assert getattr(pg, name)() == getattr(lite, name)(), name
    assert pg.entities_page(limit=7) == lite.entities_page(limit=7)
    assert pg.entities_page(q="min", limit=500) == lite.entities_page(q="min", limit=500)
    assert _no_times(pg.stories_page(limit=3)) == _no_times(lite.stories_page(limit=3))
    assert pg.events_page(limit=10) == lite.events_page(limit=10)
    assert pg.events_page(place="a", limit=10) == lite.events_page(place="a", limit=10)
    page, cursor = lite.articles_page(limit=4)
    assert pg.articles_page(limit=4) == (page, cursor)
    assert pg.articles_page(after=cursor, limit=4) == lite.articles_page(after=cursor, limit=4)
    assert pg.resolve_article_id(ids[3][:6]) == ids[3]
    for aid in ids[:6]:
        assert pg.get_record(aid) == lite.get_record(aid)
    for name in ("mentions", "quotes", "amounts", "times", "places", "events"):
        assert pg.items(name) == lite.items(name), name
    # timelines (issue 11): the read queries and the store-wide ranking agree
    assert pg.day_references() == lite.day_references() and pg.day_references(ids[:3]) == lite.day_references(ids[:3])
    assert pg.article_heads(ids[:4], text=True) == lite.article_heads(ids[:4], text=True)
    assert pg.events_with_status(["happened"]) == lite.events_with_status(["happened"])
    keys = [e["key"] for e in lite.person_entities()[:5]]
    assert pg.mention_spans(keys) == lite.mention_spans(keys)
    from newsdesk.corpus.timeline import timeline_rows
    assert timeline_rows(pg, [], top=5) == timeline_rows(lite, [], top=5)


def test_store_postgres_rejections_recorded(stores):
    pg, lite = stores["pg"].rejections(), stores["sqlite"].rejections()
    assert [r["source"] for r in pg] == [str(stores["tmp"] / "short.txt")]
    assert [(r["source"], r["reason"]) for r in pg] == [(r["source"], r["reason"]) for r in lite]
    assert pg[0]["reason"] and pg[0]["at"]


def test_store_postgres_delete_article_removes_everything(pg_databases, seed_paths, models):  # noqa: F811
    db = pg_databases.create()
    store = open_store(db)
    try:
        report = ingest_paths(seed_paths[:2], store, load_settings(db=db, workers=1))
        victim, other = report.added
        tables = [*s.PER_ARTICLE, s.signatures]
        with store.engine.connect() as conn:
            def count(table: Any, aid: str) -> int:
                return len(conn.execute(select(table.c.article_id).where(table.c.article_id == aid)).all())

            def indexed(aid: str) -> int:
                return conn.execute(text("SELECT count(*) FROM articles_search WHERE article_id = :i"),
                                    {"i": aid}).scalar_one()
            assert all(count(t, victim) for t in (s.mentions, s.quotes, s.signatures)) and indexed(victim)
            kept = {t.name: count(t, other) for t in tables}
            conn.commit()
            store.delete_article(victim)
            assert {t.name: count(t, victim) for t in tables} == dict.fromkeys(kept, 0)
            assert indexed(victim) == 0 and not store.has_article(victim)
            assert {t.name: count(t, other) for t in tables} == kept and indexed(other) == 1
        assert victim not in store._fts_ids(store.article_row(other)["title"] or "the")
    finally:
        store.close()


def test_store_postgres_unreachable_server_is_one_line_store_error():
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(StoreError) as err:
        open_store(f"postgresql://newsdesk:s3cret@127.0.0.1:{port}/newsdesk")
    message = str(err.value)
    assert message == f"cannot connect to postgresql://newsdesk:***@127.0.0.1:{port}/newsdesk: connection refused"
    assert "s3cret" not in message and "\n" not in message


def test_store_postgres_migration_0003_indexes_existing_articles(pg_databases, seed_paths, models):  # noqa: F811
    db = pg_databases.create()
    store = open_store(db)
    ingest_paths(seed_paths[:1], store, load_settings(db=db, workers=1))
    title = store.list_articles()[0]["title"]
    hits = store._fts_ids(title)
    assert len(hits) == 1
    with store.engine.begin() as conn:  # back to a store written before 0003 (later migrations undone first)
        from alembic import command

        from newsdesk.store import core
        command.downgrade(core._alembic_config(conn), "0003")
        conn.execute(text("DROP TABLE articles_search"))
        conn.execute(text("ALTER TABLE entities ALTER COLUMN country TYPE varchar(3)"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0002'"))
    store.close()
    store = open_store(db)
    try:
        assert store._fts_ids(title) == hits
        with store.engine.connect() as conn:
            kind = conn.execute(text("SELECT data_type FROM information_schema.columns "
                                     "WHERE table_name = 'entities' AND column_name = 'country'")).scalar_one()
        assert kind == "text"
    finally:
        store.close()
