"""Score the cleaner on the held-out pages in tests/fixtures/heldout_clean against gold.jsonl.

Per page and in total: body sentences kept (recall), debris strings removed (precision proxy),
captions found, and metadata fields right (title, outlet, authors, published, dateline).

    /tmp/probe/bin/python scripts/score_heldout_clean.py [--show FILE]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from newsdesk.clean.document import clean_document
from newsdesk.config import load_settings
from newsdesk.readers import Rejection, read_file

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "fixtures" / "heldout_clean"
FIELDS = ("title", "outlet", "authors", "published", "dateline")

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def norm(s: str) -> str:
    """Whitespace collapsed, typographic quotes straightened (mojibake still fails)."""
    return re.sub(r"\s+", " ", s.translate(_QUOTES)).strip()


def _name(s: str | None) -> str:
    s = norm(s or "").lower()
    return re.sub(r"^the\s+", "", s)


def field_ok(name: str, gold, got) -> bool:
    if name == "authors":
        return sorted(_name(a) for a in gold) == sorted(_name(a) for a in (got or []))
    if name == "outlet" and isinstance(gold, list):
        return any(_name(g) == _name(got) for g in gold)
    if gold is None or got is None:
        return gold is None and got is None
    return _name(gold) == _name(got)


def clean_page(path: Path):
    settings = load_settings()
    docs = [d for d in read_file(path, settings) if not isinstance(d, Rejection)]
    if not docs:
        raise SystemExit(f"{path}: rejected")
    return clean_document(docs[0], settings)


def score(show: str | None = None) -> dict:
    gold = [json.loads(line) for line in (HELDOUT / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    tot = {"kept": 0, "must": 0, "removed": 0, "debris": 0, "cap": 0, "caps": 0}
    fields = {f: 0 for f in FIELDS}
    pages = {}
    for g in gold:
        doc = clean_page(HELDOUT / g["file"])
        body = norm(doc.text)
        caps = norm(" \n ".join(c.text for c in doc.captions))
        kept = [s for s in g["body_must_contain"] if norm(s) in body]
        # a debris string that is itself a whitespace glitch ("but  warned", "depend\non") is
        # looked for in the raw clean text; everything else modulo whitespace
        removed = [s for s in g["body_must_not_contain"]
                   if (s not in doc.text if re.search(r"\n|\s\s", s) else norm(s) not in body)]
        capfound = [s for s in g.get("captions_contain", []) if norm(s) in caps]
        m = doc.meta
        got = {"title": m.title, "outlet": m.outlet, "authors": m.authors, "published": m.published, "dateline": m.dateline}
        ok = {f: field_ok(f, g[f], got[f]) for f in FIELDS}
        for f in FIELDS:
            fields[f] += ok[f]
        tot["kept"] += len(kept)
        tot["must"] += len(g["body_must_contain"])
        tot["removed"] += len(removed)
        tot["debris"] += len(g["body_must_not_contain"])
        tot["cap"] += len(capfound)
        tot["caps"] += len(g.get("captions_contain", []))
        pages[g["file"]] = {"recall": len(kept) / len(g["body_must_contain"]),
                            "debris_removed": len(removed) / len(g["body_must_not_contain"]),
                            "meta": sum(ok.values())}
        print(f"{g['file']:28} body {len(kept)}/{len(g['body_must_contain'])}  debris-removed "
              f"{len(removed)}/{len(g['body_must_not_contain'])}  captions {len(capfound)}/{len(g.get('captions_contain', []))}"
              f"  meta {sum(ok.values())}/{len(FIELDS)}")
        for s in g["body_must_contain"]:
            if s not in kept:
                print(f"    LOST   {s[:90]!r}")
        for s in g["body_must_not_contain"]:
            if s not in removed:
                print(f"    KEPT   {s[:90]!r}")
        for s in g.get("captions_contain", []):
            if s not in capfound:
                print(f"    NOCAP  {s[:90]!r}")
        for f in FIELDS:
            if not ok[f]:
                print(f"    {f:9} gold={g[f]!r} got={got[f]!r}")
        if show and show in g["file"]:
            print("----- clean text -----\n" + doc.text + "\n----- captions -----")
            for c in doc.captions:
                print("  ", c.text)
            print("----- dropped -----")
            for d in doc.dropped:
                print(f"   [{d.reason}] {d.text[:100]!r}")
    n = len(gold)
    summary = {
        "pages": n,
        "body_recall": tot["kept"] / tot["must"],
        "debris_removed": tot["removed"] / tot["debris"],
        "captions": tot["cap"] / tot["caps"] if tot["caps"] else None,
        **{f: fields[f] / n for f in FIELDS},
        "per_page": pages,
    }
    print(f"\nTOTAL body recall {tot['kept']}/{tot['must']} = {summary['body_recall']:.3f}   "
          f"debris removed {tot['removed']}/{tot['debris']} = {summary['debris_removed']:.3f}   "
          f"captions {tot['cap']}/{tot['caps']}")
    print("meta: " + "  ".join(f"{f} {fields[f]}/{n}" for f in FIELDS)
          + f"   all fields {sum(fields.values())}/{n * len(FIELDS)}")
    return summary


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", help="print clean text, captions and dropped passages for files containing this")
    a = ap.parse_args()
    score(a.show)
    sys.exit(0)
