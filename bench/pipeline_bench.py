"""Throughput and memory of the per-article pipeline against a bare spaCy pass, same corpus, same run.

Reads articles from ../shared/corpus/reuters21578.jsonl (never copied into the repo) and prints
articles/second and peak resident memory for:
  1. bare spaCy: the pinned model's nlp.pipe over the raw texts, in the same worker pool layout;
  2. full pipeline: clean + spaCy + actors, times, places, amounts, quotes, events (no store writes);
  3. full ingest: the pipeline plus writing to a fresh SQLite store and corpus linking.
Peak memory is sampled at checkpoints to show whether it stays flat as the corpus grows.

    python bench/pipeline_bench.py --limit 1000 [--workers 2]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl"


def read_corpus(path: Path, limit: int) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for line in islice(fh, limit):
            yield json.loads(line)


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def tree_rss_mb() -> float:
    """Resident memory of this process and its worker processes, now."""
    return rss_mb(os.getpid()) + sum(rss_mb(p.pid) for p in mp.active_children())


_nlp = None


def _init_bare() -> None:
    global _nlp
    from newsdesk.nlp.model import load_nlp

    _nlp = load_nlp()


def _bare(texts: list[str]) -> int:
    return sum(len(d) for d in _nlp.pipe(texts, batch_size=16))


def chunks(items: Iterator, size: int) -> Iterator[list]:
    while chunk := list(islice(items, size)):
        yield chunk


class Meter:
    def __init__(self, label: str, total: int) -> None:
        self.label, self.total, self.done, self.peak = label, total, 0, 0.0
        self.marks = {total // 4, total // 2, total}
        self.curve: list[str] = []
        self.t0 = time.perf_counter()

    def tick(self, n: int = 1) -> None:
        for _ in range(n):
            self.done += 1
            if self.done in self.marks:
                self.peak = max(self.peak, tree_rss_mb())
                self.curve.append(f"{self.done}:{tree_rss_mb():.0f}MB")
        self.peak = max(self.peak, tree_rss_mb()) if self.done % 50 == 0 else self.peak

    def report(self) -> dict:
        secs = time.perf_counter() - self.t0
        out = {"stage": self.label, "articles": self.done, "seconds": round(secs, 1),
               "articles_per_s": round(self.done / secs, 1), "peak_rss_mb": round(self.peak),
               "rss_by_articles": " ".join(self.curve)}
        print(f"{self.label:<14} {self.done:6d} articles {secs:7.1f} s {self.done / secs:7.1f} art/s "
              f"peak RSS {self.peak:6.0f} MB   RSS at {' '.join(self.curve)}", flush=True)
        return out


def bench_bare(docs: list[dict], workers: int) -> dict:
    meter = Meter("bare spaCy", len(docs))
    texts = (d["text"] for d in docs)
    with mp.get_context("fork").Pool(workers, initializer=_init_bare) as pool:
        for chunk, _ in zip(chunks(iter(docs), 16), pool.imap(_bare, chunks(texts, 16))):
            meter.tick(len(chunk))
    return meter.report()


def raw_docs(docs: list[dict]) -> Iterator:
    from newsdesk.readers.jsonl import parse_line

    for n, d in enumerate(docs, 1):
        yield parse_line(json.dumps(d), f"reuters#L{n}", 10_000_000)


def bench_pipeline(docs: list[dict], workers: int) -> dict:
    from newsdesk.config import load_settings
    from newsdesk.engine.local import run_local

    settings = load_settings(workers=workers, min_article_words=1)
    meter = Meter("full pipeline", len(docs))
    warnings = rejected = 0
    for rec in run_local(raw_docs(docs), settings, workers=workers):
        warnings += len(getattr(rec, "warnings", []) or [])
        rejected += not hasattr(rec, "warnings")
        meter.tick()
    out = meter.report()
    out.update(stage_warnings=warnings, rejected=rejected)
    print(f"{'':14} {rejected} rejected (not English / empty after cleaning), {warnings} stage warnings")
    return out


def bench_ingest(docs: list[dict], workers: int) -> dict:
    from newsdesk.config import load_settings
    from newsdesk.ingest import ingest_docs
    from newsdesk.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(db=str(Path(tmp) / "bench.db"), workers=workers, min_article_words=1)
        store = open_store(settings.db)
        meter = Meter("full ingest", len(docs))
        ingest_docs(raw_docs(docs), store, settings, on_item=lambda s, o: meter.tick())
        out = meter.report()
        store.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=1000, help="articles to process (default 1000)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--skip-ingest", action="store_true", help="skip the store-writing run")
    ap.add_argument("--json", action="store_true", help="also print the figures as one JSON object")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"bench: corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    docs = [d for d in read_corpus(args.corpus, args.limit) if d.get("text", "").strip()]
    words = sum(len(d["text"].split()) for d in docs)
    print(f"corpus: {len(docs)} articles, {words:,} words, {args.workers} workers", flush=True)
    results = [bench_bare(docs, args.workers), bench_pipeline(docs, args.workers)]
    if not args.skip_ingest:
        results.append(bench_ingest(docs, args.workers))
    ratio = results[0]["articles_per_s"] / results[1]["articles_per_s"]
    print(f"full pipeline costs {ratio:.2f}x the bare spaCy pass (target <= 1.5x)")
    if args.json:
        print(json.dumps({"results": results, "pipeline_over_bare": round(ratio, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
