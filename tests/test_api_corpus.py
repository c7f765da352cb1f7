"""Stories, events, timelines, entities, discrepancies and exports through the API."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq

from api_fixtures import client, web_corpus  # noqa: F401  (fixtures)


def test_api_stories_list_and_detail(client, web_corpus):
    stories = client.get("/api/stories").json()["items"]
    mine = next(s for s in stories if s["id"] == web_corpus.story_id)
    assert mine["article_count"] == 2 and mine["outlets"] == ["Andes Daily", "Southern Cone Wire"]
    st = client.get(f"/api/stories/{web_corpus.story_id}").json()
    assert {a["id"] for a in st["articles"]} == {r.id for r in web_corpus.pact}
    assert [e["type"] for e in st["events"]] == ["ACCUSE", "REJECT", "AGREE", "CONSULT"]  # oldest first
    assert len(st["quotes"]) == 2 and len(st["amounts"]) == 2
    assert st["briefing"][0]["evidence"][0]["article"] == web_corpus.pact[0].id
    assert st["discrepancies"][0]["kind"] == "conflict"


def test_api_events_filters(client, web_corpus):
    mine = {r.id for r in web_corpus.pact}  # seed and demo articles add events of their own

    def types(url: str) -> list[str]:
        return sorted(e["type"] for e in client.get(url + "&limit=200").json()["items"] if e["article_id"] in mine)

    assert types("/api/events?type=AGREE&type=CONSULT") == ["AGREE", "CONSULT"]
    assert types("/api/events?actor=Q414") == ["ACCUSE", "CONSULT"]
    assert types("/api/events?target=Q414") == ["AGREE", "REJECT"]
    assert types("/api/events?country=arg&since=2031-01-01") == ["AGREE", "CONSULT"]
    assert types("/api/events?place=mendoza") == ["AGREE", "CONSULT"]
    assert types(f"/api/events?story={web_corpus.story_id}&until=2030-12-31") == ["ACCUSE", "REJECT"]
    whole = client.get("/api/events?limit=200").json()["items"]
    page1 = client.get("/api/events?limit=1").json()
    page2 = client.get(f"/api/events?limit=1&cursor={page1['next']}").json()
    assert [page1["items"][0]["id"], page2["items"][0]["id"]] == [e["id"] for e in whole[:2]]


def test_api_timeline_actor_and_dyad(client, web_corpus):
    mine = {r.id for r in web_corpus.pact}
    one = client.get("/api/timeline?actor=loc:PERSON:rosa-valdivia").json()
    assert [{k: a[k] for k in ("key", "name")} for a in one["actors"]] == [
        {"key": "loc:PERSON:rosa-valdivia", "name": "Rosa Valdivia"}]
    chile = client.get("/api/timeline?actor=Q298").json()
    assert [e["type"] for e in chile["events"] if set(e["articles"]) <= mine] == ["ACCUSE", "REJECT", "AGREE",
                                                                                  "CONSULT"]
    dyad = client.get("/api/timeline?actor=Q298&actor=Q414&since=2030-09-01&until=2031-03-31").json()
    assert all(e["date"] >= "2030-09" for e in dyad["events"])
    assert {e["type"] for e in dyad["events"] if set(e["articles"]) <= mine} == {"ACCUSE", "REJECT", "AGREE",
                                                                                 "CONSULT"}
    series = {p["period"]: p for p in dyad["series"]["periods"]}
    assert series["2031-03"]["cooperative"] >= 2 and series["2030-09"]["conflictual"] >= 1
    assert client.get("/api/timeline?actor=Q298&actor=Q414&actor=Q1").status_code == 422
    assert client.get("/api/timeline?actor=no-such-actor-anywhere").status_code == 404


def test_api_entities(client, web_corpus):
    people = client.get("/api/entities?type=person").json()["items"]
    assert {p["name"] for p in people} >= {"Rosa Valdivia", "Tomas Ferreyra"}
    one = client.get("/api/entities/Q414").json()
    assert one["name"] == "Argentina" and {"key": "Q298", "name": "Chile", "events": 4} in one["partners"]
    assert {q["speaker"] for q in client.get("/api/entities/loc:PERSON:tomas-ferreyra").json()["quotes"]} == {
        "Tomas Ferreyra"}


def test_api_discrepancies(client, web_corpus):
    rows = client.get(f"/api/discrepancies?story={web_corpus.story_id}").json()["items"]
    assert [c["text"] for c in rows[0]["claims"]] == ["$120 million", "$150 million"]


def test_api_exports_in_three_formats(client, web_corpus):
    r = client.get("/api/exports/quotes.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {"We cannot measure what we refuse to share"} <= {row["text"] for row in rows}
    lines = [json.loads(x) for x in client.get("/api/exports/events.jsonl").text.splitlines()]
    assert {e["type"] for e in lines} >= {"AGREE", "ACCUSE"}
    table = pq.read_table(io.BytesIO(client.get("/api/exports/articles.parquet").content))
    assert table.num_rows == 3 + len(web_corpus.seeds)
    assert client.get("/api/exports").json()["items"][0]["formats"]["csv"].endswith(".csv")
