"""dateline day: the MM-DD a wire dateline names ("LONDON, March 11 -"), with no year

Articles stored before it have none (NULL): they stay undated for story windows, as before.

Revision ID: 0019
Revises: 0018
"""
from alembic import op
import sqlalchemy as sa


revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


# Plain ALTER TABLE, not batch mode: on SQLite a batch rebuilds ``articles``, and dropping the old table
# would cascade to every row that references an article (SQLite 3.35+ drops a column in place).


def upgrade() -> None:
    op.add_column('articles', sa.Column('dateline_day', sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column('articles', 'dateline_day')
