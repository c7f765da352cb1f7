"""story_keys by month: each key of a story is held under every month its span touches (0: undated)

A batch of dated articles then reads only the postings of stories in the months its date windows reach
(plus undated stories), so that a key that recurs across months and years of coverage (an entity)
costs the postings near the batch, not all of them (issue 12). Upgrading copies every key under the
months of its story's stored span (``store.stories.story_months``); keys of stories that no longer
exist are dropped. Downgrading keeps one row per key and story.

Revision ID: 0017
Revises: 0016
"""
from alembic import op
import sqlalchemy as sa


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from newsdesk.store.stories import story_months

    conn = op.get_bind()
    op.create_table('story_months', sa.Column('story_id', sa.Text(), nullable=False),
                    sa.Column('month', sa.Integer(), nullable=False))
    months = sa.Table('story_months', sa.MetaData(), sa.Column('story_id', sa.Text()), sa.Column('month', sa.Integer()))
    rows = [{'story_id': sid, 'month': m}
            for sid, date, end in conn.execute(sa.text('SELECT id, date, end_date FROM stories ORDER BY id'))
            for m in story_months(date, end)]
    for i in range(0, len(rows), 5000):
        conn.execute(months.insert(), rows[i:i + 5000])
    op.create_table('story_keys_by_month', sa.Column('key', sa.Text(), nullable=False),
                    sa.Column('month', sa.Integer(), nullable=False), sa.Column('story_id', sa.Text(), nullable=False),
                    sa.PrimaryKeyConstraint('key', 'month', 'story_id'))
    conn.execute(sa.text('INSERT INTO story_keys_by_month (key, month, story_id) SELECT k.key, m.month, k.story_id '
                         'FROM story_keys k JOIN story_months m ON m.story_id = k.story_id'))
    op.drop_table('story_months')
    op.drop_index('ix_story_keys_story', table_name='story_keys')
    op.drop_table('story_keys')
    op.rename_table('story_keys_by_month', 'story_keys')
    op.create_index('ix_story_keys_story', 'story_keys', ['story_id'])


def downgrade() -> None:
    op.create_table('story_keys_flat', sa.Column('key', sa.Text(), nullable=False),
                    sa.Column('story_id', sa.Text(), nullable=False), sa.PrimaryKeyConstraint('key', 'story_id'))
    op.execute('INSERT INTO story_keys_flat (key, story_id) SELECT DISTINCT key, story_id FROM story_keys')
    op.drop_index('ix_story_keys_story', table_name='story_keys')
    op.drop_table('story_keys')
    op.rename_table('story_keys_flat', 'story_keys')
    op.create_index('ix_story_keys_story', 'story_keys', ['story_id'])
