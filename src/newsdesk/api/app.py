"""FastAPI application factory. [shell: filled by the API issue]"""
from __future__ import annotations

from fastapi import FastAPI

from ..config import Settings
from ..store import open_store


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(title="newsdesk", version="0.1.0")
    store = open_store(settings.db)

    @app.get("/api/articles")
    def list_articles() -> list[dict]:
        return store.list_articles()

    return app
