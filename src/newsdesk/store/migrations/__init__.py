"""Alembic migrations of the store, and the steps several revisions share."""
from __future__ import annotations

import threading

import sqlalchemy as sa


def regroup_claims(conn: sa.Connection) -> None:
    """Group every stored claim again with the current cross-story rule, on the migration's connection."""
    from ...corpus.figures import regroup_all
    from .. import Store
    from ..locks import Pinned

    store = Store.__new__(Store)  # the store's queries, on the migration's own connection and transaction
    store._engine, store._pin = conn.engine, threading.local()
    store._pin.engine = Pinned(conn, conn.engine)
    regroup_all(store)


def forget_claim_groups(conn: sa.Connection) -> None:
    """Drop the derived cross-story groups and rows (the older code regroups claims as they arrive)."""
    conn.execute(sa.text("UPDATE claims SET grp = NULL WHERE grp IS NOT NULL"))
    conn.execute(sa.text("DELETE FROM discrepancies WHERE story_id IS NULL"))
