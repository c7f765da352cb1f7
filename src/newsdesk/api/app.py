"""The REST API under /api (OpenAPI at /openapi.json, Swagger UI at /docs). It knows nothing of the web
pages: ``newsdesk.server.app.create_app`` puts both behind the same guards."""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager

from fastapi import FastAPI

from .. import __version__
from ..config import Settings
from ..server.docs import install_docs
from ..server.errors import install_error_handlers
from ..server.guard import GuardMiddleware
from ..store import open_store
from . import articles, entities, events, exports, jobs, stories, timeline

log = logging.getLogger("newsdesk.api")
UPLOAD_FACTOR = 10  # a request may carry up to this many maximum-size inputs

DESCRIPTION = ("Articles, stories, actors, quotes, figures and PLOVER events, each with its source span. "
               "Errors: `{\"error\": {\"status\", \"code\", \"message\"}}`. Writes need "
               "`Authorization: Bearer <NEWSDESK_TOKEN>`; with no token set, writes are accepted from loopback "
               "clients only, and from a browser only when same-origin. Every request's Host must be loopback "
               "or in NEWSDESK_ALLOWED_HOSTS.")


def create_api(settings: Settings, actor_files: Iterable[str] = ()) -> FastAPI:
    """The API routes, error handlers, docs and ingest jobs over the store at ``settings.db``; no guards."""
    runner = jobs.job_runner(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        failed = jobs.fail_orphaned_jobs(app.state.store)
        if failed:
            log.warning("%d ingest job(s) left unfinished by a stopped server were marked failed", failed)
        yield
        runner.shutdown(timeout=10.0)

    app = FastAPI(title="newsdesk", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description=DESCRIPTION)
    app.state.settings = settings
    app.state.store = open_store(settings.db)
    app.state.actor_files = tuple(str(f) for f in actor_files)
    app.state.jobs = runner
    install_error_handlers(app)
    for module in (articles, stories, entities, events, timeline, exports, jobs):
        app.include_router(module.router)
    from .code import router as code_router  # POST /api/code

    app.include_router(code_router)
    install_docs(app)
    return app


def guard(app: FastAPI, settings: Settings) -> FastAPI:
    app.add_middleware(GuardMiddleware, settings=settings, max_body=settings.max_input_bytes * UPLOAD_FACTOR)
    return app


def create_app(settings: Settings, actor_files: Iterable[str] = ()) -> FastAPI:
    """The API alone, guarded (Host allow-list, same-origin writes, body cap, security headers)."""
    return guard(create_api(settings, actor_files), settings)
