"""corpus features: story clustering state and term document frequencies

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.add_column(sa.Column('features', sa.JSON(), nullable=True))
    op.create_table('term_stats',
    sa.Column('term', sa.String(length=64), nullable=False),
    sa.Column('df', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('term')
    )


def downgrade() -> None:
    op.drop_table('term_stats')
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.drop_column('features')
