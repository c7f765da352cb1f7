"""Member pairs of big stories in a dense store: do the members of a big story report one happening?

Usage:
  python scripts/score_story_pairs.py select STORE          # draw the pairs by the README's rule (for labelling)
  python scripts/score_story_pairs.py score STORE [--json]  # score a store filled by the code being scored
  python scripts/score_story_pairs.py moved STORE_A STORE_B --draw FILE   # the pairs a change moves, blind
  python scripts/score_story_pairs.py moved STORE_A STORE_B --labels moved.json  # their figures
  python scripts/score_story_pairs.py recluster STORE --out COPY.db [--set key=value ...]
      # copy STORE, forget its stories, assign its articles again in link batches with the code (and
      # Settings) being tried, and score the copy's DEV pairs only (test stays unread while tuning)

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


MOVED = ROOT / "tests" / "fixtures" / "story_pairs_dense" / "moved.json"
MOVED_SEED, MOVED_N = "story-pairs-moved", 30


def _member_pairs(db: sqlite3.Connection) -> set[tuple[str, str]]:
    """(url, url) of every two members of one story that are not copies, the smaller Reuters id first."""
    out = set()
    for members in _stories(db).values():
        urls = sorted((u for _, u in members), key=_rid)
        out.update((a, b) for i, a in enumerate(urls) for b in urls[i + 1:])
    return out


def _rid(url: str) -> int:
    return int(url.rsplit("/", 1)[-1])


def moved(a: sqlite3.Connection, b: sqlite3.Connection, seed: str = MOVED_SEED) -> dict[str, Any]:
    """The README's round-two rule: pairs store B separates (``split``) and joins (``joined``) against A,
    30 of each drawn, then shuffled together for blind labelling."""
    pa, pb = _member_pairs(a), _member_pairs(b)
    rng = random.Random(seed)
    sides = {"split": pa - pb, "joined": pb - pa}
    drawn = []
    for side, pairs in sides.items():
        ordered = sorted(pairs, key=lambda p: (_rid(p[0]), _rid(p[1])))
        drawn += [{"side": side, "a": x, "b": y} for x, y in rng.sample(ordered, min(MOVED_N, len(ordered)))]
    rng.shuffle(drawn)
    return {"sizes": {k: len(v) for k, v in sides.items()}, "pairs": drawn}


def moved_figures(labels: dict[str, Any]) -> dict[str, Any]:
    """Share of same-happening pairs per side and the estimates (side size x share) the decision reads."""
    out: dict[str, Any] = {}
    for side, size in labels["sizes"].items():
        rows = [p for p in labels["pairs"] if p["side"] == side and p.get("label") in ("same", "different")]
        share = sum(p["label"] == "same" for p in rows) / len(rows) if rows else 0.0
        out[side] = {"pairs": size, "labelled": len(rows), "same_share": round(share, 3),
                     "same_est": round(size * share), "different_est": round(size * (1 - share))}
    lost = out["split"]["same_est"] - out["joined"]["same_est"]
    removed = out["split"]["different_est"] - out["joined"]["different_est"]
    out["same_lost_est"], out["different_removed_est"] = lost, removed
    out["keep"] = removed > 0 and lost <= removed / 10
    return out


def recluster(store_path: str, out: str, overrides: dict[str, Any]) -> None:
    """Copy ``store_path`` to ``out``, forget its stories and assign every article again, in link batches
    of ``Settings.link_batch`` in the order the articles were stored, as ``link_pending`` would."""
    import shutil

    from newsdesk.config import load_settings
    from newsdesk.corpus.stories import assign_stories
    from newsdesk.store import open_store

    shutil.copyfile(store_path, out)
    settings = load_settings(db=out, **overrides)
    store = open_store(settings.db)
    store.reset_stories()
    db = sqlite3.connect(out)
    ids = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY rowid")]
    db.close()
    for i in range(0, len(ids), settings.link_batch):
        assign_stories(store, ids[i:i + settings.link_batch], settings)
    store.close()


def sizes(db: sqlite3.Connection) -> dict[str, Any]:
    """The biggest stories (members that are not copies) and how many articles stories of 20+/50+ hold."""
    n = sorted((len(m) for m in _stories(db).values()), reverse=True)
    return {"biggest": n[:5], "in_20plus": sum(x for x in n if x >= 20), "in_50plus": sum(x for x in n if x >= 50),
            "stories": len(n)}


def _value(v: str) -> Any:
    try:
        return json.loads(v)
    except json.JSONDecodeError:
        return v


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["select", "score", "recluster", "moved"])
    ap.add_argument("store", help="SQLite store filled with the bench's Reuters records")
    ap.add_argument("other", nargs="?", help="moved: the store filled with the change (B)")
    ap.add_argument("--draw", help="moved: write the blind pairs with their texts here (keep it outside the repo)")
    ap.add_argument("--labels", help="moved: a labelled moved.json to score")
    ap.add_argument("--seed", default=MOVED_SEED, help="moved: the draw's seed (one per judged change)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--out", help="recluster: where the re-clustered copy goes")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="recluster: a Settings field")
    args = ap.parse_args()
    if args.command == "moved":
        if args.labels:
            print(json.dumps(moved_figures(json.loads(Path(args.labels).read_text(encoding="utf-8"))), indent=1))
            return
        if not args.other or not args.draw:
            ap.error("moved needs STORE_B and --draw FILE (or --labels FILE)")
        db_a = sqlite3.connect(f"file:{args.store}?mode=ro", uri=True)
        db_b = sqlite3.connect(f"file:{args.other}?mode=ro", uri=True)
        got = moved(db_a, db_b, args.seed)
        by_url = {u: aid for st in _stories(db_b).values() for aid, u in st}
        with open(args.draw, "w", encoding="utf-8") as fh:
            for i, p in enumerate(got["pairs"]):
                fh.write(json.dumps({"n": i, "read": [_read(db_b, by_url[p["a"]]), _read(db_b, by_url[p["b"]])]},
                                    ensure_ascii=False) + "\n")
        print(json.dumps(got))  # the key: sides and ids, to be saved as moved.json once labelled
        return
    if args.command == "recluster":
        if not args.out:
            ap.error("recluster needs --out")
        recluster(args.store, args.out, {k: _value(v) for k, v in (x.split("=", 1) for x in args.set)})
        db = sqlite3.connect(f"file:{args.out}?mode=ro", uri=True)
        print(json.dumps({"dev": score(db)["dev"], **sizes(db)}))
        return
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
