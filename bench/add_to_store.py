"""Add the next 100 cached Reuters records to a COPY of a filled store (or to an empty store); print the
CPU-seconds of each corpus stage. Two codes compare on one filled store: fill it once with
``bench/scale_bench.py``'s ``fill`` (or keep one from ``--one``), then run this script under each code's
PYTHONPATH, alternately (a store older than the code is migrated first, outside the clock).

    python bench/add_to_store.py STORE.db|empty N [--cache /tmp/newsdesk-scale-bench] [--work /tmp/x.db]
"""
from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

import scale_bench as sb


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", help="a store filled with the first N cached records, or 'empty'")
    ap.add_argument("n", type=int, help="records already in the store: records N..N+100 are added")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "newsdesk-scale-bench"),
                    help="scale_bench's record cache (a complete records-<M>.pkl with M >= N+100)")
    ap.add_argument("--work", default=None, help="where the copy goes (default: a temporary folder)")
    args = ap.parse_args()
    records = next((p for m, p in sb._complete(Path(args.cache)) if m >= args.n + sb.ADD), None)
    if records is None:
        raise SystemExit(f"no complete record cache of {args.n + sb.ADD} records in {args.cache}")
    from newsdesk.store import open_store

    with tempfile.TemporaryDirectory(prefix="newsdesk-add-") as tmp:
        work = Path(args.work or Path(tmp) / "work.db")
        work.unlink(missing_ok=True)
        if args.store != "empty":
            shutil.copyfile(args.store, work)
            open_store(str(work)).close()  # migrate outside the clock (nothing to do at the head)
        timings: dict[str, float] = defaultdict(float)
        sb.timed_stages(timings)
        r = sb.fill(str(work), records, args.n, args.n + sb.ADD, timings)
        work.unlink(missing_ok=True)
    print(json.dumps({"store": args.store, "n": args.n, "corpus_cpu_s": r["corpus_cpu_s"], **r["stages_cpu_s"]}))


if __name__ == "__main__":
    main()
