"""Corpus linking in-process vs with the Dask mapper: CPU-seconds, wall time, and the same export.

Stores the first N Reuters records (pipeline output cached by ``bench/scale_bench.py`` in its cache
folder; run that first, or pass --cache) into two fresh SQLite stores and links each as ingest does:
once with the serial mapper, once with a :class:`~newsdesk.engine.link_map.DaskMapper` on a LocalCluster
of ``--workers`` single-threaded processes (started before the clock, as in an ingest that already ran
its pipeline on it). Prints main-process CPU, worker CPU, wall, and whether the two exports are equal.

    python bench/link_map_bench.py --n 1000 [--workers 2] [--map-min 64] [--cache /tmp/newsdesk-scale-bench]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_bench import records  # noqa: E402 - the same cached records as the scale benchmark


def _worker_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _export_digest(store) -> dict[str, str]:
    from newsdesk.export import EXPORTS

    return {name: hashlib.sha1("\n".join(json.dumps(r, sort_keys=True, default=str) for r in rows(store))
                               .encode()).hexdigest()[:12] for name, rows in EXPORTS.items()}


def run(path: Path, n: int, mapper, client=None, settings=None) -> dict:
    from newsdesk.config import load_settings
    from newsdesk.corpus.claims import block_keys
    from newsdesk.corpus.link import link_pending
    from newsdesk.store import open_store

    with tempfile.TemporaryDirectory(prefix="newsdesk-linkmap-") as tmp:
        db = str(Path(tmp) / "s.db")
        settings = replace(settings or load_settings(), db=db)
        store = open_store(db)
        for rec in records(path, 0, n):
            for c in rec.claims:  # records cached before claims carried their blocks
                if "blocks" not in c:
                    am = rec.amounts[c["amount"]]
                    c["blocks"] = block_keys(am.unit, am.value, am.date, c["features"])
            with store.writer():
                store.save_record(rec)
        w0 = sum(client.run(_worker_cpu).values()) if client else 0.0
        c0, t0 = time.process_time(), time.perf_counter()
        linked = link_pending(store, settings, mapper=mapper)
        wall, main = time.perf_counter() - t0, time.process_time() - c0
        workers = sum(client.run(_worker_cpu).values()) - w0 if client else 0.0
        digest = _export_digest(store)
        store.close()
    return {"linked": linked, "main_cpu_s": round(main, 2), "worker_cpu_s": round(workers, 2),
            "total_cpu_s": round(main + workers, 2), "wall_s": round(wall, 2), "export": digest}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="articles to link")
    ap.add_argument("--workers", type=int, default=2, help="Dask worker processes (one thread each)")
    ap.add_argument("--map-min", type=int, default=None, help="link_map_min setting (default: Settings)")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "newsdesk-scale-bench"))
    args = ap.parse_args()
    from distributed import Client, LocalCluster

    from newsdesk.config import load_settings
    from newsdesk.engine.link_map import DaskMapper, serial_map

    cache = Path(args.cache)
    path = next(iter(sorted(cache.glob("records-*.pkl"), key=lambda p: -p.stat().st_size)), None)
    if path is None:
        sys.exit(f"no cached records in {cache}: run bench/scale_bench.py first")
    settings = load_settings(link_map_min=args.map_min)
    serial = run(path, args.n, serial_map, settings=settings)
    print(f"serial: {serial['linked']} linked, {serial['main_cpu_s']} CPU-s, {serial['wall_s']} s wall")
    t0 = time.perf_counter()
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as client:
        start = time.perf_counter() - t0
        mapper = DaskMapper(client, settings.link_map_min)
        dask = run(path, args.n, mapper, client, settings)
    print(f"dask ({args.workers} workers, cluster start {start:.1f} s not counted): main {dask['main_cpu_s']} CPU-s "
          f"+ workers {dask['worker_cpu_s']} CPU-s = {dask['total_cpu_s']} CPU-s, {dask['wall_s']} s wall, "
          f"{mapper.remote_calls} maps sent")
    same = serial["export"] == dask["export"]
    print(f"exports equal: {same}")
    print(json.dumps({"n": args.n, "workers": args.workers, "link_map_min": settings.link_map_min,
                      "serial": serial, "dask": dask, "exports_equal": same}))
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
