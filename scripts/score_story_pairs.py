"""Member pairs of big stories in a dense store: do the members of a big story report one happening?

Usage:
  python scripts/score_story_pairs.py select STORE          # draw the pairs by the README's rule (for labelling)
  python scripts/score_story_pairs.py score STORE [--json]  # score a store filled by the code being scored

The rule is in tests/fixtures/story_pairs_dense/README.md; gold.json holds Reuters ids and labels only.
A store is made with ``scale_bench.fill`` (``bench/``) of the first 15,100 records of the bench's cache.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "story_pairs_dense" / "gold.json"
MIN_MEMBERS, PAIRS = 30, 4
HEAD = 400  # characters of each text shown for labelling


def _stories(db: sqlite3.Connection) -> dict[str, list[tuple[str, str]]]:
    """story id -> [(article id, url)] of its members that are not copies, in article id order."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    q = "SELECT story_id, id, url FROM articles WHERE story_id IS NOT NULL AND duplicate_of IS NULL ORDER BY id"
    for sid, aid, url in db.execute(q):
        out[sid].append((aid, url))
    return out


def split_of(story_id: str) -> str:
    return "dev" if hashlib.sha1(story_id.encode()).digest()[0] % 2 == 0 else "test"


def select(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """The pairs of the README's rule, with what a labeller reads (never written into the repo)."""
    pairs = []
    for sid, members in sorted(_stories(db).items()):
        if len(members) < MIN_MEMBERS:
            continue
        rng = random.Random(hashlib.sha1(sid.encode()).hexdigest())
        seen: set[tuple[int, int]] = set()
        while len(seen) < PAIRS:
            i, j = sorted(rng.sample(range(len(members)), 2))
            if (i, j) in seen:
                continue
            seen.add((i, j))
            a, b = members[i], members[j]
            pairs.append({"story": sid, "split": split_of(sid), "a": a[1], "b": b[1],
                          "read": [_read(db, a[0]), _read(db, b[0])]})
    return pairs


def _read(db: sqlite3.Connection, aid: str) -> str:
    title, published, text = db.execute("SELECT title, published, text FROM articles WHERE id = ?", (aid,)).fetchone()
    return f"[{published}] {title} | {' '.join((text or '')[:HEAD].split())}"


def score(db: sqlite3.Connection, gold_path: Path = GOLD) -> dict[str, Any]:
    """Per split: labelled pairs, how many newsdesk puts in one story, how many of those are the same
    happening (precision), and how many ``same`` pairs it keeps together (recall)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    story = dict(db.execute("SELECT url, story_id FROM articles WHERE url IS NOT NULL"))
    out: dict[str, Any] = {}
    for part in ("dev", "test", "all"):
        rows = [p for p in gold["pairs"] if part == "all" or p["split"] == part]
        together = [p for p in rows if story.get(p["a"]) and story.get(p["a"]) == story.get(p["b"])]
        same = [p for p in rows if p["label"] == "same"]
        kept = [p for p in together if p["label"] == "same"]
        out[part] = {"pairs": len(rows), "same": len(same), "together": len(together),
                     "precision": round(len(kept) / len(together), 3) if together else None,
                     "recall": round(len(kept) / len(same), 3) if same else None}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["select", "score"])
    ap.add_argument("store", help="SQLite store filled with the bench's Reuters records")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    db = sqlite3.connect(f"file:{args.store}?mode=ro", uri=True)
    if args.command == "select":
        for p in select(db):
            print(json.dumps(p, ensure_ascii=False))
        return
    res = score(db)
    if args.json:
        print(json.dumps(res))
        return
    for part, r in res.items():
        print(f"{part}: {r['pairs']} pairs ({r['same']} same happening); {r['together']} in one story, "
              f"precision {r['precision']}, recall of same pairs {r['recall']}")


if __name__ == "__main__":
    sys.exit(main())
