"""The web UI: server-rendered pages over the read model (newsdesk.read), the same calls as the API."""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from .. import read
from ..read.params import ENTITY_TYPES
from ..server.auth import require_read
from ..store import Store
from .highlight import Mark, render
from .plover import group_of

HERE = Path(__file__).parent
# autoescape everywhere: article text, titles and names are untrusted
env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
env.filters["group"] = group_of
env.filters["num"] = lambda v: f"{v:,.0f}" if float(v).is_integer() and abs(v) < 1e15 else f"{v:,.4g}"
env.tests["http_url"] = lambda url: isinstance(url, str) and url.lower().startswith(("http://", "https://"))
templates = Jinja2Templates(env=env)
router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)


def store_of(request: Request) -> Store:
    return request.app.state.store


def actor_files(request: Request) -> tuple[str, ...]:
    return tuple(getattr(request.app.state, "actor_files", ()))


def page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def span_href(article_id: str, start: int, end: int) -> str:
    """Link to a span of an article: the article page highlights and scrolls to it."""
    return f"/articles/{article_id}#c{start}-{end}"


def more_href(next_cursor: str | None, **params: Any) -> str | None:
    """The next page's URL, keeping the filters."""
    if not next_cursor:
        return None
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return "?" + urlencode({**kept, "cursor": next_cursor})


env.globals["span_href"] = span_href
env.globals["more_href"] = more_href


@router.get("/", response_class=HTMLResponse)
def home(request: Request, cursor: str | None = None) -> HTMLResponse:
    store = store_of(request)
    stories = read.list_stories(store, cursor=cursor, limit=30)
    latest = read.list_articles(store, limit=15)["items"] if not cursor else []
    return page(request, "home.html", stories=stories["items"], next=more_href(stories["next"]), latest=latest,
                total=store.count_articles())


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, q: str = Query("", max_length=500), outlet: str = "", since: str = "",
             until: str = "", cursor: str | None = None) -> HTMLResponse:
    """Every article, newest first, with outlet and date filters and full-text search (with snippets)."""
    store = store_of(request)
    data = read.list_articles(store, q=q, outlet=outlet, since=since, until=until, cursor=cursor, limit=30)
    return page(request, "articles.html", results=data["items"], outlets=store.outlets(), q=q, outlet=outlet,
                since=since, until=until,
                next=more_href(data["next"], q=q, outlet=outlet, since=since, until=until))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = Query("", max_length=500), cursor: str | None = None) -> HTMLResponse:
    data = (read.list_articles(store_of(request), q=q, cursor=cursor, limit=30) if q.strip()
            else {"items": [], "next": None})
    return page(request, "search.html", q=q, results=data["items"], next=more_href(data["next"], q=q))


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
    a = read.article_detail(store_of(request), article_id)
    return page(request, "article.html", a=a, body=render(a["text"], article_marks(a)))


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, type: str = "", q: str = "", cursor: str | None = None) -> HTMLResponse:
    data = read.list_entities(store_of(request), type=type, q=q, cursor=cursor, limit=100)
    return page(request, "entities.html", rows=data["items"], next=more_href(data["next"], type=type, q=q),
                type=type.upper(), q=q, types=ENTITY_TYPES)


@router.get("/upload", response_class=HTMLResponse)
def upload(request: Request) -> HTMLResponse:
    return page(request, "upload.html", needs_token=bool(request.app.state.settings.token),
                max_bytes=request.app.state.settings.max_input_bytes,
                max_items=request.app.state.settings.job_max_items)


def install_pages(app: FastAPI) -> None:
    """Add the pages and /static to an app that already serves the API (newsdesk.server.app)."""
    from . import story_pages

    app.state.templates = templates
    app.include_router(router)
    app.include_router(story_pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
