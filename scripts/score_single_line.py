"""Single-line articles: how many real stories, flattened to one line, are rejected or lose words.

Usage: python scripts/score_single_line.py PATH/TO/reuters21578.jsonl [--n 300] [--min-words 80]

Rule (fixed before measuring): the first N stories in file order whose text has at least
--min-words words; each is cleaned twice, as delivered (line breaks kept) and flattened to one
line (every whitespace run -> one space). A story "fails" when it is rejected (not an article,
not English) or keeps less than 80% of its words. Story text is read from the path given,
never stored in the repository.
"""
from __future__ import annotations

import argparse
import json
import sys

from newsdesk.config import load_settings
from newsdesk.errors import RejectedInput
from newsdesk.pipeline import prepare
from newsdesk.records import RawDoc


def outcome(text: str, hints: dict, settings) -> tuple[str, float]:
    raw = RawDoc(source="x", text=text, kind="text", hints=hints)
    try:
        clean = prepare(raw, settings)
    except RejectedInput as exc:
        return "rejected: " + exc.reason.split(":")[0], 0.0
    kept = len(clean.text.split()) / max(1, len(text.split()))
    return ("gutted" if kept < 0.8 else "ok"), kept


def load_stories(path: str, n: int = 300, min_words: int = 80) -> list[dict]:
    """The first ``n`` stories in file order with at least ``min_words`` words."""
    stories = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if len((d.get("text") or "").split()) >= min_words:
                stories.append(d)
            if len(stories) >= n:
                break
    return stories


def measure(stories: list[dict], mode: str, settings=None, show: bool = False) -> tuple[dict[str, int], float]:
    """({failure kind: count}, mean share of words kept) for ``mode`` "as delivered" or "one line"."""
    settings = settings or load_settings()
    fails: dict[str, int] = {}
    kept_total = 0.0
    for d in stories:
        text = d["text"] if mode == "as delivered" else " ".join(d["text"].split())
        hints = {k: d[k] for k in ("title", "outlet", "published") if d.get(k)}
        what, kept = outcome(text, hints, settings)
        kept_total += kept
        if what != "ok":
            fails[what] = fails.get(what, 0) + 1
            if show:
                print(f"  {mode}: {d.get('url')}: {what} ({kept:.2f})")
    return fails, kept_total / max(1, len(stories))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--min-words", type=int, default=80)
    ap.add_argument("--show", action="store_true", help="list each failing story")
    args = ap.parse_args(argv)
    stories = load_stories(args.path, args.n, args.min_words)
    for mode in ("as delivered", "one line"):
        fails, kept = measure(stories, mode, show=args.show)
        print(f"{mode:>13}: {len(stories)} stories, {sum(fails.values())} rejected or lost >20% of words "
              f"{dict(sorted(fails.items()))}; mean share of words kept {kept:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
