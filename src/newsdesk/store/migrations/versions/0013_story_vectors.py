"""story_vectors: each assigned article's story term vector, so a story's member centralities are
computed without re-reading and re-tokenising its members (issue 12)

Revision ID: 0013
Revises: 0012
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # no backfill: a member without a stored vector is read and vectorised once, then stored
    op.create_table('story_vectors',
                    sa.Column('article_id', sa.Text(), sa.ForeignKey('articles.id', ondelete='CASCADE'),
                              primary_key=True),
                    sa.Column('vector', sa.JSON(), nullable=False))


def downgrade() -> None:
    op.drop_table('story_vectors')
