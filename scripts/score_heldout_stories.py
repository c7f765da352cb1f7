"""Score story clustering, story dates and dyad timelines on the held-out stories set.

Usage: python scripts/score_heldout_stories.py [--json] [fixture_dir]
Ingests the articles into a temporary SQLite store and compares with gold.json.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from newsdesk.config import load_settings
from newsdesk.corpus.timeline import timeline
from newsdesk.ingest import ingest_paths
from newsdesk.store import open_store

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "heldout_stories"


def pairs(groups: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in itertools.combinations(sorted(g), 2)}


def score(fixture_dir: Path = DEFAULT_DIR) -> dict[str, Any]:
    """Ingest the set and return figures plus the details behind them."""
    gold = json.loads((fixture_dir / "gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "heldout.db")
        settings = load_settings(db=db, workers=1)
        store = open_store(settings.db)
        ingest_paths([fixture_dir / "articles"], store, settings, workers=1)
        stem = {r["id"]: Path(r["source"]).stem for r in store.table_rows("articles")}
        stories = list(store.story_export_rows())
        rows = {tuple(d): [r.as_dict() for r in timeline(store, d)]
                for d in {tuple(t["dyad"]) for t in gold["timeline"]}}
        dispose = getattr(getattr(store, "engine", None), "dispose", None)
        if dispose:
            dispose()
    found = [sorted(stem[a] for a in s["articles"]) for s in stories if s["articles"]]
    gold_groups = [sorted(s["articles"]) for s in gold["stories"]]
    got_p, want_p = pairs(found), pairs(gold_groups)
    tp = len(got_p & want_p)
    precision = tp / len(got_p) if got_p else 1.0
    recall = tp / len(want_p) if want_p else 1.0
    date_of = {stem[a]: s["date"] for s in stories for a in s["articles"]}
    date_hits = [(g["name"], g["date"], sorted({date_of.get(a) or "-" for a in g["articles"]}))
                 for g in gold["stories"]]
    date_ok = sum(1 for _, want, got in date_hits if got == [want])
    tl_hits = []
    for t in gold["timeline"]:
        types = {t["type"], *t.get("also", [])}
        cands = rows[tuple(t["dyad"])]
        exact = any(r["date"] == t["date"] and r["type"] in types for r in cands)
        dated = any(r["date"] == t["date"] for r in cands)
        tl_hits.append({"dyad": t["dyad"], "date": t["date"], "type": t["type"], "hit": exact, "date_hit": dated,
                        "rows": [(r["date"], r["type"], r["title"]) for r in cands]})
    return {
        "pair_precision": round(precision, 3), "pair_recall": round(recall, 3),
        "pairs": {"found": len(got_p), "gold": len(want_p), "true": tp},
        "story_date_accuracy": round(date_ok / len(gold["stories"]), 3),
        "timeline_recall": round(sum(h["hit"] for h in tl_hits) / len(tl_hits), 3),
        "timeline_date_recall": round(sum(h["date_hit"] for h in tl_hits) / len(tl_hits), 3),
        "found_stories": sorted(found), "story_dates": date_hits, "timeline": tl_hits,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("fixture_dir", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--json", action="store_true", help="print every detail as JSON")
    args = ap.parse_args(argv)
    res = score(Path(args.fixture_dir))
    if args.json:
        print(json.dumps(res, indent=1))
        return 0
    p = res["pairs"]
    print(f"same-story pairs: precision {res['pair_precision']:.3f}  recall {res['pair_recall']:.3f}"
          f"  (found {p['found']}, gold {p['gold']}, both {p['true']})")
    print(f"story-date accuracy: {res['story_date_accuracy']:.3f}")
    print(f"timeline row recall (date+type): {res['timeline_recall']:.3f}"
          f"  (date only: {res['timeline_date_recall']:.3f})")
    print("found stories:")
    for g in res["found_stories"]:
        print("  ", g)
    print("story dates (gold, found):")
    for name, want, got in res["story_dates"]:
        print(f"   {'ok ' if got == [want] else 'BAD'} {name}: {want} -> {got}")
    print("timeline:")
    for h in res["timeline"]:
        print(f"   {'ok ' if h['hit'] else 'MISS'} {'/'.join(h['dyad'])} {h['date']} {h['type']}")
        for r in h["rows"]:
            print(f"        {r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
