"""Safe by default, over real HTTP (uvicorn on 127.0.0.1 in a child process): the Host allow-list against
DNS rebinding, same-origin writes with no token (CSRF), WWW-Authenticate on 401, ingest limits."""
from __future__ import annotations

import httpx
import pytest

from api_fixtures import small_db  # noqa: F401  (fixture)
from newsdesk.store import open_store
from server_fixtures import serve

ARTICLE = ("The regional water board said on Tuesday that it would rebuild three pumping stations along the "
           "river before the autumn rains, after inspectors found cracked pipes and worn motors at each site. "
           "Engineers expect the work to take four months and to cost less than the board had feared, because "
           "the old buildings can be kept. Farmers downstream asked the board to keep the canals full during "
           "the works, and the board promised weekly updates on its website and at the town market.")


@pytest.fixture()
def server(small_db, tmp_path):  # noqa: F811
    srv = serve(small_db.db, env={"NEWSDESK_ALLOWED_HOSTS": "news.example.org"}, log=tmp_path / "server.log")
    yield srv
    srv.stop()


def test_server_host_allow_list_blocks_dns_rebinding(server):
    base = server.url
    assert httpx.get(f"{base}/api/stories", headers={"Host": "attacker.example"}).status_code == 400
    assert httpx.get(f"{base}/", headers={"Host": f"attacker.example:{server.port}"}).status_code == 400
    bad = httpx.delete(f"{base}/api/articles/x", headers={"Host": "attacker.example"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_host"
    for host in (f"127.0.0.1:{server.port}", f"localhost:{server.port}", f"[::1]:{server.port}", "localhost",
                 "news.example.org"):
        assert httpx.get(f"{base}/api/stories", headers={"Host": host}).status_code == 200, host


def test_server_cross_site_writes_are_refused_without_token(server, small_db):  # noqa: F811
    victim = small_db.hostile.id
    files = {"files": ("water.txt", ARTICLE.encode(), "text/plain")}
    evil = {"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}
    r = httpx.post(f"{server.url}/api/ingest", files=files, headers=evil)
    assert r.status_code == 403 and r.json()["error"]["code"] == "cross_site"
    assert httpx.post(f"{server.url}/api/ingest", files=files,
                      headers={"Origin": "http://evil.example"}).status_code == 403
    assert httpx.post(f"{server.url}/api/ingest", files=files, headers={"Sec-Fetch-Site": "same-site"}).status_code == 403
    assert httpx.delete(f"{server.url}/api/articles/{victim}", headers=evil).status_code == 403
    assert httpx.delete(f"{server.url}/api/articles/{victim}", headers={"Origin": "null"}).status_code == 403
    assert httpx.get(f"{server.url}/api/articles/{victim}").status_code == 200  # nothing was deleted
    with open_store(small_db.db) as store:
        assert store.unfinished_jobs() == [] and store.job_count() == 0  # nothing queued
    # the upload form's own request: same origin
    same = {"Origin": server.url, "Sec-Fetch-Site": "same-origin"}
    ok = httpx.post(f"{server.url}/api/ingest", files=files, headers=same)
    assert ok.status_code == 202, ok.text
    assert httpx.delete(f"{server.url}/api/articles/{victim}", headers=same).status_code == 200


def test_server_401_carries_www_authenticate(small_db, tmp_path):  # noqa: F811
    srv = serve(small_db.db, env={"NEWSDESK_TOKEN": "s3cret"}, log=tmp_path / "server.log")
    try:
        r = httpx.delete(f"{srv.url}/api/articles/{small_db.hostile.id}")
        assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
        wrong = httpx.delete(f"{srv.url}/api/articles/{small_db.hostile.id}", headers={"Authorization": "Bearer no"})
        assert wrong.status_code == 403
        # with a token, the token is the CSRF defence: a browser never adds it by itself
        ok = httpx.delete(f"{srv.url}/api/articles/{small_db.hostile.id}",
                          headers={"Authorization": "Bearer s3cret", "Origin": "http://elsewhere.example"})
        assert ok.status_code == 200
    finally:
        srv.stop()


def test_server_ingest_item_cap(server):
    many = {"articles": [{"text": "x"}] * 1001}
    r = httpx.post(f"{server.url}/api/ingest", json=many)
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_many_items"
