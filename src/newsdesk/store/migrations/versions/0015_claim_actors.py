"""claim_actors: per block of each claim, its actor keys (entity keys before entity links, and
countries), so a new claim meets only the stored claims of its blocks that name one of its actors in
that block (issue 12)

Upgrading creates the table and groups every claim again (a page at a time), which fills it; 0012 and
0014 only forget the groups now, since the code that regroups is always the head's: it is done once,
here. Downgrading drops the table and forgets the groups and cross-story rows (derived data), as
0012's downgrade does.

Revision ID: 0015
Revises: 0014
"""
from alembic import op
import sqlalchemy as sa

from newsdesk.store.migrations import forget_claim_groups, regroup_claims


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('claim_actors',
                    sa.Column('amount_id', sa.Text(), primary_key=True),
                    sa.Column('block', sa.Text(), primary_key=True),
                    sa.Column('key', sa.Text(), primary_key=True),
                    sa.Column('article_id', sa.Text(), sa.ForeignKey('articles.id', ondelete='CASCADE'),
                              nullable=False))
    op.create_index('ix_claim_actors_article_id', 'claim_actors', ['article_id'])
    op.create_index('ix_claim_actors_block_key', 'claim_actors', ['block', 'key'])
    regroup_claims(op.get_bind())


def downgrade() -> None:
    op.drop_table('claim_actors')
    forget_claim_groups(op.get_bind())
