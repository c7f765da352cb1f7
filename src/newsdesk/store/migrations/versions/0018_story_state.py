"""story_state: what a story's last synthesis kept, so that the next one tests only new items' pairs (issue 12)

A story's in-story discrepancies and quote groups are the connected components of a pair test; the groups
found last time, with a signature of each item they were found among, let the next synthesis of a story
that grew test only the pairs holding a new item (``newsdesk.corpus.story_state``). Nothing stored needs
it on upgrade: a story without a state is computed from every pair, as before, and keeps one from then
on. Downgrading drops the table.

Revision ID: 0018
Revises: 0017
"""
from alembic import op
import sqlalchemy as sa


revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('story_state', sa.Column('story_id', sa.Text(), primary_key=True),
                    sa.Column('state', sa.JSON(), nullable=False))


def downgrade() -> None:
    op.drop_table('story_state')
