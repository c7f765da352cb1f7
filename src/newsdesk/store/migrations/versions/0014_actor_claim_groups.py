"""cross-story claims align only when they name a common actor; blocks keyed on the actor (issue 12)

Two claims of two stories now align only when they share an actor key (``cross_story_needs_actor`` in
``newsdesk/corpus/data/synthesis.json``), so stored seeds and cross-story rows built by the older rule
are stale. Upgrading groups every claim again (as 0012 does) and rewrites the cross-story discrepancies.
Downgrading forgets the groups and the cross-story rows (derived data), as 0012's downgrade does.

Revision ID: 0014
Revises: 0013
"""
import threading

from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
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
