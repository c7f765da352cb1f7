"""One read model: api/ and web/ never import each other, and the API's JSON and the pages show the
same data (both call newsdesk.read)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from markupsafe import escape

from api_fixtures import client, web_corpus  # noqa: F401  (fixtures)

SRC = Path(__file__).resolve().parents[1] / "src" / "newsdesk"


def _imports(folder: Path) -> set[str]:
    """Every module a package's files import, as absolute dotted names."""
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: resolve against the file's package
                    parts = ["newsdesk", *path.relative_to(SRC).parts[:-1]]
                    parts = parts[: len(parts) - node.level + 1]
                    base = ".".join(parts + ([base] if base else []))
                found.add(base)
                found |= {f"{base}.{a.name}" for a in node.names}
    return found


def test_read_model_api_and_web_do_not_import_each_other():
    api, web = _imports(SRC / "api"), _imports(SRC / "web")
    assert not {m for m in api if m == "newsdesk.web" or m.startswith("newsdesk.web.")}
    assert not {m for m in web if m == "newsdesk.api" or m.startswith("newsdesk.api.")}
    assert "newsdesk.read" in api and any(m.startswith("newsdesk.read") for m in web)


def _page_article_ids(page: str) -> list[str]:
    ids = re.findall(r'<li class="article-line">\s*<a href="/articles/([0-9a-f]+)"', page)
    return ids


def test_read_model_article_list_is_the_same_in_api_and_page(client, web_corpus):
    for query in ("", "q=glacier", "outlet=Andes%20Daily", "since=2031-01-01&until=2031-03", "q=Putin"):
        api = client.get(f"/api/articles?limit=30&{query}").json()["items"]
        page = client.get(f"/articles?{query}", headers={"Accept": "text/html"}).text
        assert _page_article_ids(page) == [a["id"] for a in api], query
        for a in api:
            assert str(escape(a["title"] or "(untitled article)")) in page
            if a.get("snippet"):  # the page shows the same hits, marked
                hits = [p["text"] for p in a["snippet"] if p["hit"]]
                assert all(f"<mark>{escape(h)}</mark>" in page for h in hits)
    assert client.get("/api/articles?q=glacier").json()["items"][0]["snippet"]


def test_read_model_story_and_entities_agree(client, web_corpus):
    story = client.get(f"/api/stories/{web_corpus.story_id}").json()
    page = client.get(f"/stories/{web_corpus.story_id}", headers={"Accept": "text/html"}).text
    for a in story["articles"]:
        assert f"/articles/{a['id']}" in page
    api = client.get("/api/entities?type=PERSON&limit=100").json()["items"]
    page = client.get("/entities?type=PERSON", headers={"Accept": "text/html"}).text
    assert re.findall(r'<tr><td><a href="/actors/[^"]+">', page) and len(api) == len(
        re.findall(r'<tr><td><a href="/actors/[^"]+">', page))
    for e in api:
        assert str(escape(e["name"])) in page


def test_read_model_stories_ship_no_clustering_state(client):
    listed = client.get("/api/stories?limit=200").json()["items"]
    assert listed
    for st in listed:
        assert "features" not in st
        assert "features" not in client.get(f"/api/stories/{st['id']}").json()


def test_read_model_cli_lists_what_the_api_lists(client, web_corpus):
    import json

    from click.testing import CliRunner

    from newsdesk.cli import cli

    out = CliRunner().invoke(cli, ["--db", web_corpus.db, "articles", "--json", "--search", "glacier"])
    assert out.exit_code == 0, out.output
    api = client.get("/api/articles?q=glacier&limit=200").json()["items"]
    assert [a["id"] for a in json.loads(out.output)] == [a["id"] for a in api]
    bad = CliRunner().invoke(cli, ["--db", web_corpus.db, "articles", "--since", "2024-13-45"])
    assert bad.exit_code == 2
