"""The event merge of a store's last K articles (by id) replayed as if they had just arrived: CPU-seconds of
``merge_events`` on a copy of STORE (the merges found are those already stored, so none is written when
the code agrees with the one that filled it; the count of changes is printed as a check).

    PYTHONPATH=src python bench/merge_replay.py STORE.db [--articles 500]
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from newsdesk.config import load_settings
from newsdesk.corpus.merge import merge_events
from newsdesk.store import open_store, schema


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store")
    ap.add_argument("--articles", type=int, default=500, help="how many of the last articles with dated events")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = str(Path(tmp) / "w.db")
        shutil.copyfile(args.store, work)
        store = open_store(work)
        e = schema.events
        with store.engine.connect() as conn:
            ids = list(conn.execute(select(e.c.article_id).where(e.c.date.is_not(None)).distinct()
                                    .order_by(e.c.article_id.desc()).limit(args.articles)).scalars())
        t = time.process_time()
        changes = merge_events(store, ids, load_settings(db=work))
        print(f"merge_events over {len(ids)} stored articles: {time.process_time() - t:.2f} CPU-s, "
              f"{len(changes)} changes")
        store.close()


if __name__ == "__main__":
    main()
