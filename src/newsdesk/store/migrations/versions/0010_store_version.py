"""store version: one row counting committed write transactions, so readers can cache (issue 13)

Every transaction that writes through the store bumps ``n`` in the same transaction (see
``newsdesk.store.version``); ``epoch`` is random per store, so a store rebuilt from scratch never repeats
an earlier store's (epoch, n).

Revision ID: 0010
Revises: 0007
"""
import uuid

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table('store_version',
                            sa.Column('id', sa.Integer(), nullable=False),
                            sa.Column('n', sa.BigInteger(), nullable=False),
                            sa.Column('epoch', sa.Text(), nullable=False),
                            sa.PrimaryKeyConstraint('id'))
    op.bulk_insert(table, [{'id': 1, 'n': 0, 'epoch': uuid.uuid4().hex}])


def downgrade() -> None:
    op.drop_table('store_version')
