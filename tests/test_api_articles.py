"""/api/articles: filters, full-text search, stable keyset pages, one article with its spans."""
from __future__ import annotations

from api_fixtures import client, web_corpus  # noqa: F401  (fixtures)


def all_pages(client, url: str, limit: int) -> list[dict]:
    items, cursor, sep = [], None, "&" if "?" in url else "?"
    for _ in range(100):
        body = client.get(f"{url}{sep}limit={limit}" + (f"&cursor={cursor}" if cursor else "")).json()
        items += body["items"]
        cursor = body["next"]
        if not cursor:
            return items
    raise AssertionError("pagination did not end")


def test_api_articles_pages_cover_everything_once_in_order(client, web_corpus):
    whole = client.get("/api/articles?limit=200").json()
    assert whole["next"] is None
    paged = all_pages(client, "/api/articles", 2)
    assert [a["id"] for a in paged] == [a["id"] for a in whole["items"]]
    assert len({a["id"] for a in paged}) == len(paged) == 3 + len(web_corpus.seeds)
    keys = [(a["published"] or "", a["id"]) for a in paged]
    assert keys == sorted(keys, key=lambda k: (_desc(k[0]), k[1]))


def _desc(s: str) -> tuple:
    return tuple(-ord(c) for c in s) + (1,)


def test_api_articles_cursor_is_stable_when_rows_are_added_before_it(client, web_corpus):
    first = client.get("/api/articles?limit=1").json()
    second = client.get(f"/api/articles?limit=1&cursor={first['next']}").json()
    again = client.get(f"/api/articles?limit=1&cursor={first['next']}").json()
    assert second["items"] == again["items"] and second["items"][0]["id"] != first["items"][0]["id"]


def test_api_articles_filters(client, web_corpus):
    a1, a2 = web_corpus.pact
    ids = lambda url: {a["id"] for a in client.get(url).json()["items"]}  # noqa: E731
    assert ids("/api/articles?outlet=andes%20daily") == {a1.id}
    assert ids("/api/articles?since=2031-03-05&until=2031-03-31") == {a2.id}
    assert ids(f"/api/articles?story={web_corpus.story_id}") == {a1.id, a2.id}
    assert ids("/api/articles?actor=loc:PERSON:rosa-valdivia") == {a1.id}
    assert ids("/api/articles?actor=Tomas%20Ferreyra") == {a2.id}  # by name, through the store's entities
    assert a1.id in ids("/api/articles?actor=Q298")


def test_api_articles_full_text_search(client, web_corpus):
    hits = {a["id"] for a in client.get("/api/articles?q=glaciers").json()["items"]}
    assert web_corpus.pact[0].id in hits and web_corpus.hostile.id not in hits
    assert client.get("/api/articles?q=moderators%20forum").json()["items"][0]["id"] == web_corpus.hostile.id
    # FTS syntax in a query is treated as words, never as an error
    assert client.get('/api/articles?q="unbalanced OR (').status_code == 200


def test_api_article_detail_spans_point_into_the_text(client, web_corpus):
    rec = web_corpus.pact[0]
    body = client.get(f"/api/articles/{rec.id[:8]}").json()  # a unique prefix works too
    assert body["id"] == rec.id and body["story"] == web_corpus.story_id
    text = body["text"]
    for kind in ("quotes", "amounts", "times", "places", "mentions"):
        assert body[kind], kind
        for item in body[kind]:
            assert text[item["start"]:item["end"]] == item["text"]
    for ev in body["events"]:
        for span in ev["evidence"]:
            assert text[span["start"]:span["end"]] == span["text"]
    assert {m["entity_name"] for m in body["mentions"]} >= {"Chile", "Argentina", "Rosa Valdivia"}
    assert "raw" not in body and "source_text" not in body
    assert body["dropped"][0]["reason"] == "call to action"


def test_api_seed_articles_keep_provenance(client, web_corpus):
    for article_id in web_corpus.seeds:
        body = client.get(f"/api/articles/{article_id}").json()
        for kind in ("quotes", "amounts", "times", "places", "mentions"):
            for item in body[kind]:
                assert body["text"][item["start"]:item["end"]] == item["text"]
