"""claim blocks carry a value bucket: a claim meets across stories only claims within MAX_CONFLICT_RATIO of
its value (issue 12), so a common measure in a common year no longer makes a block that grows with the store

Each ``claim_blocks`` row ``unit|year|term`` becomes two, ``unit|year|term|b`` and ``unit|year|term|b+1``
(``corpus.claims.value_buckets`` of the amount's value in its canonical unit). Rewritten in keyset pages
of amounts, so memory stays flat on a big store. Two indexes that linking lacked (each read was a scan
of its table): ``claim_blocks(amount_id)`` (a claim's blocks) and ``quote_groups(story_id)`` (a story's
groups, replaced each time the story changes).

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

PAGE = 2000
_blocks = sa.table('claim_blocks', sa.column('block', sa.Text), sa.column('amount_id', sa.String),
                   sa.column('article_id', sa.String))
_amounts = sa.table('amounts', sa.column('id', sa.String), sa.column('value', sa.Float), sa.column('unit', sa.Text))


def _rewrite(new_keys) -> None:
    """Replace the rows of each page of amounts with ``new_keys(block, value, unit)``'s blocks."""
    conn = op.get_bind()
    last = ''
    while True:
        ids = list(conn.execute(sa.select(_blocks.c.amount_id).distinct().where(_blocks.c.amount_id > last)
                                .order_by(_blocks.c.amount_id).limit(PAGE)).scalars())
        if not ids:
            return
        rows = conn.execute(sa.select(_blocks.c.block, _blocks.c.amount_id, _blocks.c.article_id,
                                      _amounts.c.value, _amounts.c.unit)
                            .select_from(_blocks.outerjoin(_amounts, _amounts.c.id == _blocks.c.amount_id))
                            .where(_blocks.c.amount_id.in_(ids))).all()
        out = {(b, r.amount_id): r.article_id for r in rows for b in new_keys(r.block, r.value, r.unit)}
        conn.execute(sa.delete(_blocks).where(_blocks.c.amount_id.in_(ids)))
        if out:
            conn.execute(_blocks.insert(), [{"block": b, "amount_id": a, "article_id": art}
                                            for (b, a), art in sorted(out.items())])
        last = ids[-1]


def upgrade() -> None:
    from newsdesk.corpus.claims import value_buckets

    op.create_index('ix_claim_blocks_amount_id', 'claim_blocks', ['amount_id'])
    op.create_index('ix_quote_groups_story_id', 'quote_groups', ['story_id'])
    _rewrite(lambda block, value, unit: [f"{block}|{b}" for b in value_buckets(unit or "", value or 0.0)])


def downgrade() -> None:
    _rewrite(lambda block, value, unit: [block.rsplit('|', 1)[0]])
    op.drop_index('ix_quote_groups_story_id', table_name='quote_groups')
    op.drop_index('ix_claim_blocks_amount_id', table_name='claim_blocks')
