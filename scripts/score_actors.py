"""Score the actors stage against tests/fixtures/actors/gold.jsonl: precision/recall of mention links.

A gold link is (surface, occurrence, entity key). A predicted mention is correct when it overlaps the
gold span and names the same entity; predicted mentions overlapping no gold span count as errors.
Usage: python scripts/score_actors.py [-v] [gold.jsonl]
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "actors" / "gold.jsonl"


def gold_spans(item: dict, registry=None) -> list[tuple[int, int, str, str]]:
    """Gold links as char spans; registry references (ids, ISO3 codes) resolved to entity keys."""
    out = []
    for surface, occurrence, entity in item["links"]:
        found = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", item["text"])]
        pos = found[occurrence - 1]
        if registry is not None and not entity.startswith("loc:"):
            actor = registry.resolve(entity)
            entity = actor.key if actor is not None else entity
        out.append((pos, pos + len(surface), surface, entity))
    return out


def score(path: Path = GOLD, verbose: bool = False) -> dict[str, float]:
    from newsdesk.nlp.actors import link_actors
    from newsdesk.nlp.context import Context
    from newsdesk.pipeline import load_models
    from newsdesk.records import Meta

    models = load_models()
    tp = n_pred = n_gold = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        doc = models.nlp(item["text"])
        ctx = Context(doc=doc, meta=Meta(published=item.get("anchor")), anchor=item.get("anchor"),
                      resources=models.resources)
        pred = link_actors(ctx)
        gold = gold_spans(item, models.resources.registry)
        n_pred += len(pred)
        n_gold += len(gold)
        hit_gold: set[int] = set()
        for m in pred:
            match = [i for i, (a, b, _, e) in enumerate(gold) if m.start < b and a < m.end and e == m.entity]
            if match and match[0] not in hit_gold:
                hit_gold.add(match[0])
                tp += 1
            elif verbose:
                print(f"  FP {item['id']}: {m.text!r} -> {m.entity} ({m.how})")
        if verbose:
            for i, (a, b, s, e) in enumerate(gold):
                if i not in hit_gold:
                    print(f"  FN {item['id']}: {s!r} -> {e}")
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "predicted": n_pred, "gold": n_gold}


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    res = score(Path(args[0]) if args else GOLD, verbose="-v" in sys.argv)
    print(f"precision {res['precision']:.3f}  recall {res['recall']:.3f}  f1 {res['f1']:.3f}  "
          f"(tp {res['tp']}, predicted {res['predicted']}, gold {res['gold']})")
