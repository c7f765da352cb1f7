"""HTML body extraction: newsdesk vs plain trafilatura in one run, on trafilatura's evaluation set.

Usage: python scripts/score_html_bodies.py DIR [--split tune|held-out|all] [--limit N] [--show K]

DIR holds trafilatura's ``evaldata.json`` with ``eval/*.html`` and ``cache/*.html`` (repository
adbar/trafilatura, folder tests/; see ../shared/DATASETS.md). Pages are read from DIR and never
copied into this repository.

Scoring is trafilatura's own (tests/eval_common.py): for each page, every must-keep snippet
("with") found in the output (whitespace-normalised substring) is a true positive, else a false
negative; every must-drop snippet ("without") found is a false positive, else a true negative.
Both sides are compared NFC-normalised (canonically equivalent characters match), for both systems.
A page a system refuses or crashes on counts as a full miss. Precision, recall, accuracy and F1
are computed over the summed counts.

Systems: "trafilatura" is ``trafilatura.extract(html, fast=False, include_comments=False,
include_tables=True, include_formatting=False)`` (the settings of its own benchmark);
"newsdesk" is what newsdesk stores of the page's body (readers -> clean -> checks, default
settings): the clean text, plus the standfirst paragraph when newsdesk moved it from the body into
the ``subtitle`` field (it is kept, shown and exported, just not repeated in the text);
"newsdesk text only" is the clean text alone (the standfirst counts as lost).

Split (fixed before any measuring): a page is in "tune" when the first byte of the SHA-1 of its
file name is even, else in "held-out" (481 / 509 pages of the 990). Rules are tuned on "tune"
only; "held-out" is reported.

This is trafilatura's snippet metric, not the token 4-gram F1 of the article-extraction benchmark
(181 pages with whole gold bodies) that issue 14 quotes: this set has snippets, not whole gold
bodies, so no 4-gram F1 can be computed on it, and its figures are not comparable with that one.
It also counts the pages where newsdesk keeps fewer must-keep snippets than trafilatura.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from typing import Any

from trafilatura import extract

from newsdesk.config import load_settings
from newsdesk.errors import RejectedInput
from newsdesk.pipeline import prepare
from newsdesk.readers.encoding import decode
from newsdesk.records import RawDoc

EXTRACT_OPTS = {"include_comments": False, "include_tables": True, "include_formatting": False}


def split_of(filename: str) -> str:
    return "tune" if hashlib.sha1(filename.encode("utf-8")).digest()[0] % 2 == 0 else "held-out"


def norm(text: str) -> str:
    """Whitespace runs as one space; canonically equivalent characters as one form (NFC), so text
    that differs only in how a character is encoded (Bengali "য়" as one or two code points) matches."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def count_item(item: dict[str, Any], result: str | None) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn) for one page, as trafilatura's evaluation counts them."""
    if isinstance(result, str):
        resn = norm(result)
        tp = sum(1 for w in item["with"] if norm(w) in resn)
        fp = sum(1 for w in item["without"] if norm(w) in resn)
    else:
        tp = fp = 0
    return tp, fp, len(item["with"]) - tp, len(item["without"]) - fp


def scores(c: list[int]) -> dict[str, float]:
    tp, fp, fn, tn = c
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "accuracy": (tp + tn) / max(1, sum(c)),
            "f1": 2 * p * r / (p + r) if p + r else 0.0}


def run_trafilatura(data: bytes) -> str | None:
    return extract(data, fast=False, **EXTRACT_OPTS)


def run_newsdesk(data: bytes, settings: Any) -> tuple[str | None, str | None]:
    """(stored body with its standfirst, clean text alone); (None, None) when the page is refused."""
    try:
        text, enc = decode(data, "page")
        clean = prepare(RawDoc(source="page", text=text, kind="html", encoding=enc), settings)
    except RejectedInput:
        return None, None
    standfirst = [d.text for d in clean.dropped if d.reason == "subtitle"]
    return "\n\n".join([*standfirst, clean.text]), clean.text


def resolve(here: str, filename: str) -> str | None:
    for sub in ("cache", "eval"):
        path = os.path.join(here, sub, filename)
        if os.path.isfile(path):
            return path
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", help="folder with evaldata.json, eval/ and cache/")
    ap.add_argument("--split", choices=["tune", "held-out", "all"], default="all")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages (sorted by URL)")
    ap.add_argument("--show", type=int, default=0, help="list the K pages where newsdesk loses most vs trafilatura")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    with open(os.path.join(args.dir, "evaldata.json"), encoding="utf-8") as fh:
        evaldata = json.load(fh)
    settings = load_settings()
    systems: dict[str, Callable[[bytes], Any]] = {
        "trafilatura": run_trafilatura, "newsdesk": lambda d: run_newsdesk(d, settings)}
    names = ["trafilatura", "newsdesk", "newsdesk text only"]
    totals = {(s, sp): [0, 0, 0, 0] for s in names for sp in ("tune", "held-out")}
    pages = {sp: 0 for sp in ("tune", "held-out")}
    losses = []
    elapsed = {s: 0.0 for s in systems}
    urls = sorted(evaldata)
    if args.split != "all":
        urls = [u for u in urls if split_of(evaldata[u]["file"]) == args.split]
    for url in urls[: args.limit]:
        item = evaldata[url]
        path = resolve(args.dir, item["file"])
        if path is None:
            continue
        with open(path, "rb") as fh:
            data = fh.read()
        sp = split_of(item["file"])
        pages[sp] += 1
        counts = {}
        for name, fn in systems.items():
            t0 = time.perf_counter()
            try:
                result = fn(data)
            except Exception:  # noqa: BLE001 - a crash counts as a full miss, as in trafilatura's evaluation
                result = (None, None) if name == "newsdesk" else None
            elapsed[name] += time.perf_counter() - t0
            results = dict(zip(("newsdesk", "newsdesk text only"), result)) if name == "newsdesk" else {name: result}
            for key, res in results.items():
                counts[key] = count_item(item, res)
                totals[(key, sp)] = [a + b for a, b in zip(totals[(key, sp)], counts[key])]
        losses.append((counts["trafilatura"][0] - counts["newsdesk"][0], counts["newsdesk"][1]
                       - counts["trafilatura"][1], item["file"], url))
    fewer = sum(1 for lost_tp, _, _, _ in losses if lost_tp > 0)
    out: dict[str, Any] = {"pages where newsdesk keeps fewer must-keep snippets": fewer}
    for sp in ("tune", "held-out", "all"):
        for name in names:
            c = [sum(totals[(name, s)][i] for s in ("tune", "held-out") if sp in ("all", s)) for i in range(4)]
            if sum(c):
                out[f"{sp}/{name}"] = {**scores(c), "pages": sum(pages.values()) if sp == "all" else pages[sp],
                                       "tp_fp_fn_tn": c}
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        for key, v in out.items():
            if not isinstance(v, dict):
                print(f"{key}: {v}")
                continue
            print(f"{key:<24} pages {v['pages']:4d}  precision {v['precision']:.3f}  recall {v['recall']:.3f}  "
                  f"accuracy {v['accuracy']:.3f}  F1 {v['f1']:.3f}  (tp fp fn tn {v['tp_fp_fn_tn']})")
        print("seconds: " + ", ".join(f"{k} {v:.0f}" for k, v in elapsed.items()))
    for lost_tp, extra_fp, file, url in sorted(losses, reverse=True)[: args.show]:
        if lost_tp > 0 or extra_fp > 0:
            print(f"  newsdesk -{lost_tp} kept, +{extra_fp} dropped-snippets kept: {file} ({url})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
