"""Ingest jobs over real HTTP: a bounded queue (429), jobs left by a dead server marked failed at start,
SIGTERM during a job ends the server within seconds and the job is marked failed, not "running"."""
from __future__ import annotations

import os
import threading
import time

import httpx
import pytest

from api_fixtures import app_settings, small_db  # noqa: F401  (fixture)
from newsdesk.store import open_store
from server_fixtures import free_port, serve
from test_server_guard_http import ARTICLE


@pytest.fixture()
def threaded(small_db):  # noqa: F811
    """uvicorn in a thread (the test can reach app.state) on a free loopback port."""
    import uvicorn

    from newsdesk.server.app import create_app

    app = create_app(app_settings(small_db.db, job_queue=2))
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(400):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started
    yield app, f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=30)


def test_server_queue_full_is_429(threaded):
    app, url = threaded
    runner = app.state.jobs
    runner.reserve()
    runner.reserve()  # two places taken: the queue (job_queue=2) is full
    try:
        r = httpx.post(f"{url}/api/ingest", json={"articles": [{"text": ARTICLE}]})
        assert r.status_code == 429 and r.headers["retry-after"]
        assert r.json()["error"]["code"] == "too_many_requests"
    finally:
        runner.release()
        runner.release()
    runner.stopping.set()  # shutting down: 503, nothing queued
    r = httpx.post(f"{url}/api/ingest", json={"articles": [{"text": ARTICLE}]})
    assert r.status_code == 503
    with open_store(app.state.settings.db) as store:
        assert store.job_count() == 0


def test_server_marks_jobs_of_a_dead_server_failed(small_db, tmp_path):  # noqa: F811
    with open_store(small_db.db) as store:
        store.create_job("deadjob", 3)
        store.update_job("deadjob", state="running", result={"pid": 2**22 + 12345})  # no such process
        store.create_job("mine", 1)
        store.update_job("mine", state="queued", result={"pid": os.getpid()})  # a live process's job: kept
    srv = serve(small_db.db, log=tmp_path / "server.log")
    try:
        job = httpx.get(f"{srv.url}/api/jobs/deadjob").json()
        assert job["state"] == "failed" and "stopped" in job["result"]["error"]
        assert httpx.get(f"{srv.url}/api/jobs/mine").json()["state"] == "queued"
    finally:
        srv.stop()


@pytest.mark.slow
def test_server_sigterm_during_a_job_exits_within_seconds(small_db, tmp_path):  # noqa: F811
    srv = serve(small_db.db, log=tmp_path / "server.log")
    try:
        articles = [{"text": ARTICLE + f" Update number {n} followed later that week.", "title": f"Pumps {n}"}
                    for n in range(200)]
        r = httpx.post(f"{srv.url}/api/ingest", json={"articles": articles}, timeout=60)
        assert r.status_code == 202
        job_url = f"{srv.url}{r.json()['status_url']}"
        for _ in range(600):  # the job loads the language model, then stores articles one by one
            if httpx.get(job_url, timeout=60).json()["done"] >= 1:
                break
            time.sleep(0.25)
    finally:
        took = srv.stop()
    assert srv.proc.returncode is not None and took < 30, f"took {took:.1f} s"
    with open_store(small_db.db) as store:
        job = store.job_row(r.json()["job"])
    assert job["state"] == "failed" and job["done"] < 200, job
