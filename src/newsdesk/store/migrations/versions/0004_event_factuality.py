"""event factuality, own-words titles and date sources; how each quote's speaker was found

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('factuality', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('title', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('date_from', sa.Text(), nullable=True))
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('speaker_how', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('speaker_confidence', sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_column('speaker_confidence')
        batch_op.drop_column('speaker_how')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('date_from')
        batch_op.drop_column('title')
        batch_op.drop_column('factuality')
