"""Story dev set on Reuters-21578: select articles by a fixed rule, and score story clustering (B-cubed).

Usage:
  python scripts/score_stories_dev.py select [--reuters PATH]        # print the selected groups (for labelling)
  python scripts/score_stories_dev.py score [--reuters PATH] [--json] 

The rule is written in tests/fixtures/stories_dev/README.md; gold.json holds ids and labels only.
Scoring ingests the set twice into temporary SQLite stores: with publication dates and without them.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "stories_dev" / "gold.json"
REUTERS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl"
MIN_TEXT, MIN_DF, MAX_DF, SPAN_DAYS, GROUPS = 300, 3, 8, 10, 60
# (last group number, split) in walk order: groups 1-28 dev, 29-40 dev2 (held out in round one), 41-60 heldout2
SPLITS = ((28, "dev"), (40, "dev2"), (60, "heldout2"))
PARTS = ("dev", "dev2", "heldout2", "all")
_WORD = re.compile(r"[A-Za-z]{5,}")
_DATE_TAIL = re.compile(r",?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*-?\s*$")


def load(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def select(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The groups of the README's rule: [{"keyword", "split", "ids"}] in rule order."""
    arts = [r for r in rows if r.get("published") and len(r.get("text") or "") >= MIN_TEXT]
    by_word: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in arts:
        for w in sorted({w.lower() for w in _WORD.findall(r.get("title") or "")}):
            by_word[w].append(r)
    quals = []
    for w, rs in by_word.items():
        if not MIN_DF <= len(rs) <= MAX_DF:
            continue
        days = [dt.date.fromisoformat(r["published"][:10]) for r in rs]
        if (max(days) - min(days)).days <= SPAN_DAYS:
            quals.append(w)
    quals.sort(key=lambda w: hashlib.sha1(w.encode()).hexdigest())
    used: set[str] = set()
    groups = []
    for w in quals:
        ids = sorted(r["url"] for r in by_word[w])
        if used & set(ids):
            continue
        used |= set(ids)
        groups.append({"keyword": w, "split": _split(len(groups) + 1), "ids": ids})
        if len(groups) == GROUPS:
            break
    return groups


def _split(n: int) -> str:
    return next(name for last, name in SPLITS if n <= last)


def undated(row: dict[str, Any]) -> dict[str, Any]:
    """The article with its publication date removed (and the date cut from its dateline)."""
    out = {k: v for k, v in row.items() if k != "published"}
    if out.get("dateline"):
        out["dateline"] = _DATE_TAIL.sub("", out["dateline"]).strip(" ,-")
    return out


def bcubed(found: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (item -> cluster) against gold (item -> label)."""
    items = sorted(gold)
    by_f, by_g = defaultdict(set), defaultdict(set)
    for i in items:
        by_f[found.get(i, "#" + i)].add(i)
        by_g[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        f, g = by_f[found.get(i, "#" + i)], by_g[gold[i]]
        both = len(f & g)
        p += both / len(f)
        r += both / len(g)
    p, r = p / len(items), r / len(items)
    return round(p, 3), round(r, 3), round(2 * p * r / (p + r) if p + r else 0.0, 3)


def _text_key(row: dict[str, Any]) -> str:
    return " ".join((row.get("text") or "").split())


def cluster(rows: list[dict[str, Any]], cache: Path | None = None) -> dict[str, str]:
    """Ingest rows into a store; url -> story id. With ``cache`` (a .db path) an existing store there is
    re-clustered (stories forgotten, then every article assigned again) instead of re-ingested."""
    from newsdesk.config import load_settings
    from newsdesk.corpus.stories import assign_stories
    from newsdesk.ingest import ingest_paths
    from newsdesk.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = cache or Path(tmp) / "dev.db"
        settings = load_settings(db=str(db), workers=1)
        reuse = db.exists()
        store = open_store(settings.db)
        if reuse:
            store.reset_stories()
            assign_stories(store, sorted(r["id"] for r in store.table_rows("articles")), settings)
        else:
            src = Path(tmp) / "set.jsonl"
            src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
            ingest_paths([src], store, settings, workers=1)
        url = {r["id"]: r["url"] for r in store.table_rows("articles")}
        out = {url[a]: s["id"] for s in store.story_export_rows() for a in s["articles"]}
        # an identical text is one stored article (its id is a content hash): its other urls share its story
        story_of_text = {_text_key(r): out[r["url"]] for r in rows if r["url"] in out}
        for r in rows:
            if r["url"] not in out and _text_key(r) in story_of_text:
                out[r["url"]] = story_of_text[_text_key(r)]
        store.close()
    return out


def score(reuters: Path = REUTERS, gold_path: Path = GOLD, cache: Path | None = None) -> dict[str, Any]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    label = {a["url"]: a["label"] for a in gold["articles"]}
    split = {a["url"]: a["split"] for a in gold["articles"]}
    rows = [r for r in load(reuters) if r["url"] in label]
    out: dict[str, Any] = {"articles": len(rows), "happenings": len(set(label.values()))}
    for run, data in (("dated", rows), ("undated", [undated(r) for r in rows])):
        found = cluster(data, cache / f"{run}.db" if cache else None)
        for part in PARTS:
            g = {u: lab for u, lab in label.items() if part == "all" or split[u] == part}
            p, r, f = bcubed(found, g)
            out[f"{run}_{part}"] = {"precision": p, "recall": r, "f1": f}
        out[f"{run}_clusters"] = found
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["select", "score"])
    ap.add_argument("--reuters", default=str(REUTERS), help="path of reuters21578.jsonl")
    ap.add_argument("--json", action="store_true", help="print every detail as JSON")
    ap.add_argument("--cache", help="folder keeping the ingested stores; later runs only re-cluster them")
    args = ap.parse_args(argv)
    if args.command == "select":
        rows = {r["url"]: r for r in load(Path(args.reuters))}
        for i, g in enumerate(select(list(rows.values())), 1):
            print(f"== {i} {g['keyword']} ({g['split']})")
            for u in g["ids"]:
                r = rows[u]
                print(f"  {u} {r['published']} | {r['title']}\n      {' '.join(r['text'].split())[:400]}")
        return 0
    cache = Path(args.cache) if args.cache else None
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    res = score(Path(args.reuters), cache=cache)
    if args.json:
        print(json.dumps(res, indent=1))
        return 0
    print(f"{res['articles']} articles, {res['happenings']} gold happenings")
    for run in ("dated", "undated"):
        for part in PARTS:
            m = res[f"{run}_{part}"]
            print(f"{run:8} {part:8} B-cubed P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
