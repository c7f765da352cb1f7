"""Load benchmark of the server's reads: p50/p95/p99 per endpoint at 1, 50 and 200 concurrent clients.

Builds (once) a store of 4,000+ articles from ../shared/corpus/reuters21578.jsonl (never copied into the
repo) and caches it in /tmp, starts `newsdesk serve` on 127.0.0.1 (loopback only), sends a bounded number
of requests per client level (and stops a level after --seconds), prints the latencies, stops the server.

    python bench/load_bench.py [--workers 1] [--clients 1,50,200] [--requests 1500] [--seconds 60]

The clients run in this one process (asyncio + httpx) on the same machine as the server: on a small or
busy machine they compete for the same cores, so figures are upper bounds of the server's own latency.
"server CPU per request" (from /proc) does not depend on how busy the machine is: with C closed-loop
clients and W free cores, p50 is about C x (CPU per request) / W once the server is saturated.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl"
CACHE = Path("/tmp/newsdesk-loadbench.db")


def newsdesk(*args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    env.pop("NEWSDESK_TOKEN", None)
    return subprocess.Popen([sys.executable, "-m", "newsdesk.cli", *args], env=env, **kw)


def count_articles(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as con:
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            return 0


def build_store(db: Path, corpus: Path, want: int) -> None:
    """Ingest Reuters lines until the store holds ``want`` articles (short and empty ones are rejected)."""
    lines = int(want * 1.3)
    while count_articles(db) < want:
        part = Path(f"/tmp/newsdesk-loadbench-{lines}.jsonl")
        with corpus.open(encoding="utf-8") as src, part.open("w", encoding="utf-8") as out:
            out.writelines(islice(src, lines))
        print(f"building {db} from the first {lines} Reuters stories (once; cached for later runs)...", flush=True)
        newsdesk("--db", str(db), "ingest", "--workers", "2", "--json", str(part),
                 stdout=subprocess.DEVNULL).wait()
        part.unlink()
        lines = int(lines * 1.3)
    print(f"store: {db} with {count_articles(db)} articles", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def endpoints(db: Path) -> dict[str, list[str]]:
    """Read endpoints (API and pages) with realistic arguments taken from the store."""
    with sqlite3.connect(db) as con:
        ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY random() LIMIT 50")]
        stories = [r[0] for r in con.execute("SELECT id FROM stories ORDER BY random() LIMIT 50")]
        outlets = [r[0] for r in con.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL LIMIT 5")]
        actors = [r[0] for r in con.execute(
            "SELECT actor_entity FROM events WHERE actor_entity IS NOT NULL GROUP BY actor_entity "
            "ORDER BY count(*) DESC LIMIT 5")]
    words = ["oil", "bank", "trade deficit", "wheat", "dollar", "shares", "profit", "coffee"]
    return {
        "api articles": ["/api/articles", "/api/articles?since=1987-03-01&until=1987-03-31"]
        + [f"/api/articles?outlet={o}" for o in outlets],
        "api search": [f"/api/articles?q={w}" for w in words],
        "api article": [f"/api/articles/{i}" for i in ids],
        "api stories": ["/api/stories", "/api/stories?limit=20"],
        "api story": [f"/api/stories/{s}" for s in stories] or ["/api/stories"],
        "api entities": ["/api/entities", "/api/entities?type=ORG", "/api/entities?q=bank"],
        "api events": ["/api/events", "/api/events?type=AGREE", "/api/events?since=1987-03"],
        "api timeline": [f"/api/timeline?actor={a}" for a in actors] or ["/api/events"],
        "page home": ["/"],
        "page articles": ["/articles", "/articles?q=oil"],
        "page article": [f"/articles/{i}" for i in ids],
        "page entities": ["/entities"],
    }


async def run_level(base: str, eps: dict[str, list[str]], clients: int, total: int, seconds: float,
                    ) -> tuple[dict[str, list[float]], dict[str, int], float]:
    """``clients`` concurrent loops, each sending one request at a time, endpoints in random order."""
    names = list(eps)
    lat: dict[str, list[float]] = {n: [] for n in names}
    errors: dict[str, int] = {}
    sent = 0
    deadline = time.monotonic() + seconds
    rng = random.Random(clients)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        async def client() -> None:
            nonlocal errors, sent
            while sent < total and time.monotonic() < deadline:
                sent += 1
                name = rng.choice(names)
                url = rng.choice(eps[name])
                t0 = time.perf_counter()
                try:
                    r = await http.get(url, headers={"accept": "text/html"} if name.startswith("page") else {})
                    if r.status_code != 200:
                        key = f"{name} {r.status_code}"
                        errors[key] = errors.get(key, 0) + 1
                except httpx.HTTPError as exc:
                    key = f"{name} {type(exc).__name__}"
                    errors[key] = errors.get(key, 0) + 1
                lat[name].append((time.perf_counter() - t0) * 1000)

        t0 = time.monotonic()
        await asyncio.gather(*(client() for _ in range(clients)))
        return lat, errors, time.monotonic() - t0


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its direct children (uvicorn workers), from /proc (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(stat.parent.name) == pid or int(fields[1]) == pid:  # fields[1]: parent pid
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=CACHE, help="store to serve (built once if it has too few articles)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--articles", type=int, default=4000, help="at least this many articles in the store")
    ap.add_argument("--clients", default="1,50,200", help="concurrent client levels")
    ap.add_argument("--requests", type=int, default=1500, help="requests per level (bounded)")
    ap.add_argument("--seconds", type=float, default=60.0, help="a level stops after this long")
    ap.add_argument("--workers", type=int, default=1, help="server processes (newsdesk serve --workers)")
    args = ap.parse_args()
    if count_articles(args.db) < args.articles:
        if not args.corpus.exists():
            sys.exit(f"corpus not found: {args.corpus} (see README: getting ../shared/corpus)")
        build_store(args.db, args.corpus, args.articles)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = newsdesk("--db", str(args.db), "serve", "--host", "127.0.0.1", "--port", str(port),
                      "--workers", str(args.workers), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/api/stories?limit=1", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        eps = endpoints(args.db)
        asyncio.run(run_level(base, eps, 4, 4 * len(eps), 30))  # warm-up: caches, registry, templates
        print(f"newsdesk load: {count_articles(args.db)} articles, server workers={args.workers}, "
              f"cpus={os.cpu_count()}, load average {os.getloadavg()[0]:.1f}")
        for clients in [int(c) for c in args.clients.split(",")]:
            cpu0 = cpu_seconds(server.pid)
            lat, errors, took = asyncio.run(run_level(base, eps, clients, args.requests, args.seconds))
            n = sum(len(v) for v in lat.values())
            server_cpu = (cpu_seconds(server.pid) - cpu0) * 1000 / max(n, 1)
            reads = [x for v in lat.values() for x in v]
            print(f"\n{clients} client(s): {n} requests in {took:.1f} s ({n / took:.0f}/s), "
                  f"{sum(errors.values())} errors {errors or ''}; server CPU {server_cpu:.1f} ms per request; "
                  f"all reads p50 {pct(reads, 50):.0f} ms, p95 {pct(reads, 95):.0f} ms, p99 {pct(reads, 99):.0f} ms")
            print(f"  {'endpoint':16} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'mean':>8}")
            for name, v in lat.items():
                if v:
                    print(f"  {name:16} {len(v):5d} {pct(v, 50):8.1f} {pct(v, 95):8.1f} {pct(v, 99):8.1f} "
                          f"{statistics.fmean(v):8.1f}")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
