"""A learned line model for HTML bodies (issue 14, round seven), trained and judged on the TUNE split only.

Usage: python scripts/train_line_model.py DIR [--direction remove|put-back] [--cache FILE] [--out FILE]
                                              [--folds 5] [--c 1.0] [--min-pages 8] [--kept-only] [--no-others]

DIR is the folder of ``score_html_bodies.py`` (evaldata.json, eval/, cache/); pages are read from it
and never copied into the repository. Only tune pages are read (the split of score_html_bodies.py:
even first byte of the SHA-1 of the file name); a held-out page is never opened.

Each page goes through the cleaner as it is; every line of trafilatura's extraction gets the features
of ``line_features.line_features`` (scripts/line_features.py), as does each put-back candidate (a
jusText paragraph or baseline line the output lacks, between two paragraphs it holds). Labels:
``remove``: a line holding a must-drop snippet is boilerplate (1), one holding a must-keep snippet
body (0); ``put-back``: a candidate holding a must-keep snippet the output lacks is body (1), one
holding such a must-drop snippet boilerplate (0); a line with both kinds or neither is left out.
Logistic regression (L2, classes weighted to balance) fitted with scipy's L-BFGS on numpy/scipy
only; class/id words are features only when they occur on ``--min-pages`` tune pages.

The model acts on a line when its probability is at least a threshold (``remove``: a kept line is
cut from the stored output; ``put-back``: the candidate is added), scored as score_html_bodies.py
scores. Figures: (1) nested out-of-fold: for each of ``--folds`` folds of pages, a model fitted on
the other folds acts at the threshold an inner cross-validation on those folds chose; (2) the
out-of-fold sweep over thresholds (one cross-validation); (3) the final model on all tune pages at
the threshold that did best out of fold (ties: the higher), in-sample. ``--out`` writes that model
(bias, weights by feature name, threshold, the nested figure) as JSON. Round seven kept no model
(README, "Round seven"); the cleaner loads none.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import sys
from typing import Any

import numpy as np
from scipy import optimize, sparse
from trafilatura.utils import load_html

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score_html_bodies import count_item, norm, resolve, scores, split_of  # noqa: E402

from line_features import line_features, other_extractions, probability, put_back_candidates  # noqa: E402

from newsdesk.clean import document  # noqa: E402
from newsdesk.clean.html_page import element_texts  # noqa: E402
from newsdesk.clean.lines import Unit  # noqa: E402
from newsdesk.config import load_settings  # noqa: E402
from newsdesk.errors import RejectedInput  # noqa: E402
from newsdesk.pipeline import prepare  # noqa: E402
from newsdesk.readers.encoding import decode  # noqa: E402
from newsdesk.records import RawDoc  # noqa: E402

THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99, 0.995, 1.01]  # 1.01: remove nothing


def collect(data_dir: str, others: bool = True) -> list[dict[str, Any]]:
    """Per tune page: its snippets, the stored output (None when refused), each extraction line with the
    reason the rules gave it and its features, and the put-back candidates with theirs."""
    with open(os.path.join(data_dir, "evaldata.json"), encoding="utf-8") as fh:
        evaldata = json.load(fh)
    settings = load_settings()
    seen: dict[str, Any] = {}
    real_extract, real_captions = document.extract_html, document._captions_as_text

    def extract(html: str) -> Any:
        seen["html"], seen["page"] = html, real_extract(html)
        seen["texts"] = element_texts(load_html(html))
        seen["others"] = other_extractions(html) if others else None
        return seen["page"]

    def captions(units: list) -> None:  # runs once every rule has judged the lines
        real_captions(units)
        keep = set((seen["page"].lead or "").split("\n"))
        seen["lines"] = [(norm(u.text), u.reason, norm(u.text) in keep) for u in units]
        seen["feats"] = line_features(units, seen["texts"], seen["others"])

    document.extract_html, document._captions_as_text = extract, captions
    pages = []
    try:
        for url in sorted(evaldata):
            item = evaldata[url]
            path = resolve(data_dir, item["file"])
            if path is None or split_of(item["file"]) != "tune":
                continue
            with open(path, "rb") as fh:
                raw = fh.read()
            seen.clear()
            try:
                text, enc = decode(raw, "page")
                clean = prepare(RawDoc(source="page", text=text, kind="html", encoding=enc), settings)
                standfirst = [d.text for d in clean.dropped if d.reason == "subtitle"]
                output = norm("\n\n".join([*standfirst, clean.text]))
            except RejectedInput:
                output = None
            page = {"file": item["file"], "with": item["with"], "without": item["without"], "output": output,
                    "lines": seen.get("lines", []), "feats": seen.get("feats", []), "cands": [], "cand_feats": []}
            if output is not None and "html" in seen:
                page["cands"] = put_back_candidates(seen["html"], output, {line for line, _, _ in page["lines"]})
                page["cand_feats"] = line_features([Unit([(0, 0)], c) for c in page["cands"]], seen["texts"],
                                                   seen["others"])
            pages.append(page)
    finally:
        document.extract_html, document._captions_as_text = real_extract, real_captions
    return pages


def snippet_in(snippets: list[str], line: str, output: str | None = None) -> bool:
    """A snippet is in the line (and, with ``output``, not in the output already)."""
    return any(norm(w) in line and (output is None or norm(w) not in output) for w in snippets)


def examples(page: dict[str, Any], direction: str, kept_only: bool = False) -> list[tuple[dict, int]]:
    """(features, label) of the page's labelled lines; label 1 is what the direction acts on:
    boilerplate for ``remove`` (a must-drop snippet in a line), body for ``put-back`` (a must-keep
    snippet in a candidate the output lacks). A line with both kinds or neither is left out."""
    out = []
    if direction == "remove":
        for (line, reason, _lead), f in zip(page["lines"], page["feats"]):
            drop, keep = snippet_in(page["without"], line), snippet_in(page["with"], line)
            if drop != keep and (reason is None or not kept_only):
                out.append((f, int(drop)))
    else:
        for cand, f in zip(page["cands"], page["cand_feats"]):
            keep = snippet_in(page["with"], cand, page["output"])
            if keep != snippet_in(page["without"], cand, page["output"]):
                out.append((f, int(keep)))
    return out


def rows(pages: list[dict[str, Any]], direction: str, kept_only: bool = False
         ) -> tuple[list[dict[str, float]], np.ndarray, list[str]]:
    feats, ys, files = [], [], []
    for p in pages:
        for f, y in examples(p, direction, kept_only):
            feats.append(f)
            ys.append(y)
            files.append(p["file"])
    return feats, np.array(ys, dtype=float), files


def fold_of(file: str, folds: int) -> int:
    return int(hashlib.sha1(f"fold:{file}".encode()).hexdigest(), 16) % folds


def fit(feats: list[dict[str, float]], y: np.ndarray, files: list[str], c: float, min_pages: int) -> dict[str, Any]:
    """L2 logistic regression, classes weighted to balance; class/id words seen on under
    ``min_pages`` pages are left out."""
    pages_of: dict[str, set[str]] = {}
    for f, file in zip(feats, files):
        for k in f:
            pages_of.setdefault(k, set()).add(file)
    names = sorted(k for k, fs in pages_of.items() if not k.startswith("cls=") or len(fs) >= min_pages)
    col = {k: i for i, k in enumerate(names)}
    r, cidx, vals = [], [], []
    for i, f in enumerate(feats):
        for k, v in f.items():
            if k in col and v:
                r.append(i)
                cidx.append(col[k])
                vals.append(v)
    x = sparse.csr_matrix((vals, (r, cidx)), shape=(len(feats), len(names)))
    pos = max(1.0, y.sum())
    neg = max(1.0, len(y) - y.sum())
    sw = np.where(y == 1, len(y) / (2 * pos), len(y) / (2 * neg))

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        ll = -(sw * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))).sum()
        g = sw * (p - y)
        grad = np.append(x.T @ g + w / c, g.sum())
        return ll + 0.5 * (w @ w) / c, grad

    res = optimize.minimize(loss, np.zeros(len(names) + 1), jac=True, method="L-BFGS-B",
                            options={"maxiter": 500})
    w = res.x[:-1]
    return {"bias": float(res.x[-1]), "weights": {k: round(float(v), 5) for k, v in zip(names, w) if abs(v) > 1e-5}}


def probs(model: dict[str, Any], page: dict[str, Any], direction: str) -> list[float]:
    feats = page["feats"] if direction == "remove" else page["cand_feats"]
    return [probability(model["weights"], model["bias"], f) for f in feats]


def simulate(page: dict[str, Any], ps: list[float], t: float, direction: str) -> tuple[tuple[int, int, int, int], int]:
    """(tp, fp, fn, tn) of the page when the model acts at p >= t, and how many lines it acted on:
    ``remove`` cuts a kept line's text from the output, ``put-back`` appends the candidate."""
    out = page["output"]
    acted = 0
    if out is not None and direction == "remove":
        for (line, reason, lead), p in zip(page["lines"], ps):
            if reason is None and not lead and p >= t and line in out:
                out = out.replace(line, "", 1)
                acted += 1
    elif out is not None:
        extra = [c for c, p in zip(page["cands"], ps) if p >= t]
        out, acted = " ".join([out, *extra]), len(extra)
    return count_item({"with": page["with"], "without": page["without"]}, out), acted


def sweep(pages: list[dict[str, Any]], ps: list[list[float]], direction: str) -> dict[float, dict[str, Any]]:
    """Figures at each threshold: counts, F1, lines acted on, pages keeping fewer must-keep snippets."""
    base = [count_item(p, p["output"]) for p in pages]
    out = {}
    for t in THRESHOLDS:
        tot, acted, fewer = [0, 0, 0, 0], 0, 0
        for page, p, b in zip(pages, ps, base):
            c, n = simulate(page, p, t, direction)
            tot = [a + v for a, v in zip(tot, c)]
            acted += n
            fewer += c[0] < b[0]
        out[t] = {"counts": tot, "f1": scores(tot)["f1"], "acted": acted, "pages_losing_keep": fewer}
    return out


def best(table: dict[float, dict[str, Any]]) -> float:
    return max(table, key=lambda t: (round(table[t]["f1"], 6), t))


def oof_probs(pages: list[dict[str, Any]], args: argparse.Namespace, salt: str = "") -> list[list[float]]:
    """Each page's probabilities from a model fitted on the other folds (folds by page)."""
    out: list[list[float]] = [[] for _ in pages]
    for k in range(args.folds):
        model = fit(*rows([p for p in pages if fold_of(salt + p["file"], args.folds) != k], args.direction,
                          args.kept_only), args.c, args.min_pages)
        for i, p in enumerate(pages):
            if fold_of(salt + p["file"], args.folds) == k:
                out[i] = probs(model, p, args.direction)
    return out


def nested(pages: list[dict[str, Any]], args: argparse.Namespace) -> tuple[list[int], int, int]:
    """Out-of-fold figure with nothing of a fold seen in its model or its threshold: for each outer fold,
    a model fitted on the other folds acts at the threshold an inner cross-validation on them chose."""
    tot, acted, fewer = [0, 0, 0, 0], 0, 0
    for k in range(args.folds):
        train = [p for p in pages if fold_of(p["file"], args.folds) != k]
        t = best(sweep(train, oof_probs(train, args, salt="inner:"), args.direction))
        model = fit(*rows(train, args.direction, args.kept_only), args.c, args.min_pages)
        for p in pages:
            if fold_of(p["file"], args.folds) == k:
                c, n = simulate(p, probs(model, p, args.direction), t, args.direction)
                tot = [a + v for a, v in zip(tot, c)]
                acted += n
                fewer += c[0] < count_item(p, p["output"])[0]
        print(f"  outer fold {k}: threshold {t}")
    return tot, acted, fewer


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--direction", choices=["remove", "put-back"], default="remove")
    ap.add_argument("--out", default=None, help="write the final model (weights, feature names, threshold) here")
    ap.add_argument("--cache", default=None, help="pickle of the collected lines (outside the repo), reused")
    ap.add_argument("--no-others", action="store_true", help="leave out the other extractors' features")
    ap.add_argument("--kept-only", action="store_true", help="remove: train on the lines the rules kept only")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    ap.add_argument("--min-pages", type=int, default=8)
    args = ap.parse_args(argv)
    if args.cache and os.path.exists(args.cache):
        with open(args.cache, "rb") as fh:
            pages = pickle.load(fh)
    else:
        pages = collect(args.dir, others=not args.no_others)
        if args.cache:
            with open(args.cache, "wb") as fh:
                pickle.dump(pages, fh)
    if args.no_others:
        for p in pages:
            for f in p["feats"] + p["cand_feats"]:
                for k in [k for k in f if k.startswith("in_")]:
                    del f[k]
    tot = [sum(count_item(p, p["output"])[i] for p in pages) for i in range(4)]
    _, y, _ = rows(pages, args.direction, args.kept_only)
    print(f"{args.direction}: tune pages {len(pages)}; labelled lines {len(y)} (acted-on class {int(y.sum())}); "
          f"candidates {sum(len(p['cands']) for p in pages)}; rules alone tp/fp/fn/tn {tot} F1 {scores(tot)['f1']:.4f}")
    counts, acted, fewer = nested(pages, args)
    print(f"nested out-of-fold: tp/fp/fn/tn {counts} F1 {scores(counts)['f1']:.4f}, lines acted on {acted}, "
          f"pages keeping fewer must-keep snippets {fewer}")
    table = sweep(pages, oof_probs(pages, args), args.direction)
    for t, v in table.items():
        print(f"  out-of-fold t={t}: {v['counts']} F1 {v['f1']:.4f} acted on {v['acted']} "
              f"pages losing keep {v['pages_losing_keep']}")
    t = best(table)
    model = fit(*rows(pages, args.direction, args.kept_only), args.c, args.min_pages)
    ins = sweep(pages, [probs(model, p, args.direction) for p in pages], args.direction)[t]
    print(f"chosen threshold {t}; in-sample at it: {ins['counts']} F1 {ins['f1']:.4f} acted on {ins['acted']}")
    if args.out:
        model.update(threshold=t, direction=args.direction, c=args.c, min_pages=args.min_pages,
                     trained_on="trafilatura evaluation set, tune split (scripts/train_line_model.py)",
                     nested_out_of_fold=counts)
        with open(args.out, "w", encoding="utf-8") as fh:
            json.dump(model, fh, indent=0, sort_keys=True, ensure_ascii=False)
            fh.write("\n")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
