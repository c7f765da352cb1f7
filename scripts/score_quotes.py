"""Score quote extraction against tests/fixtures/quotes/gold.jsonl.

Runs the real pipeline (readers -> process_article with load_models()) over the seed corpus
(../shared/corpus/seeds) and the quote fixtures (tests/fixtures/quotes/*.txt), then prints quote
precision and recall (a prediction matches a gold quote when their first 30 normalised characters
agree), speaker accuracy over matched quotes (a gold speaker may list alternatives; names compare
case- and accent-insensitively, or by surname when both have one), and partial-flag accuracy.

    /tmp/probe/bin/python scripts/score_quotes.py [--verbose] [--no-actors]

--no-actors runs without the actors stage, to measure the quote stage's own spaCy fallback.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from newsdesk.config import load_settings
from newsdesk import pipeline
from newsdesk.pipeline import load_models, process_article
from newsdesk.readers import Rejection, read_inputs

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "quotes"
PREFIX = 30


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[“”„\"‘’']", "'", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def same_speaker(pred: str | None, gold: str | None) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    p, g = norm(pred), norm(gold)
    return p == g or p.split()[-1] == g.split()[-1]


def doc_paths() -> dict[str, Path]:
    out = {f"seed:{p.stem}": p for p in sorted(SEEDS.glob("*.txt"))}
    out.update({f"fixture:{p.stem}": p for p in sorted(FIXTURES.glob("*.txt"))})
    return out


def score(verbose: bool = False) -> dict[str, float]:
    gold: dict[str, list[dict]] = defaultdict(list)
    for line in (FIXTURES / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gold[row["doc"]].append(row)
    settings, models = load_settings(), load_models()
    n_pred = n_gold = matched = speaker_ok = partial_ok = 0
    for doc_id, path in doc_paths().items():
        if doc_id not in gold:
            continue
        raws = [r for r in read_inputs([path], settings) if not isinstance(r, Rejection)]
        record = process_article(raws[0], models, settings)
        for warning in record.warnings:
            if "quotes" in warning:
                raise RuntimeError(f"{doc_id}: {warning}")  # a broken quote stage must not score as 0
        preds = list(record.quotes)
        n_pred += len(preds)
        n_gold += len(gold[doc_id])
        used: set[int] = set()
        for g in gold[doc_id]:
            key = norm(g["quote"])[:PREFIX]
            hit = next((i for i, q in enumerate(preds) if i not in used and norm(q.text)[:len(key)] == key), None)
            if hit is None:
                if verbose:
                    print(f"MISS  {doc_id}: {g['quote']!r}")
                continue
            used.add(hit)
            matched += 1
            q = preds[hit]
            alts = g["speaker"] if isinstance(g["speaker"], list) else [g["speaker"]]
            ok = any(same_speaker(q.speaker, a) for a in alts)
            speaker_ok += ok
            partial_ok += q.partial == g["partial"]
            if verbose and (not ok or q.partial != g["partial"]):
                print(f"WRONG {doc_id}: {g['quote'][:30]!r} speaker={q.speaker!r} gold={g['speaker']!r} "
                      f"partial={q.partial} gold={g['partial']}")
        if verbose:
            for i, q in enumerate(preds):
                if i not in used:
                    print(f"EXTRA {doc_id}: {q.text[:50]!r} speaker={q.speaker!r}")
    result = {
        "gold": n_gold, "predicted": n_pred, "matched": matched,
        "precision": matched / n_pred if n_pred else 0.0, "recall": matched / n_gold if n_gold else 0.0,
        "speaker_accuracy": speaker_ok / matched if matched else 0.0,
        "partial_accuracy": partial_ok / matched if matched else 0.0,
    }
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list misses, wrong speakers and extra quotes")
    ap.add_argument("--no-actors", action="store_true", help="skip the actors stage (spaCy fallback)")
    args = ap.parse_args()
    if args.no_actors:
        pipeline.STAGES[:] = [(n, (lambda ctx: []) if n == "actors" else f, a) for n, f, a in pipeline.STAGES]
    result = score(args.verbose)
    print(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
