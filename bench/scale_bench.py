"""Corpus linking at growing store sizes: does adding articles cost in the articles, not in the store?

For each size N (Reuters articles from ../shared/corpus/reuters21578.jsonl, never copied into the repo)
a fresh SQLite store is filled with N articles as `newsdesk ingest` does (store each record, then link
the pending ones in batches), then 100 more articles are added; the same 100 are also added to an
empty store. Each size runs in its own process, so its peak RSS is its own. Printed per size:
CPU-seconds of the pipeline (amortised: records are computed once and cached with pickle in /tmp,
for this benchmark only), of storing, of each corpus stage, articles/s, peak RSS, and the cost of
adding 100 articles to the N-store vs to an empty one. The 100 are also added from another period (the
same articles read as news twelve years on, :mod:`repeat`): those share no story window with the store,
so that ratio is what the store's size alone costs, and the first one adds what their neighbourhood
costs (Reuters-21578 is one year of news: at 15.6k the neighbourhood of an article is most of the store).

    python bench/scale_bench.py --sizes 1000,4000,15600 [--workers 2] [--cache /tmp/newsdesk-scale-bench]
    python bench/scale_bench.py --repeat --sizes 15600,100000   # past the corpus: Reuters again as other years

With ``--repeat`` a size beyond the cached corpus reads it again as other years of news
(:mod:`repeat`: new ids, dates moved twelve years per pass, letters of texts rotated), so the extra
articles are neither copies of the first pass nor in its stories; their extraction is the first pass's.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from itertools import islice
from pathlib import Path

from repeat import repeat_record

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl"
ADD = 100
STAGES = ("find_duplicates", "resolve_entities", "merge_events", "assign_stories", "update_synthesis_for")
PARTS = ("update_story_synthesis", "add_to_blocks")  # story synthesis (after the last batch) and the claim groups


def cpu() -> float:
    """CPU-seconds of this process and its finished children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _line(rec) -> int:
    """The input line a record came from (JSONL sources are "path#L<n>")."""
    return int(str(rec.source).rsplit("#L", 1)[1])


def _resume(part: Path, cache: Path, n: int) -> tuple[int, int]:
    """Records already in ``part`` and the last input line they came from; a torn last record is cut off.

    A new ``part`` starts as a copy of the biggest complete smaller cache, so growing the benchmark
    from 3k to 16k computes only the new articles.
    """
    import shutil

    if not part.exists():
        smaller = [(m, p) for m, p in _complete(cache) if m < n]
        if smaller:
            shutil.copyfile(smaller[-1][1], part)
        else:
            part.touch()
    kept, last, good = 0, 0, 0
    with part.open("rb") as fh:
        while True:
            try:
                rec = pickle.load(fh)
            except (EOFError, pickle.UnpicklingError, ValueError, AttributeError):
                break
            kept, last, good = kept + 1, _line(rec), fh.tell()
    with part.open("r+b") as fh:
        fh.truncate(good)
    return kept, last


def cache_records(n: int, workers: int, cache: Path) -> dict:
    """Run the pipeline over the first n accepted articles once; records go to a pickle stream in ``cache``.

    Resumable: records are appended to ``records-<n>.part`` as they come, so a killed run (or a bigger
    size) goes on from the last record written instead of starting again.
    """
    from newsdesk.config import load_settings
    from newsdesk.engine.local import run_local
    from newsdesk.errors import RejectedInput
    from newsdesk.readers import read_file
    from newsdesk.records import RawDoc

    for m, done in _complete(cache):  # a bigger cache holds the first n records too
        if m >= n:
            return {**json.loads((cache / f"{done.stem}.json").read_text()), "path": str(done)}
    part = cache / f"records-{n}.part"
    kept, last = _resume(part, cache, n)
    settings = load_settings(db=":memory:")
    raws = (d for d in read_file(CORPUS, settings) if isinstance(d, RawDoc) and _line(d) > last)
    t0, c0, new = time.perf_counter(), cpu(), 0
    with part.open("ab") as fh:
        if kept < n:
            for rec in run_local(raws, settings, workers=workers):
                if isinstance(rec, RejectedInput):
                    continue
                pickle.dump(rec, fh, protocol=pickle.HIGHEST_PROTOCOL)
                fh.flush()
                kept, new = kept + 1, new + 1
                if kept >= n:
                    break
    path = cache / f"records-{kept}.pkl"  # fewer than n when the corpus ran out
    part.rename(path)
    info = {"records": kept, "computed_now": new, "pipeline_cpu_s": round(cpu() - c0, 1),
            "pipeline_wall_s": round(time.perf_counter() - t0, 1)}
    (cache / f"records-{kept}.json").write_text(json.dumps(info))
    return {**info, "path": str(path)}


def _complete(cache: Path) -> list[tuple[int, Path]]:
    """(records, path) of the finished caches in ``cache``, smallest first (links left out)."""
    return sorted((int(p.stem.split("-")[1]), p) for p in cache.glob("records-*.pkl")
                  if not p.is_symlink() and (cache / f"{p.stem}.json").exists())


def _cached(path: Path) -> int:
    """How many records the cache behind ``path`` holds (past them, :func:`records` repeats it)."""
    real = path.resolve()
    return json.loads((real.parent / f"{real.stem}.json").read_text())["records"]


def records(path: Path, start: int, stop: int):
    """Records [start, stop) of a cache; past its end the cache is read again as other years of news
    (:func:`repeat.repeat_record`), so sizes beyond the corpus can be measured (``--repeat``)."""
    size = _cached(path)
    i = k = 0
    while i < stop:
        if i + size <= start:  # a whole pass before start: nothing of it is read
            i, k = i + size, k + 1
            continue
        with path.open("rb") as fh:
            for _ in range(size):
                if i >= stop:
                    return
                rec = pickle.load(fh)
                if i >= start:
                    yield rec if k == 0 else repeat_record(rec, k)
                i += 1
        k += 1


def peak_mb() -> float:
    """Peak RSS of this process so far, MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    """Current RSS of this process, MB (Linux /proc; 0 elsewhere)."""
    try:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def timed_stages(timings: dict[str, float], rss: dict[str, float] | None = None) -> None:
    """Wrap the corpus stages update_corpus calls, adding their CPU-seconds to ``timings``; ``rss`` gets,
    per stage, how many MB its calls raised the process's peak RSS (who made the peak) and, under
    "<stage>@start", the largest RSS seen when it started (what earlier work left behind)."""
    import newsdesk.corpus as corpus
    import newsdesk.corpus.figures as figures

    for module, name in [(corpus, n) for n in STAGES] + [(figures, n) for n in PARTS]:
        fn = getattr(module, name)

        def wrapper(*a, _fn=fn, _name=name, **kw):
            c0, p0 = time.process_time(), peak_mb()
            if rss is not None:
                rss[f"{_name}@start"] = max(rss.get(f"{_name}@start", 0.0), rss_mb())
            try:
                return _fn(*a, **kw)
            finally:
                timings[_name] += time.process_time() - c0
                if rss is not None:
                    rss[_name] = rss.get(_name, 0.0) + peak_mb() - p0
        setattr(module, name, wrapper)


def fill(db: str, path: Path, start: int, stop: int, timings: dict[str, float],
         rss: dict[str, float] | None = None) -> dict:
    """Store records [start, stop) and link them, as ingest does; CPU-seconds of each part."""
    from newsdesk.config import load_settings
    from newsdesk.corpus.claims import block_keys
    from newsdesk.corpus.link import link_pending
    from newsdesk.store import open_store

    settings = load_settings(db=db)
    store = open_store(db)
    before = dict(timings)
    c0, t0, p0 = time.process_time(), time.perf_counter(), peak_mb()
    for rec in records(path, start, stop):
        for c in rec.claims:  # cached records may come from older code: blocks as the pipeline makes them now
            am = rec.amounts[c["amount"]]
            c["blocks"] = block_keys(am.unit, am.value, am.date, c["features"])
        with store.writer():
            store.save_record(rec)
    store_s = time.process_time() - c0
    if rss is not None:
        rss["store"] = rss.get("store", 0.0) + peak_mb() - p0
    c1 = time.process_time()
    link_pending(store, settings)
    link_s = time.process_time() - c1
    wall = time.perf_counter() - t0
    store.close()
    return {"articles": stop - start, "store_cpu_s": round(store_s, 2), "corpus_cpu_s": round(link_s, 2),
            "stages_cpu_s": {k: round(timings[k] - before.get(k, 0.0), 2) for k in STAGES + PARTS},
            "wall_s": round(wall, 2), "articles_per_s": round((stop - start) / wall, 1) if wall else None}


def story_sizes(db: str) -> dict:
    """How many stories the store holds, its five biggest (members) and how many have over 50: what a
    touched story costs grows with its members, so big stories show where adding articles gets dearer."""
    from newsdesk.store import open_store

    store = open_store(db)
    sizes = store.story_sizes()
    store.close()
    return {"count": len(sizes), "biggest": sizes[:5], "over_50": sum(1 for k in sizes if k > 50)}


def one_size(n: int, cache: Path) -> dict:
    timings: dict[str, float] = defaultdict(float)
    rss: dict[str, float] = {}
    timed_stages(timings, rss)
    path = cache / f"records-{n + ADD}.pkl"
    start = peak_mb()
    with tempfile.TemporaryDirectory(prefix="newsdesk-scale-") as tmp:
        base = fill(str(Path(tmp) / "big.db"), path, 0, n, timings, rss)
        sizes = story_sizes(str(Path(tmp) / "big.db"))
        add = fill(str(Path(tmp) / "big.db"), path, n, n + ADD, timings)
        empty = fill(str(Path(tmp) / "empty.db"), path, n, n + ADD, timings)
        later = _cached(path) + n  # the same 100, read as another period (records past the cache repeat it)
        away = fill(str(Path(tmp) / "big.db"), path, later, later + ADD, timings)
        away_empty = fill(str(Path(tmp) / "empty-away.db"), path, later, later + ADD, timings)
    return {"size": n, "ingest": base, "stories": sizes, "add_100": add, "add_100_to_empty": empty,
            "add_ratio": round(add["corpus_cpu_s"] / max(empty["corpus_cpu_s"], 1e-9), 2),
            "add_100_elsewhere": away, "add_100_elsewhere_to_empty": away_empty,
            "add_elsewhere_ratio": round(away["corpus_cpu_s"] / max(away_empty["corpus_cpu_s"], 1e-9), 2),
            "corpus_cpu_ms_per_article": round(1000 * base["corpus_cpu_s"] / n, 1),
            "peak_rss_mb": round(peak_mb()), "rss_at_start_mb": round(start),
            "peak_rss_rise_mb": {k: round(v) for k, v in sorted(rss.items()) if "@" not in k and round(v)},
            "rss_at_stage_start_mb": {k.split("@")[0]: round(v) for k, v in sorted(rss.items()) if "@" in k}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,4000,15600",
                    help="store sizes, comma-separated (Reuters gives 15,764 accepted articles: at most 15664)")
    ap.add_argument("--workers", type=int, default=2, help="pipeline worker processes (record cache only)")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "newsdesk-scale-bench"),
                    help="folder for the pickled records (bench only)")
    ap.add_argument("--cache-only", action="store_true", help="only compute (or extend) the record cache")
    ap.add_argument("--repeat", action="store_true",
                    help="allow sizes beyond the corpus: it is read again as other years of news (bench/repeat.py)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    cache = Path(args.cache)
    if args.one:
        print(json.dumps(one_size(args.one, cache)))
        return
    if not CORPUS.exists():
        sys.exit(f"corpus not found: {CORPUS}")
    cache.mkdir(parents=True, exist_ok=True)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    done = _complete(cache)
    if args.repeat and done and done[-1][0] < max(sizes) + ADD:  # the whole corpus is cached: repeat it
        n, path = done[-1]
        pipe = {**json.loads((cache / f"{path.stem}.json").read_text()), "computed_now": 0, "path": str(path)}
    else:
        pipe = cache_records(max(sizes) + ADD, args.workers, cache)
    new = pipe.get("computed_now", pipe["records"])
    print(f"pipeline (once, cached): {pipe['records']} records ({new} computed in the last run: "
          f"{pipe['pipeline_cpu_s']} CPU-s, {pipe['pipeline_wall_s']} s wall, "
          f"{new / max(pipe['pipeline_wall_s'], 1e-9):.1f} articles/s)")
    if args.cache_only:
        return
    if pipe["records"] < max(sizes) + ADD and not args.repeat:
        sys.exit(f"the corpus gave only {pipe['records']} accepted articles: the largest size is "
                 f"{pipe['records'] - ADD}")
    for n in sizes:  # each size reads the head of the biggest cache
        link = cache / f"records-{n + ADD}.pkl"
        if link.is_symlink():
            link.unlink()
        if not link.exists():
            os.symlink(pipe["path"], link)
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--cache", str(cache)],
                             capture_output=True, text=True, env={**os.environ})
        if out.returncode != 0:
            sys.exit(out.stderr)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        ing, add, emp = r["ingest"], r["add_100"], r["add_100_to_empty"]
        stages = ", ".join(f"{k} {v}" for k, v in ing["stages_cpu_s"].items())
        print(f"\n== {n} articles ==")
        print(f"ingest: store {ing['store_cpu_s']} CPU-s, corpus {ing['corpus_cpu_s']} CPU-s "
              f"({r['corpus_cpu_ms_per_article']} ms/article; {stages}), {ing['articles_per_s']} articles/s "
              f"(store+link), peak RSS {r['peak_rss_mb']} MB")
        print(f"peak RSS: {r['rss_at_start_mb']} MB before the store was opened; raised by (MB) "
              f"{r['peak_rss_rise_mb']}; largest RSS when a stage started (MB) {r['rss_at_stage_start_mb']}")
        st = r["stories"]
        print(f"stories: {st['count']}, the biggest {st['biggest']} members, {st['over_50']} with over 50")
        print(f"add 100 to this store: corpus {add['corpus_cpu_s']} CPU-s ({add['stages_cpu_s']}); "
              f"to an empty store: {emp['corpus_cpu_s']} CPU-s; ratio {r['add_ratio']}")
        away, away_emp = r["add_100_elsewhere"], r["add_100_elsewhere_to_empty"]
        print(f"add the same 100 as another period's news (no story window shared with the store): "
              f"{away['corpus_cpu_s']} CPU-s; to an empty store {away_emp['corpus_cpu_s']}; "
              f"ratio {r['add_elsewhere_ratio']}")
        print(json.dumps(r))


if __name__ == "__main__":
    main()
