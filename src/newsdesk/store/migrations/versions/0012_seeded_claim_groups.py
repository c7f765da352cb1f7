"""cross-story claim groups seeded by direct alignment, not the transitive closure of aligned pairs (issue 12)

A claim's ``claims.grp`` is now its seed: the smallest of itself and the claims aligned with it
(``newsdesk.corpus.figures``). Upgrading groups every claim again with that rule, a page of claims at a
time, and rewrites the cross-story discrepancies. Downgrading forgets the groups and the cross-story
rows (derived data): the older code groups the claims that arrive after it, not the ones stored before.

Revision ID: 0012
Revises: 0011
"""
from alembic import op

from newsdesk.store.migrations import forget_claim_groups


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # derived data: the head's code groups every claim again at the last regrouping revision (0015)
    forget_claim_groups(op.get_bind())


def downgrade() -> None:
    forget_claim_groups(op.get_bind())
