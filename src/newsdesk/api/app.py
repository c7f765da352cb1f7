"""FastAPI application factory: the REST API under /api (OpenAPI at /docs) and the web UI."""
from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..config import Settings
from ..store import open_store
from . import articles, entities, events, exports, jobs, stories, timeline
from .errors import ApiError, error_body, install_error_handlers

WEB = Path(__file__).resolve().parents[1] / "web"
UPLOAD_FACTOR = 10  # a request may carry up to this many maximum-size inputs

# No inline script or style anywhere in the UI: scripts and styles come from /static only.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# /docs serves Swagger UI from the swagger-ui-bundle package (offline); its bootstrap script is inline.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none'")


class GuardMiddleware:
    """Security headers on every response; 413 for request bodies over the cap."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"] in ("/docs", "/docs/oauth2-redirect")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", (DOCS_CSP if docs else CSP).encode()),
                            (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                            (b"x-frame-options", b"DENY")]
                message["headers"] = headers
            await send(message)

        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            await _send_json(send_with_headers, 413, f"request body over {self.max_body:,} bytes")
            return
        seen = 0

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:  # bodies sent without a length header
                    raise ApiError(413, f"request body over {self.max_body:,} bytes")
            return message

        await self.app(scope, counted_receive, send_with_headers)


async def _send_json(send: Send, status: int, message: str) -> None:
    import json

    body = json.dumps(error_body(status, message)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _offline_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from local files: the machine running newsdesk may have no internet."""
    import swagger_ui_bundle
    from fastapi.openapi.docs import get_swagger_ui_html

    app.mount("/docs-static", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> object:
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title="newsdesk API",
                                   swagger_js_url="/docs-static/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-static/swagger-ui.css",
                                   swagger_favicon_url="/docs-static/favicon-32x32.png")


def create_app(settings: Settings, actor_files: Iterable[str] = ()) -> FastAPI:
    """The API and web UI over the store at ``settings.db`` (migrated on open)."""
    runner = jobs.job_runner()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        runner.shutdown(wait=True, cancel_futures=True)

    app = FastAPI(title="newsdesk", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Articles, stories, actors, quotes, figures and PLOVER events, each with its "
                              "source span. Errors: `{\"error\": {\"status\", \"code\", \"message\"}}`. "
                              "Writes need `Authorization: Bearer <NEWSDESK_TOKEN>`; with no token set, "
                              "writes are accepted from loopback clients only.")
    app.state.settings = settings
    app.state.store = open_store(settings.db)
    app.state.actor_files = tuple(str(f) for f in actor_files)
    app.state.jobs = runner
    install_error_handlers(app)
    for module in (articles, stories, entities, events, timeline, exports, jobs):
        app.include_router(module.router)
    from .code import router as code_router  # POST /api/code

    app.include_router(code_router)

    from ..web import pages, story_pages

    app.state.templates = pages.templates
    app.include_router(pages.router)
    app.include_router(story_pages.router)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    _offline_docs(app)
    app.add_middleware(GuardMiddleware, max_body=settings.max_input_bytes * UPLOAD_FACTOR)
    return app
