"""find_duplicates reads the stored articles of every band key of a batch at once and writes the batch's
keys and signatures once: copies, keys and signatures are those that signing the articles one at a time
(one candidates query and one write per article) gives, with copies inside the batch and of stored ones."""
from __future__ import annotations

import random

from fixtures.corpus.build import make_record

from newsdesk.corpus.dedup import band_keys, find_duplicates, from_bytes
from newsdesk.store import open_store

SYL = ["ka", "lo", "mi", "ne", "pu", "ra", "si", "to", "vu", "ze", "bo", "de"]


def _text(rng: random.Random, n: int = 160) -> str:
    words = ["".join(rng.choice(SYL) for _ in range(3)) for _ in range(n)]
    return "\n\n".join(" ".join(words[i:i + 20]).capitalize() + "." for i in range(0, n, 20))


def _records(rng: random.Random) -> tuple[list, list]:
    """Stored: four stories; batch: an edited copy and a longer copy of stored ones, a story and its copy
    both new, an unrelated one, and a re-stored original."""
    a, b, c, d, e, f = (_text(rng) for _ in range(6))
    stored = [make_record("s1", a, outlet="Wire", published="2020-01-02"),
              make_record("s2", b, outlet="Post", published="2020-01-03"),
              make_record("s3", c, outlet="Herald", published="2020-01-04"),
              make_record("s4", d, outlet="Times", published="2020-01-05")]
    batch = [make_record("n1", a.replace(".", ";", 1), outlet="Gazette", published="2020-01-06"),
             make_record("n2", b + "\n\n" + _text(rng, 40), outlet="Courier", published="2020-01-01"),
             make_record("n3", e, outlet="Ledger", published="2020-02-01"),
             make_record("n4", e.replace(".", "!", 2), outlet="Mail", published="2020-01-31"),
             make_record("n5", f, outlet="Star", published="2020-03-01"),
             make_record("s3", c, outlet="Herald", published="2020-01-04")]
    return stored, batch


def _state(store) -> tuple:
    with store.engine.connect() as conn:
        bands = sorted(conn.exec_driver_sql("SELECT band, article_id FROM minhash_bands").all())
        sigs = sorted(conn.exec_driver_sql("SELECT article_id, minhash FROM signatures").all())
    return {r["id"]: r["duplicate_of"] for r in store.list_articles()}, bands, sigs


def test_dedup_batch_reads_equal_one_article_at_a_time(tmp_path, settings):
    stores = []
    for name, one_by_one in (("batch", False), ("single", True)):
        store = open_store(str(tmp_path / f"{name}.db"))
        stored, batch = _records(random.Random(5))
        for r in stored:
            store.save_record(r)
        find_duplicates(store, [r.id for r in stored], settings)
        for r in batch:
            store.save_record(r)
        ids = sorted(r.id for r in batch)
        changes = {}
        for group in ([[i] for i in ids] if one_by_one else [ids]):
            changes.update(find_duplicates(store, group, settings))
        stores.append((changes, _state(store)))
        if not one_by_one:
            dup = _state(store)[0]
            # the longer copy, published first, becomes its family's original; the new pair is linked
            assert dup == {"s1": None, "s2": "n2", "s3": None, "s4": None, "n1": "s1", "n2": None, "n3": "n4",
                           "n4": None, "n5": None}
            sig = dict(_state(store)[2])
            members = store.band_members(band_keys(from_bytes(sig["n5"])))
            assert all(aid == "n5" for ids in members.values() for aid in ids)
            assert store.band_members(band_keys(from_bytes(sig["s1"])))  # keys are stored and read back
        store.close()
    assert stores[0] == stores[1]
