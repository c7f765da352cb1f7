"""Every failure has one JSON shape: {"error": {"status": int, "code": str, "message": str}}."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_fixtures import app_settings, small_db  # noqa: F401  (fixture)
from newsdesk.server.app import create_app

LOCAL, REMOTE = ("127.0.0.1", 40001), ("203.0.113.7", 40002)


def check_shape(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    err = body["error"]
    assert err["status"] == status and isinstance(err["message"], str) and err["message"]
    assert isinstance(err["code"], str) and err["code"]
    if code:
        assert err["code"] == code
    return err


@pytest.fixture()
def apps(small_db):
    open_app = create_app(app_settings(small_db.db, max_input_bytes=2_000))
    token_app = create_app(app_settings(small_db.db, token="s3cret-token"))
    with TestClient(open_app, client=LOCAL, raise_server_exceptions=False) as local, \
            TestClient(open_app, client=REMOTE) as remote, TestClient(token_app, client=LOCAL) as tok:
        yield local, remote, tok


def test_api_errors_share_one_shape(apps):
    local, remote, tok = apps
    check_shape(local.get("/api/no/such/thing"), 404, "not_found")
    assert "abc123" in check_shape(local.get("/api/articles/abc123"), 404, "not_found")["message"]
    check_shape(local.get("/api/stories/nope"), 404)
    check_shape(local.get("/api/exports/secrets.csv"), 404)
    check_shape(local.post("/api/articles"), 405, "method_not_allowed")
    check_shape(local.put("/api/jobs/x"), 405)
    assert "limit" in check_shape(local.get("/api/articles?limit=0"), 422, "invalid_request")["message"]
    check_shape(local.get("/api/articles?since=last-week"), 422)
    check_shape(local.get("/api/events?country=China"), 422)
    check_shape(local.get("/api/articles?cursor=%21%21not-a-cursor"), 422, "bad_cursor")
    check_shape(local.get("/api/timeline"), 422)
    check_shape(local.post("/api/ingest", content=b"plain words", headers={"content-type": "text/plain"}), 415)
    check_shape(local.post("/api/ingest", content=b"{not json", headers={"content-type": "application/json"}), 422)
    check_shape(local.post("/api/ingest", json={"articles": []}), 422)
    check_shape(remote.post("/api/ingest", json={"articles": [{"text": "x"}]}), 403, "forbidden")
    check_shape(remote.delete("/api/articles/abc"), 403)
    check_shape(tok.post("/api/ingest", json={"articles": [{"text": "x"}]}), 401, "unauthorized")
    check_shape(tok.delete("/api/articles/abc", headers={"Authorization": "Bearer wrong"}), 403)
    check_shape(local.get("/api/jobs/does-not-exist"), 404)


def test_api_errors_body_over_the_cap_is_413(apps):
    local, _, _ = apps
    big = b"word " * 10_000  # 50 kB > 10 x 2 kB
    err = check_shape(local.post("/api/ingest", files={"files": ("big.txt", big, "text/plain")}), 413, "too_large")
    assert "20,000" in err["message"]

    def chunks():  # no content-length header: counted while streaming
        for _ in range(30):
            yield b"x" * 1_000
    check_shape(local.post("/api/ingest", content=chunks(), headers={"content-type": "application/json"}), 413)


def test_api_errors_crash_is_500_without_details(apps, monkeypatch):
    local, _, _ = apps
    store = local.app.state.store

    def boom(**kwargs):
        raise RuntimeError("secret internal detail")
    monkeypatch.setattr(store, "stories_page", boom)
    err = check_shape(local.get("/api/stories"), 500, "internal_error")
    assert "secret" not in err["message"]


def test_api_errors_pages_get_html_with_the_same_status(apps):
    local, _, _ = apps
    r = local.get("/articles/nothing-here", headers={"accept": "text/html"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "nothing-here" in r.text
    assert local.get("/articles/nothing-here").headers["content-type"].startswith("application/json")


def test_api_reads_can_be_locked(small_db):
    locked = create_app(app_settings(small_db.db, token="t0k", lock_reads=True))
    with TestClient(locked, client=LOCAL) as c:
        check_shape(c.get("/api/articles"), 401)
        assert c.get("/api/articles", headers={"Authorization": "Bearer t0k"}).status_code == 200
