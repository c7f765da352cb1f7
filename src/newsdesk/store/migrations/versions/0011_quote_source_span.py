"""quote source spans: where the mention each quote's speaker was found from stands (issue 14)

Revision ID: 0011
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_start', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('source_end', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('source_text', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_column('source_text')
        batch_op.drop_column('source_end')
        batch_op.drop_column('source_start')
