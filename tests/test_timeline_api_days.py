"""/api/timeline returns the CLI's rows and ranked days, for an actor or (all=true) the whole store."""
from __future__ import annotations

from api_fixtures import client, web_corpus  # noqa: F401  (fixtures)


def test_api_timeline_whole_store_ranks_days(client):  # noqa: F811
    whole = client.get("/api/timeline?all=true").json()
    assert whole["actors"] == [] and whole["dates"]
    scores = [d["score"] for d in whole["dates"] if not d["background"]]
    assert scores == sorted(scores, reverse=True)
    best = whole["dates"][0]["date"]
    top = client.get("/api/timeline?all=true&top=1").json()
    assert {e["date"] for e in top["events"]} == {best}
    assert all({"score", "evidence", "sources", "dated_by"} <= set(e) for e in top["events"])
    assert client.get("/api/timeline?all=true&top=0").status_code == 422
    assert client.get("/api/timeline?all=true&actor=Q298").status_code == 422
    one = client.get("/api/timeline?actor=Q298&min_sources=1").json()
    assert all(len(d["sources"]) >= 1 for d in one["dates"])
