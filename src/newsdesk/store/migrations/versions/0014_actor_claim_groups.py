"""cross-story claims align only when they name a common actor; blocks keyed on the actor (issue 12)

Two claims of two stories now align only when they share an actor key (``cross_story_needs_actor`` in
``newsdesk/corpus/data/synthesis.json``), so stored seeds and cross-story rows built by the older rule
are stale. Upgrading groups every claim again (as 0012 does) and rewrites the cross-story discrepancies.
Downgrading forgets the groups and the cross-story rows (derived data), as 0012's downgrade does.

Revision ID: 0014
Revises: 0013
"""
from alembic import op

from newsdesk.store.migrations import forget_claim_groups


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # derived data: the head's code groups every claim again at the last regrouping revision (0015)
    forget_claim_groups(op.get_bind())


def downgrade() -> None:
    forget_claim_groups(op.get_bind())
