"""story_keys: inverted index of rare terms to the stories that hold them (incremental story assignment)

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # TEXT, not VARCHAR(n): lengths SQLite ignores must not become limits on PostgreSQL (see 0003)
    op.create_table(
        'story_keys',
        sa.Column('key', sa.Text(), nullable=False),
        sa.Column('story_id', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('key', 'story_id'),
    )
    op.create_index('ix_story_keys_story', 'story_keys', ['story_id'])
    _backfill(op.get_bind())


KEYS, MAX_DF = 20, 1000  # as corpus/stories.py: KEY_TERMS, KEY_MAX_DF


def _backfill(conn) -> None:
    """Index the stories of an existing store by their centroids' strongest rare terms, so that new
    articles still find them (new stories are indexed by their members' own key terms)."""
    import json
    import math

    meta = sa.MetaData()
    stories = sa.Table('stories', meta, sa.Column('id', sa.Text()), sa.Column('features', sa.JSON()))
    stats = sa.Table('term_stats', meta, sa.Column('term', sa.Text()), sa.Column('df', sa.Integer()))
    keys = sa.Table('story_keys', meta, sa.Column('key', sa.Text()), sa.Column('story_id', sa.Text()))
    n_docs = conn.execute(sa.select(stats.c.df).where(stats.c.term == '#docs')).scalar() or 0
    for sid, feats in conn.execute(sa.select(stories.c.id, stories.c.features).order_by(stories.c.id)).all():
        terms = (json.loads(feats) if isinstance(feats, str) else feats or {}).get('terms') or {}
        if not terms:
            continue
        df = {r[0]: r[1] for r in conn.execute(sa.select(stats.c.term, stats.c.df).where(stats.c.term.in_(list(terms))))}
        rare = [t for t in terms if df.get(t, 0) <= MAX_DF]
        top = sorted(rare, key=lambda t: (-terms[t] * math.log((n_docs + 1) / (df.get(t, 0) + 1)), t))[:KEYS]
        if top:
            conn.execute(keys.insert(), [{'key': t[:64], 'story_id': sid} for t in top])


def downgrade() -> None:
    op.drop_index('ix_story_keys_story', table_name='story_keys')
    op.drop_table('story_keys')
