"""synthesis_queue: stories whose synthesis waits for the end of a linking run (issue 12)

Linking queues the stories it touches in the batch's transaction; their summary, in-story discrepancies
and quote groups are recomputed once after the last batch instead of once per batch. Nothing stored
needs it on upgrade (every story's synthesis is current); downgrading drops the table, after which
any still queued keep the synthesis they had (``newsdesk brief`` recomputes all).

Revision ID: 0016
Revises: 0015
"""
from alembic import op
import sqlalchemy as sa


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('synthesis_queue', sa.Column('story_id', sa.Text(), primary_key=True),
                    sa.Column('queued_at', sa.Text(), nullable=False))


def downgrade() -> None:
    op.drop_table('synthesis_queue')
