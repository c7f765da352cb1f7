"""Issue 13's UI defects: copies name their outlet, lists show the estimated date the article page shows,
countries once among entities, no one-word generic ORGs, coarse dates not drawn as January, last chart
label inside the chart, 422 for malformed filters, no phantom rejection for pasted text."""
from __future__ import annotations

import re

from api_fixtures import app_settings, client, small_db, web_corpus  # noqa: F401  (fixtures)
from newsdesk.read.entities import generic_nouns
from newsdesk.web.charts import W, timeline_chart

HTML = {"accept": "text/html"}


def test_web_copies_name_the_outlet_they_copy(client):
    copies = [a for a in client.get("/api/articles?limit=200").json()["items"] if a["duplicate_of"]]
    assert copies, "the demo corpus has copies"
    for a in copies:
        original = client.get(f"/api/articles/{a['duplicate_of']}").json()
        assert a["duplicate_outlet"] == original["outlet"] and original["outlet"]
        line = re.search(rf'<a href="/articles/{a["id"]}">.*?</li>', client.get("/articles", headers=HTML).text,
                         re.S).group(0)
        assert f'copy of <a href="/articles/{a["duplicate_of"]}">{original["outlet"]}</a>' in line
        assert a["duplicate_of"][:8] + "<" not in line


def test_web_lists_show_the_estimated_date_of_undated_articles(client):
    undated = [a for a in client.get("/api/articles?limit=200").json()["items"] if not a["published"]]
    estimated = [a for a in undated if a["date_estimated"]]
    assert estimated, "seed articles carry no publication date but an estimated one"
    home = client.get("/", headers=HTML).text + client.get("/articles", headers=HTML).text
    for a in estimated:
        detail = client.get(f"/api/articles/{a['id']}").json()
        assert detail["date_estimated"] == a["date_estimated"]
        assert f"c. {a['date_estimated']} (estimated)" in client.get(f"/articles/{a['id']}", headers=HTML).text
        assert f"c. {a['date_estimated']} (estimated)" in home


def test_web_entities_list_countries_once_and_no_generic_orgs(client):
    rows, cursor = [], ""
    while True:
        page = client.get(f"/api/entities?limit=200{cursor}").json()
        rows += page["items"]
        if not page["next"]:
            break
        cursor = f"&cursor={page['next']}"
    gpe = [(r["name"], r["country"]) for r in rows if r["type"] == "GPE"]
    assert len(gpe) == len(set(gpe)), sorted(x for x in gpe if gpe.count(x) > 1)
    china = [r for r in rows if r["name"] == "China" and r["type"] == "GPE"]
    assert len(china) == 1 and china[0]["mentions"] > 0
    generic = set(generic_nouns())
    assert not [r for r in rows if r["type"] == "ORG" and r["key"].startswith("loc:") and r["name"].lower() in generic]
    assert any(r["type"] == "ORG" for r in rows)


def test_web_chart_keeps_coarse_dates_apart_and_the_last_label_whole():
    events = [{"date": "2024", "type": "AGREE"}, {"date": "2024-03-02", "type": "AGREE"},
              {"date": "2024-11-20", "type": "ACCUSE"}]
    chart = timeline_chart(events)
    assert chart["unit"] == "month" and chart["coarse"] == [
        {"period": "2024", "cooperative": 1, "conflictual": 0, "other": 0}]
    assert chart["totals"]["cooperative"] == 1  # the year-only event is not drawn in January
    assert not any(b.title.startswith("2024-01") for b in chart["bars"])
    last = chart["labels"][-1]
    width = len(last["text"]) * 7
    right = last["x"] + (width / 2 if last["anchor"] == "middle" else 0 if last["anchor"] == "end" else width)
    assert right <= W
    only_years = timeline_chart([{"date": "2023", "type": "AID"}, {"date": "2024", "type": "AID"}])
    assert only_years["unit"] == "year" and [b.title for b in only_years["bars"]] == [
        "2023: 1 cooperative", "2024: 1 cooperative"] and not only_years["coarse"]


def test_api_malformed_filters_are_422(client):
    for url in ("/api/articles?since=2024-13-45", "/api/articles?until=2024-02-30", "/api/articles?since=yesterday",
                "/api/events?type=FOO", "/api/events?since=2024-00", "/api/entities?type=XYZ",
                "/api/timeline?actor=Q148&since=2031-02-31", "/api/events?country=CHINA"):
        r = client.get(url)
        assert r.status_code == 422, url
        assert r.json()["error"]["code"] == "invalid_request"
    assert client.get("/articles?since=2024-13-45", headers=HTML).status_code == 422
    for url in ("/api/articles?since=2024&until=2031-03", "/api/events?type=agree", "/api/entities?type=gpe"):
        assert client.get(url).status_code == 200, url


def test_web_pasted_text_records_no_phantom_empty_file(small_db):  # noqa: F811
    from fastapi.testclient import TestClient

    from newsdesk.server.app import create_app
    from newsdesk.store import open_store
    from test_api_write import FERRY, wait_for

    with TestClient(create_app(app_settings(small_db.db)), client=("127.0.0.1", 40020)) as c:
        # what the upload form sends when text is pasted and no file chosen: an empty, unnamed file part
        r = c.post("/api/ingest", files=[("files", ("", b"", "application/octet-stream"))],
                   data={"text": FERRY, "title": "Ferry"})
        assert r.status_code == 202 and r.json()["total"] == 1
        job = wait_for(c, r.json()["status_url"])
        assert job["state"] == "done" and len(job["result"]["added"]) == 1 and not job["result"]["rejected"]
    with open_store(small_db.db) as store:
        assert store.rejections() == []
