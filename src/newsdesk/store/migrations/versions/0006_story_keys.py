"""story_keys: inverted index of rare terms to the stories that hold them (incremental story assignment)

Revision ID: 0006
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0004'  # the issue asked for '0003'; 0004 is already on this branch (the lead chains them)
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


def downgrade() -> None:
    op.drop_index('ix_story_keys_story', table_name='story_keys')
    op.drop_table('story_keys')
