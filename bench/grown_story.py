"""The synthesis of a store's biggest stories as if their last K members had just joined: from the groups the
story kept before them (``corpus/story_state.py``) vs from every pair; checks both give the same rows.

    PYTHONPATH=src python bench/grown_story.py STORE.db [--stories 3] [--grown 5]

Read-only: the stories are read from STORE and computed in memory (CPU-s of one process; compare within a run).
"""
from __future__ import annotations

import argparse
import dataclasses
import gc
import time

from newsdesk.corpus import figures, link_tasks
from newsdesk.store import open_store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store")
    ap.add_argument("--stories", type=int, default=3, help="how many of the biggest stories")
    ap.add_argument("--grown", type=int, default=5, help="members taken as new (the last by id)")
    args = ap.parse_args()
    store = open_store(args.store)
    sizes = {sid: len(ids) for sid, ids in ((s, store.story_article_ids(s)) for s in store.story_ids())}
    for sid in sorted(sizes, key=lambda s: (-sizes[s], s))[:args.stories]:
        gc.collect()  # each timed part starts with the same heap: a collector pass inside one varies it by ~50%
        t = time.process_time()
        inp = figures._story_inputs(store, [sid], anew=True)[0]
        read = time.process_time() - t
        new = set(sorted(a["id"] for a in inp.articles)[-args.grown:])

        def old(rows: list[dict], key: str = "article_id") -> list[dict]:
            return [r for r in rows if r[key] not in new]

        before = dataclasses.replace(inp, articles=old(inp.articles, "id"), amounts=old(inp.amounts),
                                     mentions=old(inp.mentions), quotes=old(inp.quotes))
        last = link_tasks.story_synthesis(before)
        kept, held = last.kept, {r["id"]: r for r in last.discrepancies}  # held: the rows the store holds
        gc.collect()
        t = time.process_time()
        anew = link_tasks.story_synthesis(inp)
        t_anew = time.process_time() - t
        gc.collect()
        t = time.process_time()
        grown = link_tasks.story_synthesis(dataclasses.replace(inp, kept=kept))
        t_kept = time.process_time() - t
        left = link_tasks.omitted_rows(grown)  # rows of unchanged groups: the stored ones stand for them
        assert left <= set(held)
        rows = sorted(grown.discrepancies + [held[i] for i in left], key=lambda r: r["id"])
        assert (anew.discrepancies, anew.quote_groups, anew.kept) == (rows, grown.quote_groups, grown.kept)
        print(f"{sid}: {sizes[sid]} members, {len(inp.amounts)} amounts, {len(inp.quotes)} quotes: read {read:.3f} "
              f"CPU-s; synthesis from every pair {t_anew:.3f}, from kept groups {t_kept:.3f} (same rows)")
    store.close()


if __name__ == "__main__":
    main()
