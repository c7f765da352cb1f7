"""postgresql: full-text index and unbounded strings (SQLite unchanged)

On PostgreSQL:
- ``articles_search`` holds each article's full-text terms as a ``tsvector`` with a GIN index (the
  counterpart of SQLite's ``articles_fts``; terms from ``newsdesk.store.search``);
- VARCHAR(n) columns become TEXT: SQLite never enforces those lengths, and the same data must fit both
  back ends (a long local entity key, a long story term).

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


TABLES = ("articles", "rejections", "entities", "entity_links", "mentions", "quotes", "amounts", "times",
          "places", "events", "signatures", "stories", "term_stats", "discrepancies", "quote_groups", "jobs")


def _varchar_columns(bind: sa.engine.Connection) -> list[tuple[str, str]]:
    rows = bind.execute(sa.text(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND data_type = 'character varying' "
        "AND table_name IN :tables ORDER BY table_name, ordinal_position").bindparams(
            sa.bindparam("tables", TABLES, expanding=True)))
    return [(r[0], r[1]) for r in rows]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from newsdesk.store.search import index_terms

    prep = bind.dialect.identifier_preparer
    for table, column in _varchar_columns(bind):
        op.execute(f"ALTER TABLE {prep.quote(table)} ALTER COLUMN {prep.quote(column)} TYPE text")
    op.execute("CREATE TABLE articles_search ("
               "article_id text PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, "
               "terms tsvector NOT NULL)")
    op.execute("CREATE INDEX ix_articles_search_terms ON articles_search USING gin (terms)")
    insert = sa.text("INSERT INTO articles_search (article_id, terms) "
                     "VALUES (:i, array_to_tsvector(CAST(:t AS text[])))")
    for row in bind.execute(sa.text("SELECT id, title, text FROM articles ORDER BY id")).all():
        bind.execute(insert, {"i": row[0], "t": index_terms(row[1], row[2])})


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TABLE IF EXISTS articles_search")
    # lengths are not restored: values longer than the old limits may have been stored since
