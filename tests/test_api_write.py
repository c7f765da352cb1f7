"""Writes: background ingest jobs (JSON and file uploads) and deletion, with the access rules."""
from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from api_fixtures import app_settings, small_db  # noqa: F401  (fixture)
from newsdesk.server.app import create_app

LOCAL, REMOTE = ("127.0.0.1", 40011), ("198.51.100.4", 40012)

FERRY = ("A new electric ferry began carrying passengers across the harbour of the island town on Monday, "
         "replacing a diesel boat that had served the route for thirty years. The operator said the crossing "
         "now takes eleven minutes and that the batteries recharge at the pier while cars drive on and off. "
         "Residents who commute to the mainland told reporters the quieter engine made the trip more pleasant, "
         "though some worried about delays during the winter storms that regularly close the port.")
LIBRARY = ("The city council voted on Thursday to keep the central library open on Sunday afternoons after a "
           "year-long trial drew more visitors than any weekday. Librarians said students used the reading rooms "
           "for exam preparation, while families came for the children's story hour and the free language "
           "classes. The council will pay for the extra hours from the culture budget, and the library plans "
           "to add evening workshops on repairing bicycles and household electronics next spring.")


def wait_for(client: TestClient, url: str, headers: dict | None = None) -> dict:
    for _ in range(600):  # the first job loads the language model
        job = client.get(url, headers=headers or {}).json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.25)
    raise AssertionError(f"job did not finish: {job}")


@pytest.fixture()
def local(small_db):
    with TestClient(create_app(app_settings(small_db.db)), client=LOCAL) as c:
        yield c


def test_api_ingest_json_articles_runs_as_a_job(local):
    r = local.post("/api/ingest", json={"articles": [
        {"text": FERRY, "title": "Electric ferry enters service", "outlet": "Harbour Gazette",
         "published": "2031-05-12"},
        {"title": "no body at all"}]})
    assert r.status_code == 202
    body = r.json()
    assert body["total"] == 2 and body["status_url"] == f"/api/jobs/{body['job']}"
    job = wait_for(local, body["status_url"])
    assert job["state"] == "done" and job["done"] == 2, job
    assert len(job["result"]["added"]) == 1 and job["result"]["rejected"][0]["reason"] == "no 'text' or 'html' field"
    new_id = job["result"]["added"][0]
    assert job["articles"] == [{"id": new_id, "url": f"/articles/{new_id}"}]
    found = local.get("/api/articles?q=ferry%20harbour").json()["items"]
    assert [a["id"] for a in found] == [new_id] and found[0]["title"] == "Electric ferry enters service"


def test_api_ingest_hostile_json_is_422_not_500(local):
    deep = "[" * 100_000 + "]" * 100_000
    r = local.post("/api/ingest", content=f'{{"articles": {deep}}}', headers={"content-type": "application/json"})
    assert r.status_code == 422 and "nested too deeply" in r.json()["error"]["message"]
    r = local.post("/api/ingest", content="{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422
    # a nested list where a hint belongs is dropped, the article itself is stored
    nested = [[["x"]]] * 3
    r = local.post("/api/ingest", json={"articles": [{"text": FERRY + " Again.", "authors": ["A. Writer", nested]}]})
    assert r.status_code == 202
    job = wait_for(local, r.json()["status_url"])
    assert job["state"] == "done" and len(job["result"]["added"]) == 1, job


def test_api_ingest_file_upload(local):
    files = [("files", ("library.txt", LIBRARY.encode(), "text/plain")),
             ("files", ("tiny.txt", b"Too short to be news.", "text/plain"))]
    r = local.post("/api/ingest", files=files)
    assert r.status_code == 202, r.text
    job = wait_for(local, r.json()["status_url"])
    assert job["state"] == "done" and len(job["result"]["added"]) == 1
    rejected = job["result"]["rejected"]
    assert [x["source"] for x in rejected] == ["upload:tiny.txt"] and "not an article" in rejected[0]["reason"]
    detail = local.get(f"/api/articles/{job['result']['added'][0]}").json()
    assert detail["source"] == "upload:library.txt" and "central library" in detail["text"]


def test_api_delete_article_removes_what_was_derived(local, small_db):
    rec = small_db.pact[0]
    assert local.get(f"/api/articles/{rec.id}").json()["quotes"]
    assert local.delete(f"/api/articles/{rec.id}").json() == {"deleted": rec.id}
    assert local.get(f"/api/articles/{rec.id}").status_code == 404
    quotes = local.get("/api/exports/quotes.jsonl").text
    assert rec.id not in quotes and small_db.pact[1].id in quotes
    assert local.delete(f"/api/articles/{rec.id}").status_code == 404


def test_api_writes_need_token_or_loopback(small_db):
    rec = small_db.hostile
    with TestClient(create_app(app_settings(small_db.db)), client=REMOTE) as remote:
        assert remote.delete(f"/api/articles/{rec.id}").status_code == 403
        assert remote.get(f"/api/articles/{rec.id}").status_code == 200  # reads stay open
    with TestClient(create_app(app_settings(small_db.db, token="k3y")), client=REMOTE) as remote:
        assert remote.delete(f"/api/articles/{rec.id}").status_code == 401
        ok = remote.delete(f"/api/articles/{rec.id}", headers={"Authorization": "Bearer k3y"})
        assert ok.status_code == 200
