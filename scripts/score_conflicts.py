"""Precision and recall of conflict (and corroboration) detection on planted article pairs.

Usage: python scripts/score_conflicts.py [tests/fixtures/synthesis/pairs.jsonl] [--verbose]
Each pair is run through the full pipeline, stored as one story, and compared.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from newsdesk.config import load_settings
from newsdesk.corpus.brief import _claims
from newsdesk.corpus.compare import discrepancies
from newsdesk.pipeline import load_models, process_article
from newsdesk.records import RawDoc
from newsdesk.store import open_store

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "synthesis" / "pairs.jsonl"


def predict(pair: dict, models, workdir: Path) -> tuple[set[str], list[dict]]:
    """Kinds of discrepancy found between the two articles of a pair."""
    settings = load_settings(db=str(workdir / f"{pair['id']}.db"), workers=1, min_article_words=10)
    store = open_store(settings.db)
    ids = []
    for side in ("a", "b"):
        art = pair[side]
        raw = RawDoc(source=f"pairs/{pair['id']}/{side}", text=art["text"],
                     hints={"outlet": art["outlet"], "published": art["published"], "title": pair["id"]})
        rec = process_article(raw, models, settings)
        store.save_record(rec)
        ids.append(rec.id)
    store.save_story_rows_for_tests("pair", ids)
    rows = discrepancies(_claims(store, ids, store.synthesis_articles(ids)))
    store.close()
    return {r["kind"] for r in rows}, rows


def score(path: Path = PAIRS, verbose: bool = False) -> dict:
    models = load_models()
    pairs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts = {k: {"tp": 0, "fp": 0, "fn": 0} for k in ("conflict", "corroboration")}
    with tempfile.TemporaryDirectory() as tmp:
        for pair in pairs:
            found, rows = predict(pair, models, Path(tmp))
            for kind, c in counts.items():
                gold, got = pair["gold"] == kind, kind in found
                c["tp"] += gold and got
                c["fp"] += got and not gold
                c["fn"] += gold and not got
            if verbose:
                mark = "ok " if (pair["gold"] in found or (pair["gold"] == "none" and not found)) else "ERR"
                print(f"{mark} {pair['id']:28} gold={pair['gold']:13} found={sorted(found)}"
                      + "".join(f"\n      {r['kind']}: {r['about']} | {r['note']}" for r in rows))
    out = {}
    for kind, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        out[kind] = {**c, "precision": round(p, 3), "recall": round(r, 3)}
    out["pairs"] = len(pairs)
    return out


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    print(json.dumps(score(Path(args[0]) if args else PAIRS, "--verbose" in sys.argv), indent=2))
