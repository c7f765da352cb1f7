"""Train the quote-speaker ranker (issue 14, round nine) on PolNeAR train; weights only go in the repo.

    # 1. run the pipeline over a split, keep every found quote's candidate speakers and their facts
    #    (scripts/speaker_ranker.py.TRACE) with a label per candidate, in a cache file OUTSIDE the repo
    python scripts/train_speaker_ranker.py collect /work/data-quotes/data --split train --cache /tmp/r9/train.json
    python scripts/train_speaker_ranker.py collect /work/data-quotes/data --split dev --cache /tmp/r9/dev.json
    # 2. fit: article-level cross-validation on train, then the model on all of train; --out writes
    #    scripts/speaker_ranker.json (feature names + weights); --eval scores another cache
    python scripts/train_speaker_ranker.py fit --cache /tmp/r9/train.json --eval /tmp/r9/dev.json [--out FILE]

Labels: a candidate is right when ``score_polnear.py``'s legacy speaker rule would score it right
(head word of the gold Source; for a pronoun or unnamed gold source, also the nearest earlier named
gold source, the annotators' chain). One example per found gold direct quote with a Source, as the
scorer counts them. The model: a conditional logit (softmax over a quote's candidates, linear score,
L2 penalty), fitted with scipy's L-BFGS, with a 'none of these' row per quote (right when no candidate
is): where it wins, the rules' answer stands, and a quote they left unattributed stays so.
Collect runs the quote stage and then the ranker in trace mode over its output (the facts are those
of the rules' answers; the weights are applied only if the data file has ``enabled`` true).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score_polnear as sp  # noqa: E402  (the scorer's matching rules, not copied)

from newsdesk.config import load_settings  # noqa: E402
from newsdesk.errors import RejectedInput  # noqa: E402
import speaker_ranker as quote_ranker  # noqa: E402  (scripts/, beside this one)
from newsdesk import pipeline  # noqa: E402
from newsdesk.nlp.quotes import extract_quotes  # noqa: E402
from newsdesk.pipeline import load_models, process_batch  # noqa: E402
from newsdesk.records import RawDoc  # noqa: E402

DATA_OUT = Path(__file__).resolve().parent / "speaker_ranker.json"


def _right(speaker: str | None, description: str | None, gold: str, earlier: str | None) -> bool:
    """The legacy scorer's verdict for one candidate (score_polnear.score, speaker_accuracy)."""
    if not (speaker or description):
        return False
    if sp.pred_matches(speaker, description, gold):
        return True
    pronoun = gold.strip().lower() in sp.PRONOUNS
    return (pronoun or not sp.has_name(gold)) and earlier is not None and sp.pred_matches(speaker, description, earlier)


def _traced_quotes(ctx):
    """The pipeline's quote stage, then the ranker over its output (facts into TRACE)."""
    return quote_ranker.rank_quotes(ctx, extract_quotes(ctx))


def collect(data: Path, split: str, cache: Path, limit: int | None, batch: int = 40) -> None:
    settings, models = load_settings(), load_models()
    # the ranker is not in the pipeline: run it after the quote stage here (weights applied when enabled)
    pipeline.STAGES[:] = [(n, _traced_quotes if n == "quotes" else f, a) for n, f, a in pipeline.STAGES]
    docs = sp.load_split(data, split, limit)
    rows = []
    for b in range(0, len(docs), batch):
        part = docs[b:b + batch]
        quote_ranker.TRACE = []
        records = process_batch([RawDoc(source=n, text=t) for n, t, _, _ in part], models, settings)
        trace = {(e["text_hash"], e["start"], e["end"]): e for e in quote_ranker.TRACE}
        quote_ranker.TRACE = None
        for d, ((name, text, atts, _), rec) in enumerate(zip(part, records)):
            if isinstance(rec, RejectedInput):
                continue
            offsets, h = rec.clean.offsets, hash(rec.clean.text)
            preds = []
            for q in rec.quotes:
                s, e = sp.to_source(offsets, q.start), sp.to_source(offsets, q.end - 1)
                if s is not None and e is not None:
                    preds.append((s, e + 1, q))
            sources = sorted((a["source"][0][0], " ".join(text[x:y] for x, y in a["source"]))
                             for a in atts if a["source"])
            for a in atts:
                if not a["source"] or not sp.is_direct(text, a["content"]):
                    continue
                over = [(sum(max(0, min(e, ce) - max(s, cs)) for cs, ce in a["content"]), q) for s, e, q in preds]
                over = [x for x in over if x[0] > 0]
                if not over:
                    continue
                q = max(over, key=lambda x: x[0])[1]
                gold = " ".join(text[x:y] for x, y in a["source"])
                pos = a["source"][0][0]
                named = [g for p, g in sources if p < pos and sp.has_name(g) and g.strip().lower() not in sp.PRONOUNS]
                earlier = named[-1] if named else None
                entry = trace.get((h, q.start, q.end))
                row = {"article": b + d, "rule_ok": _right(q.speaker, q.speaker_description, gold, earlier),
                       "how": q.speaker_how}
                if entry is not None:
                    row.update(context=entry["context"], rule_how=entry["rule_how"],
                               options=[{"facts": f, "label": _right(s, desc, gold, earlier), "speaker": s,
                                         "description": desc} for s, desc, f in entry["options"]])
                rows.append(row)
        print(f"{split}: {min(b + batch, len(docs))}/{len(docs)} articles", file=sys.stderr)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps({"split": split, "rows": rows}), encoding="utf-8")


def _design(rows: list[dict]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per quote with candidates: (X candidates x features, y 0/1 labels)."""
    out = []
    for r in rows:
        opts = [o for o in r.get("options") or [] if quote_ranker.admissible(o["facts"])]
        r["options"] = opts
        if not opts:
            out.append((np.zeros((0, len(quote_ranker.feature_names()))), np.zeros(0)))
            continue
        facts = quote_ranker.with_quote_facts([o["facts"] for o in opts])
        X = np.array([quote_ranker.vectorize(f, r["context"], r["rule_how"]) for f in facts]
                     + [quote_ranker.null_vector(r["context"])], dtype=float)
        y = [float(o["label"]) for o in opts]
        out.append((X, np.array(y + [0.0 if any(y) else 1.0])))  # the last row: none of them is right
    return out


def _stack(groups: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The quotes with something to learn (some but not all candidates right), stacked: X, y and the
    start row of each quote."""
    use = [(X, y) for X, y in groups if y.any() and not y.all()]
    starts = np.cumsum([0] + [len(y) for _, y in use])[:-1]
    return np.vstack([X for X, _ in use]), np.concatenate([y for _, y in use]), starts


def _loss(w: np.ndarray, X: np.ndarray, y: np.ndarray, starts: np.ndarray, l2: float) -> tuple[float, np.ndarray]:
    """Negative log of the softmax mass on right candidates, summed over quotes, plus an L2 penalty."""
    s = X @ w
    gid = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(s))))
    s = s - np.maximum.reduceat(s, starts)[gid]
    e = np.exp(s)
    p = e / np.add.reduceat(e, starts)[gid]
    mass = np.add.reduceat(p * y, starts)
    loss = -np.log(mass).sum() + l2 * float(w @ w)
    grad = -X.T @ (p * y / mass[gid] - p) + 2 * l2 * w
    return loss, grad


def fit(groups: list[tuple[np.ndarray, np.ndarray]], l2: float) -> np.ndarray:
    dim = len(quote_ranker.feature_names())
    res = minimize(_loss, np.zeros(dim), args=(*_stack(groups), l2), jac=True, method="L-BFGS-B",
                   options={"maxiter": 1000})
    return res.x


def evaluate(rows: list[dict], groups, w: np.ndarray, min_p: float = 0.0) -> dict:
    """Right speakers with the rules alone and with the ranker (quotes without candidates keep the rules')."""
    rule = ranked = changed = fixed = broken = 0
    for r, (X, y) in zip(rows, groups):
        rule += r["rule_ok"]
        ok = r["rule_ok"]
        if len(y):
            s = X @ w
            top = int(np.argmax(s))
            p = float(np.exp(s[top] - s.max()) / np.exp(s - s.max()).sum())
            keep = X[top, 0] > 0 or top == len(y) - 1  # the rules' answer, or none of the others
            if not keep and p >= min_p:
                ok = bool(y[top])
                changed += 1
                fixed += ok and not r["rule_ok"]
                broken += r["rule_ok"] and not ok
        ranked += ok
    n = len(rows)
    return {"quotes": n, "rule": rule, "ranked": ranked, "rule_acc": rule / n if n else 0.0,
            "ranked_acc": ranked / n if n else 0.0, "changed": changed, "fixed": fixed, "broken": broken}


def cross_validate(rows: list[dict], l2: float, folds: int, min_p: float) -> dict:
    groups = _design(rows)
    arts = sorted({r["article"] for r in rows})
    total = {"quotes": 0, "rule": 0, "ranked": 0, "changed": 0, "fixed": 0, "broken": 0}
    for f in range(folds):
        held = {a for i, a in enumerate(arts) if i % folds == f}
        tr = [g for r, g in zip(rows, groups) if r["article"] not in held]
        te_rows = [r for r in rows if r["article"] in held]
        te = [g for r, g in zip(rows, groups) if r["article"] in held]
        res = evaluate(te_rows, te, fit(tr, l2), min_p)
        for k in total:
            total[k] += res[k]
    total["rule_acc"] = total["rule"] / total["quotes"]
    total["ranked_acc"] = total["ranked"] / total["quotes"]
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("data", type=Path)
    c.add_argument("--split", default="train", choices=("train", "dev", "test"))
    c.add_argument("--cache", type=Path, required=True, help="JSON cache, outside the repo")
    c.add_argument("--limit", type=int, default=None)
    f = sub.add_parser("fit")
    f.add_argument("--cache", type=Path, required=True)
    f.add_argument("--eval", type=Path, default=None, help="another split's cache to score the model on")
    f.add_argument("--l2", type=float, nargs="+", default=[0.01, 0.1, 1.0, 10.0])
    f.add_argument("--min-p", type=float, nargs="+", default=[0.0])
    f.add_argument("--folds", type=int, default=5)
    f.add_argument("--out", type=Path, default=None, help=f"write the weights (e.g. {DATA_OUT})")
    f.add_argument("--enable", action="store_true", help="set enabled=true in the written file")
    args = ap.parse_args()
    if args.cmd == "collect":
        collect(args.data, args.split, args.cache, args.limit)
        return 0
    rows = json.loads(args.cache.read_text(encoding="utf-8"))["rows"]
    best = None
    for l2 in args.l2:
        for mp in args.min_p:
            cv = cross_validate(rows, l2, args.folds, mp)
            print(json.dumps({"l2": l2, "min_p": mp, "cv": cv}))
            if best is None or cv["ranked"] > best[2]["ranked"]:
                best = (l2, mp, cv)
    l2, mp, _ = best
    w = fit(_design(rows), l2)
    if args.eval:
        ev_rows = json.loads(args.eval.read_text(encoding="utf-8"))["rows"]
        print(json.dumps({"eval": str(args.eval), "l2": l2, "min_p": mp,
                          **evaluate(ev_rows, _design(ev_rows), w, mp)}))
    names = quote_ranker.feature_names()
    print(json.dumps(dict(sorted(zip(names, np.round(w, 3).tolist()), key=lambda x: -abs(x[1]))[:20])))
    if args.out:
        model = {"_about": "Quote-speaker ranker weights (issue 14, round nine), trained on PolNeAR train by "
                           "scripts/train_speaker_ranker.py; no PolNeAR text. Linear scores over each "
                           "quote's candidate speakers (scripts/speaker_ranker.py.feature_names()).",
                 "enabled": bool(args.enable), "l2": l2, "min_probability": mp,
                 "features": names, "weights": [round(float(v), 4) for v in w]}
        args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
