"""The whole server: the REST API (newsdesk.api) and the web UI (newsdesk.web), behind one set of guards."""
from __future__ import annotations

from collections.abc import Iterable

from fastapi import FastAPI

from ..api.app import create_api, guard
from ..config import Settings
from ..web.pages import install_pages
from .cache import ReadCache
from .shared_cache import SharedTier


def create_app(settings: Settings, actor_files: Iterable[str] = ()) -> FastAPI:
    """API, pages and static files over the store at ``settings.db`` (migrated on open), with the read
    cache (``Settings.read_cache_mb``) inside the guards."""
    import newsdesk.corpus.timeline  # noqa: F401  # heavy imports at start-up, not in the first timeline read

    app = create_api(settings, actor_files)
    install_pages(app)
    if settings.read_cache_mb > 0:
        # several workers share what each made through files; private (token) reads stay in memory
        shared = SharedTier(settings.read_cache_mb * 1_000_000) \
            if settings.read_cache_shared and not settings.lock_reads else None
        app.add_middleware(ReadCache, version=app.state.store.version, settings=settings,
                           max_bytes=settings.read_cache_mb * 1_000_000, shared=shared)
    return guard(app, settings)


def app_from_env() -> FastAPI:
    """For ``uvicorn --factory newsdesk.server.app:app_from_env``: settings from NEWSDESK_* variables."""
    import os

    from ..config import load_settings

    files = [f for f in os.environ.get("NEWSDESK_ACTORS", "").split(os.pathsep) if f]
    return create_app(load_settings(), actor_files=files)
