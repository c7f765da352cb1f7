"""durable link queue and incremental linking indexes

- ``link_queue``: articles stored but not yet linked to the corpus (written in the same transaction
  as the article; removed in the transaction that links it). Stored articles without a story were
  never linked (an ingest killed before its linking step): they are queued here.
- ``minhash_bands``: the LSH band keys of each article's MinHash signature, so that a new article
  is compared only with the articles sharing a band.
- ``name_keys``: blocking keys of PERSON names (surname and its one-letter deletions), so that
  cross-document person resolution reads only the people a new name could match.
- ``quote_features`` and ``lemma_vectors``: per-quote content lemmas and vectors, and each lemma's word
  vector, so that grouping quotes never parses either.
- ``claims``: per-amount comparison features computed by the pipeline (no parse at link time),
  and ``claim_blocks``, the blocks (unit, year, measure term) cross-story comparison reads; ``discrepancies.block`` names
  the block a cross-story row was computed in.

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def _fk() -> sa.Column:
    return sa.Column('article_id', sa.Text(), sa.ForeignKey('articles.id', ondelete='CASCADE'), nullable=False)


def upgrade() -> None:
    op.create_table('link_queue',
                    sa.Column('article_id', sa.Text(), sa.ForeignKey('articles.id', ondelete='CASCADE'),
                              primary_key=True),
                    sa.Column('queued_at', sa.Text(), nullable=False))
    op.create_table('minhash_bands', sa.Column('band', sa.BigInteger(), nullable=False), _fk(),
                    sa.PrimaryKeyConstraint('band', 'article_id'))
    op.create_index('ix_minhash_bands_article_id', 'minhash_bands', ['article_id'])
    op.create_table('name_keys', sa.Column('key', sa.Text(), nullable=False),
                    sa.Column('entity', sa.Text(), nullable=False), _fk(),
                    sa.PrimaryKeyConstraint('key', 'entity', 'article_id'))
    op.create_index('ix_name_keys_entity', 'name_keys', ['entity'])
    op.create_index('ix_name_keys_article_id', 'name_keys', ['article_id'])
    op.create_table('claims', sa.Column('amount_id', sa.Text(), primary_key=True), _fk(),
                    sa.Column('block', sa.Text()), sa.Column('features', sa.JSON(), nullable=False),
                    sa.Column('grp', sa.Text()))
    op.create_index('ix_claims_grp', 'claims', ['grp'])
    op.create_index('ix_claims_article_id', 'claims', ['article_id'])
    op.create_index('ix_claims_block', 'claims', ['block'])
    op.create_table('claim_blocks', sa.Column('block', sa.Text(), nullable=False),
                    sa.Column('amount_id', sa.Text(), nullable=False), _fk(),
                    sa.PrimaryKeyConstraint('block', 'amount_id'))
    op.create_index('ix_claim_blocks_article_id', 'claim_blocks', ['article_id'])
    op.create_table('quote_features', sa.Column('quote_id', sa.Text(), primary_key=True), _fk(),
                    sa.Column('features', sa.JSON(), nullable=False))
    op.create_index('ix_quote_features_article_id', 'quote_features', ['article_id'])
    op.create_table('lemma_vectors', sa.Column('lemma', sa.Text(), primary_key=True),
                    sa.Column('vector', sa.Text(), nullable=False))
    with op.batch_alter_table('discrepancies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('block', sa.Text(), nullable=True))
        batch_op.create_index('ix_discrepancies_block', ['block'])
    _backfill_bands(op.get_bind())
    op.execute("INSERT INTO link_queue (article_id, queued_at) "
               "SELECT id, ingested_at FROM articles WHERE story_id IS NULL")


def _backfill_bands(bind: sa.engine.Connection) -> None:
    """Band keys of the signatures stored before this revision (read in pages: constant memory)."""
    from newsdesk.corpus.dedup import band_keys, from_bytes

    bands = sa.table('minhash_bands', sa.column('band', sa.BigInteger()), sa.column('article_id', sa.String()))
    last = ''
    while True:
        rows = bind.execute(sa.text("SELECT article_id, minhash FROM signatures WHERE article_id > :last "
                                    "ORDER BY article_id LIMIT 1000"), {"last": last}).fetchall()
        if not rows:
            return
        bind.execute(bands.insert(), [{"band": b, "article_id": r[0]}
                                      for r in rows for b in sorted(set(band_keys(from_bytes(bytes(r[1])))))])
        last = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table('discrepancies', schema=None) as batch_op:
        batch_op.drop_index('ix_discrepancies_block')
        batch_op.drop_column('block')
    for table in ('lemma_vectors', 'quote_features', 'claim_blocks', 'claims', 'name_keys', 'minhash_bands', 'link_queue'):
        op.drop_table(table)
