"""The web UI in headless Chromium: every page type, span links, upload with progress, inert hostile text.
Screenshots land in test-artifacts/."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ARTIFACTS, shot

pytestmark = pytest.mark.browser

UPLOAD_TEXT = ("Volunteers planted four thousand oak saplings along the river valley on Saturday, restoring a "
               "stretch of woodland cleared for farming decades ago. The regional forestry office supplied the "
               "trees and a map of the slopes most at risk of erosion, and schoolchildren tagged each sapling so "
               "that they can measure its growth every spring. Organisers said a second planting day is planned "
               "for the autumn, when the ground is wetter and the young trees take root more easily.")


def test_browser_every_page_type_renders(page, corpus):
    a1, a2 = corpus.pact
    pages = {
        "home": ("/", "h1", "Stories"),
        "story": (f"/stories/{corpus.story_id}", "h1", "Chile and Argentina sign a glacier monitoring pact"),
        "article": (f"/articles/{a1.id}", "h1", "Chile and Argentina sign glacier monitoring pact"),
        "actor": ("/actors/Q298", "h1", "Chile"),
        "dyad": ("/actors/Q298/Q414", "h1", "Argentina"),
        "entities": ("/entities", "h1", "Actors and entities"),
        "search": ("/search?q=glaciers", "h1", "Search"),
        "articles": ("/articles?q=glaciers&since=2031", "h1", "Articles"),
        "upload": ("/upload", "h1", "Upload articles"),
    }
    if corpus.seeds:
        pages["seed-article"] = (f"/articles/{corpus.seeds[0]}", "h1", "")
    for name, (url, selector, text) in pages.items():
        page.goto(url)
        assert text in page.locator(selector).first.inner_text(), name
        shot(page, f"page-{name}")
    page.goto("/actors/Q298")
    assert page.locator("svg rect.bar").count() >= 2 and page.locator("circle.pt").count() >= 1
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/stories/{corpus.story_id}")
    shot(page, "page-story-mobile")
    assert page.errors == [], page.errors  # no CSP violation, no script error


def test_browser_story_quote_opens_highlighted_source_span(page, corpus):
    a2 = corpus.pact[1]
    q = a2.quotes[0]
    page.goto(f"/stories/{corpus.story_id}")
    page.locator(f'a[href="/articles/{a2.id}#c{q.start}-{q.end}"]').first.click()
    page.wait_for_url(f"**/articles/{a2.id}#c{q.start}-{q.end}")
    target = page.locator("#article-body mark.target")
    target.first.wait_for(state="visible")
    assert "".join(target.all_inner_texts()) == q.text
    assert target.first.is_visible()
    shot(page, "story-quote-to-source")
    page.goto(f"/stories/{corpus.story_id}")
    page.locator("a.cited").first.click()  # a briefing sentence goes to its cited words
    page.locator("#article-body mark.target").first.wait_for(state="visible")
    cited = "".join(page.locator("#article-body mark.target").all_inner_texts())  # split by actor links
    assert cited.startswith("Chile and Argentina signed an agreement")
    assert page.errors == [], page.errors


def test_browser_hostile_article_renders_inert(page, corpus):
    page.goto(f"/articles/{corpus.hostile.id}")
    page.locator("#dropped summary").click()
    assert page.evaluate("typeof window.__xss") == "undefined"
    body = page.locator("#article-body").inner_text()
    assert "<script>window.__xss=1</script>" in body and '<img src=x onerror="window.__xss=2">' in body
    assert "<script>window.__xss=1</script>" in page.locator("h1").inner_text()
    assert "<script>window.__xss=5</script>" in page.locator("#dropped").inner_text()
    assert page.locator("#article-body script, #article-body img, h1 script").count() == 0
    shot(page, "hostile-article")


def test_browser_upload_shows_progress_and_new_article(page, tmp_path):
    path = Path(tmp_path) / "oak-planting.txt"
    path.write_text(UPLOAD_TEXT, encoding="utf-8")
    page.goto("/upload")
    page.set_input_files("#files", str(path))
    page.locator("#upload-button").click()
    status = page.locator("#status")
    status.filter(has_text="Done:").wait_for(timeout=180_000)
    assert "1 added" in status.inner_text()
    shot(page, "upload-done")
    page.locator("#results a").first.click()
    page.wait_for_url("**/articles/*")
    assert "oak saplings" in page.locator("#article-body").inner_text()
    shot(page, "upload-new-article")
    page.goto("/search?q=saplings")
    assert page.locator("ul.articles li").count() == 1
    assert page.errors == [], page.errors
    assert ARTIFACTS.is_dir()


def test_browser_docs_render_openapi_31_operations(page):
    """Swagger UI (>= 5, from a package) renders FastAPI's OpenAPI 3.1: operations are listed."""
    page.goto("/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/articles" in p for p in paths) and any("/api/ingest" in p for p in paths), paths
    assert "Unable to render this definition" not in page.content()
    shot(page, "page-docs")
