"""Where the CPU of adding 100 cached records goes: the corpus stages and the store reads and steps inside
them (CPU-seconds, each call timed where it is made), and the system CPU of the link (SQLite's page reads
and writes). Run it on a copy of a filled store and on ``empty``, for records of the store's period and
(``--other``) the same records read as another period's news (:mod:`repeat`), to split an add's excess
into what the store's size costs and what the neighbourhood costs:

    python bench/add_breakdown.py STORE.db|empty N [--other] [--cache DIR] [--freeze]

``--freeze`` moves the objects alive before the link out of the garbage collector's reach (``gc.freeze``):
the one full collection an add makes costs about 0.08 CPU-s and falls in whichever part allocates when it
is due, so without it a part's figure can hold it in one run and not in the next.
"""
from __future__ import annotations

import argparse
import gc
import json
import resource
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import scale_bench as sb

READS = ("stories_with_keys", "story_dates", "story_features", "term_counts", "save_assignment", "save_bands",
         "band_members", "synthesis_items", "synthesis_articles")


def _timed(owner: Any, name: str, label: str, cpu: dict[str, float]) -> None:
    fn = getattr(owner, name)

    def wrapper(*a: Any, **kw: Any) -> Any:
        c0 = time.process_time()
        try:
            return fn(*a, **kw)
        finally:
            cpu[label] += time.process_time() - c0
    setattr(owner, name, wrapper)


def _io() -> dict[str, int]:
    """This process's read and write system calls so far, and their bytes (Linux /proc; empty elsewhere):
    counts, unlike CPU-seconds, do not move with the machine's load."""
    try:
        rows = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    except OSError:
        return {}
    return {"read calls": int(rows["syscr"]), "write calls": int(rows["syscw"]),
            "MB read": int(rows["rchar"]) / 2**20, "MB written": int(rows["wchar"]) / 2**20}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", help="a store filled with the first N cached records, or 'empty'")
    ap.add_argument("n", type=int, help="records N..N+100 are added")
    ap.add_argument("--other", action="store_true", help="add them as another period's news (repeat pass 1)")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "newsdesk-scale-bench"))
    ap.add_argument("--freeze", action="store_true", help="gc.freeze() before the link (see above)")
    args = ap.parse_args()
    caches = sb._complete(Path(args.cache))
    if not caches or caches[-1][0] < args.n + sb.ADD:
        raise SystemExit(f"no complete record cache of {args.n + sb.ADD} records in {args.cache}")
    path = caches[-1][1]
    start = args.n + (sb._cached(path) if args.other else 0)  # records past the cache read it again (repeat)
    import newsdesk.corpus as corpus
    import newsdesk.corpus.figures as figures
    import newsdesk.corpus.story_assign as story_assign
    from newsdesk.config import load_settings
    from newsdesk.corpus.claims import block_keys
    from newsdesk.corpus.link import link_pending
    from newsdesk.corpus.stories import Clusterer
    from newsdesk.store import Store, open_store

    cpu: dict[str, float] = defaultdict(float)
    for name in sb.STAGES:
        _timed(corpus, name, name, cpu)
    for name in sb.PARTS:
        _timed(figures, name, name, cpu)
    _timed(story_assign, "candidate_stories", "assign: candidate_stories", cpu)
    _timed(Clusterer, "assign", "assign: score and merge (Clusterer.assign)", cpu)
    for name in READS:
        _timed(Store, name, f"store.{name}", cpu)
    with tempfile.TemporaryDirectory(prefix="newsdesk-breakdown-") as tmp:
        db = str(Path(tmp) / "work.db")
        if args.store != "empty":
            shutil.copyfile(args.store, db)
        open_store(db).close()
        store = open_store(db)
        for rec in sb.records(path, start, start + sb.ADD):  # stored as fill() stores them, outside the clock
            for c in rec.claims:
                am = rec.amounts[c["amount"]]
                c["blocks"] = block_keys(am.unit, am.value, am.date, c["features"])
            with store.writer():
                store.save_record(rec)
        cpu.clear()
        if args.freeze:
            gc.collect()
            gc.freeze()
        io0 = _io()
        r0, c0 = resource.getrusage(resource.RUSAGE_SELF), time.process_time()
        link_pending(store, load_settings(db=db))
        r1 = resource.getrusage(resource.RUSAGE_SELF)
        io1 = _io()
        for k in io1:
            cpu[f"link: {k}"] = io1[k] - io0[k]
        cpu["link: RSS after, MB"] = sb.rss_mb()
        cpu["link: peak RSS of the process, MB"] = sb.peak_mb()
        cpu["link (corpus CPU-s)"] = time.process_time() - c0
        cpu["link: system CPU"] = r1.ru_stime - r0.ru_stime
        cpu["link: minor page faults"] = r1.ru_minflt - r0.ru_minflt
        store.close()
    print(json.dumps({"store": args.store, "records": [start, start + sb.ADD], "other_period": args.other,
                      **{k: round(v, 3) for k, v in sorted(cpu.items())}}))


if __name__ == "__main__":
    main()
