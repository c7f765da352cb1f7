"""Server-rendered pages (through the ASGI test client): content, escaping, security headers."""
from __future__ import annotations

from api_fixtures import XSS_TITLE, client, web_corpus  # noqa: F401  (fixtures)

HTML = {"accept": "text/html"}


def test_web_pages_send_a_strict_csp(client):
    r = client.get("/", headers=HTML)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in r.text and " style=" not in r.text  # no inline script or style


def test_web_home_lists_stories_and_latest(client, web_corpus):
    html = client.get("/", headers=HTML).text
    assert f'href="/stories/{web_corpus.story_id}"' in html
    assert "Andes Daily, Southern Cone Wire" in html


def test_web_article_page_escapes_hostile_text(client, web_corpus):
    rec = web_corpus.hostile
    html = client.get(f"/articles/{rec.id}", headers=HTML).text
    assert "<script>window" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "Forum markup &lt;script&gt;" in html and "Forum &lt;b&gt;Weekly&lt;/b&gt;" in html
    assert "Ines &lt;i&gt;Okafor&lt;/i&gt;" in html  # entity names from the store are untrusted too
    assert 'href="javascript:' not in html  # a javascript: article URL is not linked
    assert "share &lt;i&gt;bar&lt;/i&gt;" in html  # the removed-boilerplate reason, inside <details>


def test_web_article_page_marks_spans_with_offsets(client, web_corpus):
    rec = web_corpus.pact[0]
    html = client.get(f"/articles/{rec.id}", headers=HTML).text
    q = rec.quotes[0]
    assert f'id="c{q.start}-{q.end}"' in html and 'class="hl-quote"' in html
    assert 'class="hl-amount"' in html and 'class="hl-time"' in html and 'class="hl-place"' in html
    assert 'href="/actors/loc%3APERSON%3Arosa-valdivia"' in html
    assert "Subscribe to our morning newsletter" in html  # dropped boilerplate, on demand


def test_web_story_page_links_briefing_and_quotes_to_spans(client, web_corpus):
    a1, a2 = web_corpus.pact
    html = client.get(f"/stories/{web_corpus.story_id}", headers=HTML).text
    assert 'class="cited"' in html and f"/articles/{a1.id}#c" in html
    q = a2.quotes[0]
    assert f'href="/articles/{a2.id}#c{q.start}-{q.end}"' in html
    assert 'class="disc conflict"' in html and "$150 million" in html
    assert html.index("ACCUSE") < html.index("AGREE")  # timeline oldest first


def test_web_actor_and_dyad_pages_draw_chart_and_map(client):
    html = client.get("/actors/Q298", headers=HTML).text
    assert 'class="bar cooperative"' in html and 'class="bar conflictual"' in html
    assert '<circle class="pt"' in html and 'href="/static/world.svg"' in html
    assert "/actors/Q298/Q414" in html  # partner link to the dyad page
    dyad = client.get("/actors/Q298/Q414", headers=HTML).text
    assert "Chile" in dyad and "Argentina" in dyad and 'class="bar' in dyad
    person = client.get("/actors/loc:PERSON:tomas-ferreyra", headers=HTML).text
    assert "This is the start of a shared science of the mountains" in person


def test_web_search_entities_and_upload_pages(client, web_corpus):
    assert f"/articles/{web_corpus.pact[1].id}" in client.get("/search?q=mountains", headers=HTML).text
    assert "No article matches" in client.get("/search?q=zzyzx", headers=HTML).text
    assert "Rosa Valdivia" in client.get("/entities?type=PERSON", headers=HTML).text
    upload = client.get("/upload", headers=HTML).text
    assert 'src="/static/upload.js"' in upload and 'name="files"' in upload
    assert client.get("/static/world.svg").headers["content-type"].startswith("image/svg")


def test_web_article_page_shows_estimated_date_when_page_has_none(client, web_corpus):
    from newsdesk.store import open_store

    store = open_store(web_corpus.db)
    seed = next(a for a in store.list_articles() if a["source"].endswith("003_0863d09da31b0083.txt"))
    html = client.get(f"/articles/{seed['id']}", headers=HTML).text
    assert "c. 2022-09-15 (estimated)" in html  # the summit it reports, not the page header's date
    store.close()
