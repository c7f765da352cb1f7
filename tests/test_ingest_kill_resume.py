"""kill -9 a real `newsdesk ingest` at random points, run it again: the store converges to the export of
an uninterrupted run (SQLite and PostgreSQL), with nothing left pending."""
from __future__ import annotations

import fcntl
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from newsdesk.export import export_all
from newsdesk.store import open_store
from newsdesk.store.locks import LINK_LOCK
from paths import DEMO, ROOT
from pg_fixtures import pg_databases  # noqa: F401  (fixture)

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _cmd(db: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "newsdesk.cli", "--db", db, "--actors", str(DEMO / "actors.csv"), *args]


def _ingest(db: str) -> list[str]:
    return _cmd(db, "ingest", "--workers", "1", "--json", str(DEMO))


def _url(db: str) -> str:
    return db if "://" in db else f"sqlite:///{db}"


def _writing(db: str, engine: Any) -> bool:
    """True while another process holds the store's writer lock (storing an article or linking)."""
    if "://" not in db:
        fd = os.open(db + ".lock", os.O_RDWR | os.O_CREAT)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(fd, fcntl.LOCK_UN)
            return False
        except BlockingIOError:
            return True
        finally:
            os.close(fd)
    with engine.connect() as conn:
        got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": LINK_LOCK}).scalar_one()
        if got:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LINK_LOCK})
        return not got


def _kill_at_random(db: str, rng: random.Random) -> None:
    """Start an ingest; once it writes (stores or links), kill -9 it after a short random delay."""
    engine = create_engine(_url(db).replace("postgresql://", "postgresql+psycopg://"))
    proc = subprocess.Popen(_ingest(db), env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and not _writing(db, engine) and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.4))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        engine.dispose()


def _no_times(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _no_times(v) for k, v in value.items() if not k.endswith("_at")}
    if isinstance(value, list):
        return [_no_times(v) for v in value]
    return value


def _export(db: str, out: Path) -> dict[str, list[Any]]:
    store = open_store(db)
    try:
        export_all(store, out)
        pending = store.count_pending()
    finally:
        store.close()
    assert pending == 0
    return {p.name: [_no_times(json.loads(line)) for line in p.read_text(encoding="utf-8").splitlines()]
            for p in sorted(out.glob("*.jsonl"))}


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict[str, list[Any]]:
    tmp = tmp_path_factory.mktemp("ref")
    db = str(tmp / "ref.db")
    subprocess.run(_ingest(db), env=ENV, check=True, capture_output=True, timeout=300)
    return _export(db, tmp / "out")


def _crash_and_resume(db: str, kills: int, seed: int, out: Path) -> dict[str, list[Any]]:
    rng = random.Random(seed)
    for _ in range(kills):
        _kill_at_random(db, rng)
    done = subprocess.run(_ingest(db), env=ENV, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    check = subprocess.run(_cmd(db, "check", "--json"), env=ENV, capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout
    assert json.loads(check.stdout)["pending_links"] == 0
    return _export(db, out)


def test_ingest_kill_resume_sqlite_equals_uninterrupted(reference, tmp_path):
    got = _crash_and_resume(str(tmp_path / "crash.db"), kills=3, seed=12, out=tmp_path / "out")
    assert got["articles.jsonl"] and got["stories.jsonl"]
    assert got == reference


def test_ingest_kill_resume_postgres_equals_uninterrupted(reference, pg_databases, tmp_path):  # noqa: F811
    got = _crash_and_resume(pg_databases.create(), kills=2, seed=7, out=tmp_path / "out")
    assert got == reference
