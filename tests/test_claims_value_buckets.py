"""Cross-story claim blocks carry a value bucket: claims within MAX_CONFLICT_RATIO of each other (the only
ones ``compare.aligned`` can accept) always share a block, claims far apart never do, and migration 0008
rewrites the blocks of a store made before it to what the pipeline writes now."""
from __future__ import annotations

import random

from alembic import command
from sqlalchemy import insert

from newsdesk.corpus.claims import block_keys, value_buckets
from newsdesk.corpus.compare import MAX_CONFLICT_RATIO
from newsdesk.store import core
from newsdesk.store import schema as s

TERMS = {"described": True, "terms": ["profit"]}


def test_claims_value_buckets_close_values_share_a_block_far_ones_never():
    rng = random.Random(12)
    for _ in range(2000):
        x = 10 ** rng.uniform(-3, 12)
        y = x * rng.uniform(1.0, MAX_CONFLICT_RATIO)
        assert set(value_buckets("USD", x)) & set(value_buckets("USD", y)), (x, y)
        far = x * MAX_CONFLICT_RATIO ** 2 * rng.uniform(1.01, 100.0)
        assert not set(value_buckets("USD", x)) & set(value_buckets("USD", far)), (x, far)


def test_claims_value_buckets_in_every_block_key():
    keys = block_keys("USD", 250.0, "1987", TERMS)
    assert len(keys) == 2 and all(k.startswith("USD|1987|profit|") for k in keys)
    assert block_keys("USD", 250.0, "1987-03-02", TERMS) == []  # a day date states no period
    assert block_keys("USD", 0.0, "1987", {"described": False}) == ["USD|1987||0"]
    # units are compared in their canonical unit: 1 mile and 1.6 km are one bucket
    assert set(block_keys("miles", 1.0, "1987", {})) & set(block_keys("km", 1.6, "1987", {}))


def test_claims_value_buckets_migration_rewrites_old_blocks(store):
    with store.engine.begin() as conn:
        command.downgrade(core._alembic_config(conn), "0007")
    with store.engine.begin() as conn:
        conn.execute(insert(s.articles).values(
            id="a1", source="x", kind="text", authors=[], text="t", raw="t", source_text="t", offsets=[],
            dropped=[], captions=[], evidence={}, flags={}, sentences=[], warnings=[], ingested_at="now"))
        conn.execute(insert(s.amounts).values(id="a1-a0", article_id="a1", start=0, end=1, text="t", value=250.0,
                                              unit="USD", approx=False, date="1987"))
        conn.execute(insert(s.claim_blocks).values(block="USD|1987|profit", amount_id="a1-a0", article_id="a1"))
    with store.engine.begin() as conn:
        command.upgrade(core._alembic_config(conn), "head")
    rows = store.table_rows("claim_blocks")
    assert sorted(r["block"] for r in rows) == sorted(block_keys("USD", 250.0, "1987", TERMS))
    assert {r["amount_id"] for r in rows} == {"a1-a0"} and {r["article_id"] for r in rows} == {"a1"}
    with store.engine.begin() as conn:
        command.downgrade(core._alembic_config(conn), "0007")
    assert [r["block"] for r in store.table_rows("claim_blocks")] == ["USD|1987|profit"]
