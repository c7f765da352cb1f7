"""cross-story claim groups seeded by direct alignment, not the transitive closure of aligned pairs (issue 12)

A claim's ``claims.grp`` is now its seed: the smallest of itself and the claims aligned with it
(``newsdesk.corpus.figures``). Upgrading groups every claim again with that rule, a page of claims at a
time, and rewrites the cross-story discrepancies. Downgrading forgets the groups and the cross-story
rows (derived data): the older code groups the claims that arrive after it, not the ones stored before.

Revision ID: 0012
Revises: 0011
"""
import threading

from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from newsdesk.corpus.figures import regroup_all
    from newsdesk.store import Store
    from newsdesk.store.locks import Pinned

    conn = op.get_bind()
    store = Store.__new__(Store)  # the store's queries, on the migration's own connection and transaction
    store._engine, store._pin = conn.engine, threading.local()
    store._pin.engine = Pinned(conn, conn.engine)
    regroup_all(store)


def downgrade() -> None:
    op.execute(sa.text("UPDATE claims SET grp = NULL WHERE grp IS NOT NULL"))
    op.execute(sa.text("DELETE FROM discrepancies WHERE story_id IS NULL"))
