"""Score amount extraction against tests/fixtures/extract/amounts_gold.jsonl.

Runs the real pipeline (reader text -> cleaner -> spaCy -> stages) over the seed articles
(../shared/corpus/seeds) and the fixture articles, then matches gold items by value, unit and
overlapping text, so the gold survives cleaner changes. Prints recall, precision and how often the
matched items agree on approx and date.

    /tmp/probe/bin/python scripts/score_amounts.py [-v]
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "extract" / "amounts_gold.jsonl"
FIX = ROOT / "tests" / "fixtures" / "extract"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def _matches(gold: dict, pred) -> bool:
    g, p = gold["text"].lower(), pred.text.lower()
    close = abs(pred.value - gold["value"]) <= 0.001 * abs(gold["value"]) + 0.05
    return close and pred.unit == gold["unit"] and (g in p or p in g)


def load_docs() -> dict[str, object]:
    """doc id -> ArticleRecord from the full pipeline."""
    from newsdesk.config import load_settings
    from newsdesk.pipeline import load_models, process_article
    from newsdesk.records import RawDoc

    models, settings = load_models(), load_settings()
    meta = json.loads((FIX / "articles.json").read_text(encoding="utf-8"))
    docs = {}
    for path in sorted(SEEDS.glob("*.txt")):
        raw = RawDoc(source=str(path), text=path.read_text(encoding="utf-8"))
        docs[f"seed:{path.name}"] = process_article(raw, models, settings, strict=True)
    for name, hints in meta.items():
        path = FIX / name
        raw = RawDoc(source=str(path), text=path.read_text(encoding="utf-8"), hints=dict(hints))
        docs[f"fixture:{name}"] = process_article(raw, models, settings, strict=True)
    return docs


def score(docs: dict[str, object], verbose: bool = False) -> dict[str, float]:
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_doc = defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append(g)
    found = approx_ok = date_total = date_ok = 0
    n_pred = n_pred_ok = 0
    for doc_id, rec in docs.items():
        preds = list(rec.amounts)
        n_pred += len(preds)
        used: set[int] = set()
        for g in by_doc.get(doc_id, []):
            hit = next((i for i, p in enumerate(preds) if i not in used and _matches(g, p)), None)
            if hit is None:
                if verbose:
                    print(f"MISS {doc_id}: {g['text']!r} {g['value']} {g['unit']}")
                continue
            used.add(hit)
            found += 1
            approx_ok += preds[hit].approx == g["approx"]
            if "date" in g:
                date_total += 1
                date_ok += preds[hit].date == g["date"]
        n_pred_ok += len(used)
        if verbose:
            for i, p in enumerate(preds):
                if i not in used:
                    print(f"EXTRA {doc_id}: {p.text!r} {p.value} {p.unit}")
    return {"gold": len(gold), "predicted": n_pred, "recall": found / len(gold),
            "precision": n_pred_ok / n_pred if n_pred else 0.0, "approx_agreement": approx_ok / max(found, 1),
            "date_agreement": date_ok / max(date_total, 1), "dated_gold": date_total}


def main() -> None:
    result = score(load_docs(), verbose="-v" in sys.argv)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
