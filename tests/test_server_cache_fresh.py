"""The server's read cache (newsdesk.server.cache) never serves a stale or someone else's read: a write
through the API, or by another process on the same store, is seen by the very next read; the key holds
every query parameter; with locked reads nothing cached reaches a request without the token."""
from __future__ import annotations

import time

import httpx
import pytest
from fastapi.testclient import TestClient

from api_fixtures import app_settings, hostile_record, small_db  # noqa: F401  (fixture)
from newsdesk.server.app import create_app
from newsdesk.server.cache import ReadCache, cache_key, cacheable
from newsdesk.store import open_store
from server_fixtures import serve

LOCAL = ("127.0.0.1", 40021)
KILN = ("A pottery cooperative in the hill village reopened its wood-fired kiln on Saturday after two winters "
        "of repairs paid for by a regional heritage grant. Members said the kiln holds about four hundred pieces "
        "and takes three days to fire and cool, so the group now plans four firings a year instead of one. "
        "Visitors will be able to watch the loading through a new viewing window, and the school nearby has "
        "booked places for its oldest pupils in the spring, when the first large firing is planned.")


def ids(client, url: str = "/api/articles?limit=200") -> set[str]:
    r = client.get(url)
    assert r.status_code == 200
    return {a["id"] for a in r.json()["items"]}


def cache_of(app) -> ReadCache:
    stack = app.middleware_stack
    while stack is not None and not isinstance(stack, ReadCache):
        stack = getattr(stack, "app", None)
    assert stack is not None, "no ReadCache in the middleware stack"
    return stack


@pytest.fixture()
def local(small_db):  # noqa: F811
    with TestClient(create_app(app_settings(small_db.db)), client=LOCAL) as c:
        yield c


def test_server_cache_serves_repeats_and_revalidates(local, small_db):  # noqa: F811
    first = local.get("/api/articles")
    again = local.get("/api/articles")
    assert first.status_code == again.status_code == 200 and first.content == again.content
    assert first.headers["cache-control"] == "no-cache" and first.headers["etag"] == again.headers["etag"]
    cache = cache_of(local.app)
    assert cache.hits >= 1
    r = local.get("/api/articles", headers={"If-None-Match": first.headers["etag"]})
    assert r.status_code == 304 and not r.content and r.headers["etag"] == first.headers["etag"]
    assert "content-security-policy" in r.headers  # the guards still wrap cached answers
    page = local.get("/articles", headers={"accept": "text/html"})
    assert page.status_code == 200 and page.headers["etag"] != first.headers["etag"]
    assert local.get("/upload").headers.get("etag") is None  # not a cached read


def test_server_cache_sees_api_delete_and_ingest_at_once(local, small_db, models):  # noqa: F811
    victim = small_db.hostile.id
    before = local.get("/api/articles")
    assert victim in ids(local) and local.get(f"/api/articles/{victim}").status_code == 200
    assert local.delete(f"/api/articles/{victim}").status_code in (200, 204)
    assert victim not in ids(local)
    assert local.get(f"/api/articles/{victim}").status_code == 404
    r = local.get("/api/articles", headers={"If-None-Match": before.headers["etag"]})
    assert r.status_code == 200, "an ETag from before the delete still matched"
    job = local.post("/api/ingest", json={"articles": [
        {"text": KILN, "title": "Village kiln fired again", "outlet": "Hill Courier", "published": "2031-04-02"}]})
    assert job.status_code == 202
    for _ in range(600):
        state = local.get(job.json()["status_url"]).json()
        if state["state"] in ("done", "failed"):
            break
        time.sleep(0.25)
    assert state["state"] == "done", state
    titles = {a["title"] for a in local.get("/api/articles?limit=200").json()["items"]}
    assert "Village kiln fired again" in titles
    assert "Village kiln fired again" in local.get("/articles", headers={"accept": "text/html"}).text


def test_server_cache_key_holds_every_query_parameter(local, small_db):  # noqa: F811
    one, two = local.get("/api/articles?limit=1"), local.get("/api/articles?limit=2")
    assert len(one.json()["items"]) == 1 and len(two.json()["items"]) == 2
    pact = {a.id for a in small_db.pact}
    found = ids(local, "/api/articles?q=glaciers")
    assert found and found <= pact
    assert small_db.hostile.id in ids(local, "/api/articles?q=browser")
    scope = {"path": "/api/timeline", "headers": [], "query_string": b"actor=A&actor=B&since=2031"}
    swapped = {**scope, "query_string": b"since=2031&actor=B&actor=A"}
    reordered = {**scope, "query_string": b"since=2031&actor=A&actor=B"}
    assert cache_key(scope, False) != cache_key(swapped, False)  # a dyad's order is kept
    assert cache_key(scope, False) == cache_key(reordered, False)
    assert cache_key(scope, False) != cache_key({**scope, "query_string": b"actor=A&actor=B"}, False)
    assert cacheable("/api/articles/x") and cacheable("/") and not cacheable("/api/jobs/x")
    assert not cacheable("/api/exports/articles.csv") and not cacheable("/upload") and not cacheable("/articlesx")


def test_server_cache_keeps_locked_reads_locked(small_db):  # noqa: F811
    settings = app_settings(small_db.db, token="s3cret-token", lock_reads=True)
    good = {"Authorization": "Bearer s3cret-token"}
    with TestClient(create_app(settings), client=("198.51.100.7", 40022)) as c:
        r = c.get("/api/articles", headers=good)
        assert r.status_code == 200 and c.get("/api/articles", headers=good).content == r.content
        assert cache_of(c.app).hits >= 1 and r.headers["cache-control"] == "private, no-cache"
        assert c.get("/api/articles").status_code == 401
        assert c.get("/api/articles", headers={"Authorization": "Bearer wrong"}).status_code == 403
        assert c.get("/api/articles", headers={"If-None-Match": r.headers["etag"]}).status_code == 401
        assert c.get("/articles", headers={"accept": "text/html"}).status_code == 401
        assert c.get("/api/articles", headers={**good, "If-None-Match": r.headers["etag"]}).status_code == 304


def test_server_cache_is_bounded(small_db):  # noqa: F811
    settings = app_settings(small_db.db)
    with TestClient(create_app(settings), client=LOCAL) as c:
        cache = cache_of(c.app)
        cache.max_bytes = cache.max_item = 30_000
        for n in range(1, 40):
            assert c.get(f"/api/articles?limit={n}").status_code == 200
        assert 0 < cache.size <= 30_000 and len(cache.entries) < 39


def test_server_cache_sees_another_process_write(small_db, tmp_path):  # noqa: F811
    srv = serve(small_db.db, "--workers", "2", log=tmp_path / "server.log")
    store = open_store(small_db.db)
    try:
        url = f"{srv.url}/api/articles?limit=200"
        for _ in range(6):  # both workers have it cached
            assert small_db.hostile.id in {a["id"] for a in httpx.get(url, timeout=30).json()["items"]}
        store.delete_article(small_db.hostile.id)  # this test process writes, not the server
        for _ in range(6):
            assert small_db.hostile.id not in {a["id"] for a in httpx.get(url, timeout=30).json()["items"]}
        store.save_record(hostile_record())
        for _ in range(6):
            assert small_db.hostile.id in {a["id"] for a in httpx.get(url, timeout=30).json()["items"]}
    finally:
        store.close()
        srv.stop()
