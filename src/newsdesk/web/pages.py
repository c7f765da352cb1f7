"""The web UI: server-rendered pages over the same library calls as the API (no SQL here)."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from ..api.articles import article_detail
from ..api.auth import require_read
from ..api.deps import get_store
from ..api.pagination import decode_cursor, encode_cursor
from .highlight import Mark, render
from .plover import group_of

HERE = Path(__file__).parent
# autoescape everywhere: article text, titles and names are untrusted
env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
env.filters["group"] = group_of
env.filters["num"] = lambda v: f"{v:,.0f}" if float(v).is_integer() and abs(v) < 1e15 else f"{v:,.4g}"
env.tests["http_url"] = lambda url: isinstance(url, str) and url.lower().startswith(("http://", "https://"))
env.globals["cursor"] = encode_cursor
templates = Jinja2Templates(env=env)
router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)


def page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def span_href(article_id: str, start: int, end: int) -> str:
    """Link to a span of an article: the article page highlights and scrolls to it."""
    return f"/articles/{article_id}#c{start}-{end}"


env.globals["span_href"] = span_href


@router.get("/", response_class=HTMLResponse)
def home(request: Request, cursor: str | None = None) -> HTMLResponse:
    store = get_store(request)
    stories, nxt = store.stories_page(after=decode_cursor(cursor), limit=30)
    latest, _ = store.articles_page(limit=15) if not cursor else ([], None)
    return page(request, "home.html", stories=stories, next=encode_cursor(nxt), latest=latest,
                total=store.count_articles())


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = Query("", max_length=500), cursor: str | None = None) -> HTMLResponse:
    store = get_store(request)
    results, nxt = store.articles_page(query=q, after=decode_cursor(cursor), limit=30) if q.strip() else ([], None)
    return page(request, "search.html", q=q, results=results, next=encode_cursor(nxt))


def article_marks(a: dict[str, Any]) -> list[Mark]:
    """Highlights for the article text: quotes, amounts, dates, places and actor mentions."""
    marks = [Mark(q["start"], q["end"], "hl-quote", f"quote: {q['speaker'] or 'unattributed'}",
                  anchor=f"c{q['start']}-{q['end']}") for q in a["quotes"]]
    marks += [Mark(x["start"], x["end"], "hl-amount", f"{x['value']:g} {x['unit']}"
                   + (f" ({x['about']})" if x["about"] else "")) for x in a["amounts"]]
    marks += [Mark(t["start"], t["end"], "hl-time", f"date: {t['value'] or 'unresolved'}") for t in a["times"]]
    marks += [Mark(p["start"], p["end"], "hl-place", f"place: {p['name']}" + (f", {p['country']}" if p["country"]
                                                                              else "")) for p in a["places"]]
    marks += [Mark(m["start"], m["end"], "hl-actor", f"actor: {m['entity_name'] or m['entity']}",
                   href=f"/actors/{quote(m['entity'], safe='')}") for m in a["mentions"]]
    return marks


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    a = article_detail(get_store(request), article_id)
    return page(request, "article.html", a=a, body=render(a["text"], article_marks(a)))


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, type: str | None = None, q: str | None = None,
             cursor: str | None = None) -> HTMLResponse:
    rows, nxt = get_store(request).entities_page(type=type, q=q, after=decode_cursor(cursor), limit=100)
    return page(request, "entities.html", rows=rows, next=encode_cursor(nxt), type=type or "", q=q or "")


@router.get("/upload", response_class=HTMLResponse)
def upload(request: Request) -> HTMLResponse:
    return page(request, "upload.html", needs_token=bool(request.app.state.settings.token),
                max_bytes=request.app.state.settings.max_input_bytes)
