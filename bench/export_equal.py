"""Fill a fresh store with the first 1,500 cached Reuters records in three ingests of 500 and export it, so that
two codes' exports can be compared byte for byte (what "exports byte-equal" in the README means):

    PYTHONPATH=src python bench/export_equal.py OUT_DIR [--cache /tmp/newsdesk-scale-bench]
    (the other code's tree likewise into OTHER_DIR), then: diff -r OUT_DIR OTHER_DIR
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import scale_bench as sb

BATCHES = (0, 500, 1000)
BATCH = 500


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="folder the export is written to (replaced)")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "newsdesk-scale-bench"),
                    help="scale_bench's record cache (a complete records-<M>.pkl with M >= 1500)")
    args = ap.parse_args()
    records = next((p for m, p in sb._complete(Path(args.cache)) if m >= BATCHES[-1] + BATCH), None)
    if records is None:
        raise SystemExit(f"no complete record cache of {BATCHES[-1] + BATCH} records in {args.cache}")
    with tempfile.TemporaryDirectory(prefix="newsdesk-eq-") as tmp:
        db = str(Path(tmp) / "eq.db")
        timings: dict[str, float] = defaultdict(float)
        for start in BATCHES:
            sb.fill(db, records, start, start + BATCH, timings)
        subprocess.run([sys.executable, "-m", "newsdesk.cli", "--db", db, "export", "--out", args.out],
                       check=True, stdout=subprocess.DEVNULL)
    print(f"exported to {args.out}")


if __name__ == "__main__":
    main()
