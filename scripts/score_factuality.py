"""Factuality dev set: pick items from Reuters-21578 by the rule in tests/fixtures/factuality_dev/README.md,
and score newsdesk's factuality of the keyed event against the hand labels.

    python scripts/score_factuality.py select ../shared/corpus/reuters21578.jsonl /tmp/items.tsv
    python scripts/score_factuality.py score ../shared/corpus/reuters21578.jsonl [--split dev|heldout|all]
        [--baseline] [--verbose]
    python scripts/score_factuality.py dates ../shared/corpus/reuters21578.jsonl [--split ...] [--verbose]

``dates`` runs the pipeline stages on each whole story (anchor: its published day) and asks
newsdesk.events.dating whether the keyed event has a date of its own (date_from "own"), against
tests/fixtures/factuality_dev/dates.tsv (1 = the sentence gives the event a time expression of its own).

``select`` writes url, offsets and the sentence (for labelling OUTSIDE the repo); the repo keeps only
tests/fixtures/factuality_dev/labels.tsv (url, offsets, label). ``score`` parses each sentence alone,
finds the key word's token and asks newsdesk.events.factuality for its value; ``--baseline`` scores the
status-only coder this module replaced (happened -> asserted, the other statuses as themselves).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "fixtures" / "factuality_dev" / "labels.tsv"
KEYS = ("agree agreed agrees signed sign signs meet met meets visit visited visits buy bought buys acquire "
        "acquired acquires sell sold sells cut cuts raise raised raises reject rejected rejects approve approved "
        "approves impose imposed imposes launch launched launches offer offered offers attack attacked attacks "
        "strike struck ban banned bans halt halted halts suspend suspended suspends resign resigned resigns").split()
KEY_RE = re.compile(r"\b(" + "|".join(KEYS) + r")\b", re.I)
EVERY, OFFSET, MAX_ITEMS, MAX_WORDS = 50, 7, 180, 60


def _stories(path: str) -> dict[str, str]:
    with open(path, encoding="utf-8") as fh:
        return {(d := json.loads(line))["url"]: d["text"] for line in fh}


def select(corpus: str, out: str) -> None:
    from newsdesk.nlp.model import load_nlp

    nlp = load_nlp()
    rows = []
    with open(corpus, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n % EVERY != OFFSET:
                continue
            d = json.loads(line)
            text = d["text"]
            doc = nlp(text.replace("\n", " "))
            for sent in doc.sents:
                if len(sent) > MAX_WORDS:
                    continue
                m = KEY_RE.search(sent.text)
                if m:
                    s, e = sent.start_char, sent.end_char
                    rows.append((d["url"], s, e, s + m.start(), s + m.end(), text[s:e].replace("\n", " ")))
                    break
            if len(rows) >= MAX_ITEMS:
                break
    with open(out, "w", encoding="utf-8") as fh:
        for i, r in enumerate(rows):
            fh.write("\t".join(map(str, (i,) + r)) + "\n")
    print(f"{len(rows)} items -> {out}")


def _labels() -> list[tuple[str, int, int, int, int, str]]:
    out = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            url, s, e, ks, ke, label = line.split("\t")[:6]
            out.append((url, int(s), int(e), int(ks), int(ke), label.strip()))
    return out


def _key_token(doc: Any, offset: int) -> Any | None:
    return next((t for t in doc if t.idx <= offset < t.idx + len(t.text)), None)


def score(corpus: str, split: str, baseline: bool, verbose: bool) -> dict[str, Any]:
    from newsdesk.events.plover import load_lexicon
    from newsdesk.events.status import event_status
    from newsdesk.nlp.model import load_nlp

    nlp, lex, texts = load_nlp(), load_lexicon(), _stories(corpus)
    items = [(i, it) for i, it in enumerate(_labels())
             if split == "all" or (split == "heldout") == (i % 3 == 2)]
    hits, confusion = 0, Counter()
    for i, (url, s, e, ks, ke, gold) in items:
        doc = nlp(texts[url][s:e].replace("\n", " "))
        tok = _key_token(doc, ks - s)
        if tok is None:
            got = "none"
        elif baseline:
            st = event_status(tok, None, lex)
            got = "asserted" if st == "happened" else st
        else:
            from newsdesk.events.factuality import token_factuality

            got = token_factuality(tok, lex)
        hits += got == gold
        confusion[(gold, got)] += 1
        if verbose and got != gold:
            print(f"{i}\tgold={gold}\tgot={got}\t{doc.text}")
    n = len(items)
    res = {"split": split, "items": n, "accuracy": round(hits / n, 3) if n else None,
           "confusion": {f"{g}->{p}": c for (g, p), c in sorted(confusion.items())}}
    return res


DATES = LABELS.parent / "dates.tsv"


def score_dates(corpus: str, split: str, verbose: bool) -> dict[str, Any]:
    from newsdesk.events.dating import TimeFinder, event_date
    from newsdesk.events.factuality import status_for, token_factuality
    from newsdesk.events.plover import load_lexicon
    from newsdesk.nlp.context import Context
    from newsdesk.pipeline import STAGES, load_models
    from newsdesk.records import Meta

    with open(corpus, encoding="utf-8") as fh:
        stories = {(d := json.loads(line))["url"]: d for line in fh}
    gold = []
    for line in DATES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            url, ks, _, own = line.split("\t")[:4]
            gold.append((url, int(ks), own.strip() == "1"))
    models, lex = load_models(), load_lexicon()
    tp = fp = fn = tn = 0
    for i, (url, ks, own) in enumerate(gold):
        if not (split == "all" or (split == "heldout") == (i % 3 == 2)):
            continue
        d = stories[url]
        pub = d.get("published")
        doc = models.nlp(d["text"].replace("\n", " "))
        ctx = Context(doc=doc, meta=Meta(published=pub, language="en"), anchor=pub, resources=models.resources)
        for name, stage, attr in STAGES:
            if name != "events":
                setattr(ctx, attr, stage(ctx))
        tok = _key_token(doc, ks)
        fact = token_factuality(tok, lex, None, ctx.quotes)
        _, _, how = event_date(tok, None, status_for(fact), TimeFinder(ctx), lex, {tok.i}, pub, tok.sent,
                               reported=fact == "reported")
        got = how == "time"
        tp, fp, fn, tn = tp + (got and own), fp + (got and not own), fn + (own and not got), tn + (not got and not own)
        if verbose and got != own:
            print(f"{i}\tgold_own={int(own)}\tgot={how}\t{tok.sent.text}")
    n = tp + fp + fn + tn
    return {"split": split, "items": n, "own_date_accuracy": round((tp + tn) / n, 3) if n else None,
            "own_precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "own_recall": round(tp / (tp + fn), 3) if tp + fn else None, "gold_own": tp + fn}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("select", help="pick the items by the README rule")
    sp.add_argument("corpus")
    sp.add_argument("out")
    sc = sub.add_parser("score", help="score against labels.tsv")
    sc.add_argument("corpus")
    sc.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    sc.add_argument("--baseline", action="store_true")
    sc.add_argument("--verbose", action="store_true")
    sd = sub.add_parser("dates", help="score own dates against dates.tsv")
    sd.add_argument("corpus")
    sd.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    sd.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    if args.cmd == "select":
        select(args.corpus, args.out)
    elif args.cmd == "dates":
        print(json.dumps(score_dates(args.corpus, args.split, args.verbose), indent=1))
    else:
        print(json.dumps(score(args.corpus, args.split, args.baseline, args.verbose), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
