"""Load benchmark of the server's reads: p50/p95/p99 per endpoint, cold and warm, at 1, 50 and 200 clients.

Builds (once) a store of 4,000+ articles from ../shared/corpus/reuters21578.jsonl (never copied into the
repo) and caches it in /tmp, starts `newsdesk serve` on 127.0.0.1 (loopback only), then:

1. cold: every distinct URL of the mix once (hundreds of article, story, actor, search and filter URLs),
   at the first client level of 2 or more, on a server that has answered nothing else: each read is made
   by the read model (the server's read cache is empty), so this is the uncached cost;
2. warm: at each client level, a bounded number of requests drawn at random from the same URLs (a level
   also stops after --seconds). The server's cache hit rate is printed (from its X-Cache header); each
   worker process has its own cache, so a URL read once by one worker is still a miss in the other.

The load generator runs in separate processes (--client-procs), each an asyncio loop of raw HTTP/1.1
keep-alive connections (no HTTP library), so little of the machine goes to the clients; their CPU per
request is printed beside the server's. "server CPU per request" (from /proc) does not depend on how
busy the machine is: with C closed-loop clients and W free cores, p50 is about C x (CPU per request) / W
once the server is saturated. A write to the store empties every worker's cache: after one, reads are
cold again.

    python bench/load_bench.py [--workers 2] [--clients 1,50,200] [--requests 3000] [--seconds 60]
"""
from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import os
import random
import re
import resource
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl"
CACHE = Path("/tmp/newsdesk-loadbench.db")
Result = tuple[str, float, int, str]  # endpoint, milliseconds, HTTP status (0: connection error), X-Cache


def newsdesk(*args: str, env: dict[str, str] | None = None, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
           **(env or {})}
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


def url_mix(db: Path, per_kind: int, seed: int = 13) -> dict[str, list[str]]:
    """Distinct read URLs (API and pages) per endpoint, with arguments drawn from the store."""
    rng = random.Random(seed)
    with sqlite3.connect(db) as con:
        def col(sql: str) -> list[str]:
            return [r[0] for r in con.execute(sql) if r[0]]

        ids = col(f"SELECT id FROM articles ORDER BY random() LIMIT {per_kind}")
        stories = col(f"SELECT id FROM stories ORDER BY random() LIMIT {per_kind}")
        outlets = col("SELECT DISTINCT outlet FROM articles LIMIT 10")
        months = col("SELECT DISTINCT substr(published, 1, 7) FROM articles WHERE published IS NOT NULL")
        actors = col("SELECT actor_entity FROM events WHERE actor_entity IS NOT NULL GROUP BY actor_entity "
                     f"ORDER BY count(*) DESC LIMIT {max(4, per_kind // 5)}")
        types = col("SELECT DISTINCT type FROM events")
        ent_types = col("SELECT DISTINCT type FROM entities")
        titles = col("SELECT title FROM articles ORDER BY random() LIMIT 400")
    words = sorted({w.lower() for t in titles for w in re.findall(r"[A-Za-z]{5,}", t)})
    words = rng.sample(words, min(len(words), max(8, per_kind // 4)))
    prefixes = sorted({w[:3] for w in words})
    dyads = [(a, b) for a, b in zip(actors, actors[1:])][: max(2, len(actors) // 3)]
    ref = lambda k: quote(k, safe="")  # noqa: E731
    return {
        "api articles": ["/api/articles", "/api/articles?limit=20"]
        + [f"/api/articles?since={m}-01&until={m}-28" for m in months]
        + [f"/api/articles?outlet={quote(o)}" for o in outlets],
        "api search": [f"/api/articles?q={w}" for w in words],
        "api article": [f"/api/articles/{i}" for i in ids],
        "api stories": ["/api/stories", "/api/stories?limit=20"] + [f"/api/stories?since={m}-01" for m in months],
        "api story": [f"/api/stories/{s}" for s in stories],
        "api entities": ["/api/entities"] + [f"/api/entities?type={t}" for t in ent_types]
        + [f"/api/entities?q={p}" for p in prefixes],
        "api events": ["/api/events"] + [f"/api/events?type={t}" for t in types]
        + [f"/api/events?since={m}" for m in months],
        "api timeline": [f"/api/timeline?actor={ref(a)}" for a in actors]
        + [f"/api/timeline?actor={ref(a)}&actor={ref(b)}" for a, b in dyads],
        "page home": ["/"],
        "page articles": ["/articles"] + [f"/articles?q={w}" for w in words[: len(words) // 2]],
        "page article": [f"/articles/{i}" for i in ids],
        "page story": [f"/stories/{s}" for s in stories[: len(stories) // 2]],
        "page actor": [f"/actors/{ref(a)}" for a in actors],
        "page entities": ["/entities"] + [f"/entities?type={t}" for t in ent_types],
    }


async def fetch(conn: list, port: int, url: str, html: bool) -> tuple[int, str]:
    """One GET over the keep-alive connection in ``conn`` (opened again if the server closed it)."""
    if not conn:
        conn.extend(await asyncio.open_connection("127.0.0.1", port))
    reader, writer = conn
    accept = "text/html" if html else "application/json"
    writer.write(f"GET {url} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: {accept}\r\n\r\n".encode())
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").lower()
    status = int(head[9:12])
    fields = dict(line.split(": ", 1) for line in head.split("\r\n")[1:] if ": " in line)
    if fields.get("transfer-encoding") == "chunked":
        while (size := int((await reader.readuntil(b"\r\n")).strip(), 16)):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")
    else:
        await reader.readexactly(int(fields.get("content-length", 0)))
    if fields.get("connection") == "close":
        writer.close()
        conn.clear()
    return status, fields.get("x-cache", "-")


async def drive(port: int, todo: list[tuple[str, str]] | None, eps: dict[str, list[str]], clients: int,
                total: int, seconds: float, seed: int) -> list[Result]:
    """``clients`` closed-loop connections: through ``todo`` once (cold), or ``total`` random reads (an
    endpoint at random, then one of its URLs)."""
    rng = random.Random(seed)
    out: list[Result] = []
    deadline = time.monotonic() + seconds
    queue = list(reversed(todo)) if todo is not None else None
    names = sorted(eps)
    sent = 0

    async def client() -> None:
        nonlocal sent
        conn: list = []
        while time.monotonic() < deadline:
            if queue is not None:
                if not queue:
                    break
                name, url = queue.pop()
            elif sent >= total:
                break
            else:
                sent += 1
                name = rng.choice(names)
                url = rng.choice(eps[name])
            t0 = time.perf_counter()
            try:
                status, cached = await fetch(conn, port, url, name.startswith("page"))
            except (OSError, asyncio.IncompleteReadError, ValueError):
                status, cached = 0, "-"
                conn.clear()
            out.append((name, (time.perf_counter() - t0) * 1000, status, cached))

    await asyncio.gather(*(client() for _ in range(clients)))
    return out


def _client_proc(pipe, port: int, todo, eps, clients: int, total: int, seconds: float, seed: int) -> None:
    t0 = time.monotonic()
    results = asyncio.run(drive(port, todo, eps, clients, total, seconds, seed))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    pipe.send((results, usage.ru_utime + usage.ru_stime, time.monotonic() - t0))
    pipe.close()


def run_level(port: int, eps: dict[str, list[str]], clients: int, procs: int, total: int, seconds: float,
              cold: bool) -> tuple[list[Result], float, float]:
    """Spread ``clients`` over ``procs`` load processes; returns results, their CPU seconds, wall seconds."""
    procs = max(1, min(procs, clients))
    urls = [(n, u) for n, us in eps.items() for u in us]
    random.Random(clients).shuffle(urls)
    ctx = mp.get_context("fork")
    running = []
    for i in range(procs):
        share = clients // procs + (i < clients % procs)
        mine = urls[i::procs] if cold else None
        recv, send = ctx.Pipe(duplex=False)
        p = ctx.Process(target=_client_proc, args=(send, port, mine, eps, share, total // procs + (i < total % procs),
                                                   seconds, clients * 31 + i))
        p.start()
        running.append((p, recv))
    results, cpu, wall = [], 0.0, 0.0
    for p, recv in running:
        r, c, w = recv.recv()
        p.join()
        results += r
        cpu += c
        wall = max(wall, w)
    return results, cpu, wall


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


def report(title: str, results: list[Result], wall: float, server_cpu: float, client_cpu: float) -> None:
    n = len(results)
    errors: dict[str, int] = {}
    for name, _, status, _ in results:
        if status != 200:
            errors[f"{name} {status or 'conn'}"] = errors.get(f"{name} {status or 'conn'}", 0) + 1
    hits = [ms for _, ms, _, c in results if c == "hit"]
    misses = [ms for _, ms, _, c in results if c != "hit"]  # made by the read model (cache off: every read)
    every = [ms for _, ms, _, _ in results]
    print(f"\n{title}: {n} requests in {wall:.1f} s ({n / max(wall, 1e-9):.0f}/s), {sum(errors.values())} errors "
          f"{errors or ''}\n  server CPU {server_cpu * 1000 / max(n, 1):.1f} ms per request; load generator CPU "
          f"{client_cpu * 1000 / max(n, 1):.1f} ms per request; cache hits {len(hits)} / {n} "
          f"({100 * len(hits) / max(n, 1):.0f}%)\n  all reads p50 {pct(every, 50):.0f} ms, "
          f"p95 {pct(every, 95):.0f} ms, p99 {pct(every, 99):.0f} ms; hits p50 {pct(hits, 50):.0f} / "
          f"p99 {pct(hits, 99):.0f} ms; misses p50 {pct(misses, 50):.0f} / p99 {pct(misses, 99):.0f} ms")
    print(f"  {'endpoint':14} {'n':>5} {'hit%':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'mean':>8}")
    for name in sorted({r[0] for r in results}):
        v = [ms for nm, ms, _, _ in results if nm == name]
        h = sum(1 for nm, _, _, c in results if nm == name and c == "hit")
        print(f"  {name:14} {len(v):5d} {100 * h / len(v):5.0f} {pct(v, 50):8.1f} {pct(v, 95):8.1f} "
              f"{pct(v, 99):8.1f} {statistics.fmean(v):8.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=CACHE, help="store to serve (built once if it has too few articles)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--articles", type=int, default=4000, help="at least this many articles in the store")
    ap.add_argument("--clients", default="1,50,200", help="concurrent client levels")
    ap.add_argument("--requests", type=int, default=3000, help="warm requests per level (bounded)")
    ap.add_argument("--seconds", type=float, default=60.0, help="a level stops after this long")
    ap.add_argument("--workers", type=int, default=2, help="server processes (newsdesk serve --workers)")
    ap.add_argument("--client-procs", type=int, default=2, help="load generator processes")
    ap.add_argument("--distinct", type=int, default=200,
                    help="article ids and story ids in the URL mix (actors, words and filters scale with it)")
    ap.add_argument("--no-cache", action="store_true", help="serve with the read cache off (NEWSDESK_READ_CACHE_MB=0)")
    args = ap.parse_args()
    if count_articles(args.db) < args.articles:
        if not args.corpus.exists():
            sys.exit(f"corpus not found: {args.corpus} (see README: getting ../shared/corpus)")
        build_store(args.db, args.corpus, args.articles)
    port = free_port()
    env = {"NEWSDESK_READ_CACHE_MB": "0"} if args.no_cache else {}
    server = newsdesk("--db", str(args.db), "serve", "--host", "127.0.0.1", "--port", str(port),
                      "--workers", str(args.workers), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        warm_up = {"warm-up": ["/api/stories?limit=1"]}
        for _ in range(600):
            results, _, _ = run_level(port, warm_up, 1, 1, 1, 5, cold=True)
            if results[0][2] == 200:
                break
            time.sleep(0.2)
        run_level(port, {"warm-up": ["/api/stories?limit=1"] * 8}, 8, 1, 8, 30, cold=True)  # every worker up
        eps = url_mix(args.db, args.distinct)
        levels = [int(c) for c in args.clients.split(",")]
        distinct = sum(len(v) for v in eps.values())
        print(f"newsdesk load: {count_articles(args.db)} articles, server workers={args.workers}, read cache "
              f"{'off' if args.no_cache else 'on'}, {distinct} distinct URLs over {len(eps)} endpoints, "
              f"cpus={os.cpu_count()}, load average {os.getloadavg()[0]:.1f}", flush=True)
        cold_clients = next((c for c in levels if c >= 2), levels[0])
        cpu0 = cpu_seconds(server.pid)
        results, client_cpu, wall = run_level(port, eps, cold_clients, args.client_procs, distinct, 600, cold=True)
        report(f"cold, {cold_clients} clients (each distinct URL once, empty caches)", results, wall,
               cpu_seconds(server.pid) - cpu0, client_cpu)
        for clients in levels:
            cpu0 = cpu_seconds(server.pid)
            results, client_cpu, wall = run_level(port, eps, clients, args.client_procs, args.requests,
                                                  args.seconds, cold=False)
            report(f"warm, {clients} client(s)", results, wall, cpu_seconds(server.pid) - cpu0, client_cpu)
        print(f"\nload average at the end {os.getloadavg()[0]:.1f}")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
