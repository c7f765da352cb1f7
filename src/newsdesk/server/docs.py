"""Swagger UI at /docs from local files (the machine running newsdesk may have no internet).

FastAPI writes OpenAPI 3.1, which needs Swagger UI 5: its files come from the ``fastapi-offline``
package (it ships swagger-ui-dist 5); without it, from ``swagger-ui-bundle`` (4.x, which cannot
render 3.1: /docs then says so).
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles


def swagger_dir() -> tuple[Path, str] | None:
    """(folder with swagger-ui-bundle.js and swagger-ui.css, favicon name) from an installed package."""
    spec = importlib.util.find_spec("fastapi_offline")
    if spec and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations))) / "static"
        if (folder / "swagger-ui-bundle.js").is_file():
            return folder, "favicon.png"
    spec = importlib.util.find_spec("swagger_ui_bundle")
    if spec and spec.submodule_search_locations:
        import swagger_ui_bundle

        return Path(swagger_ui_bundle.swagger_ui_path), "favicon-32x32.png"
    return None


def install_docs(app: FastAPI) -> None:
    from fastapi.openapi.docs import get_swagger_ui_html

    found = swagger_dir()
    if found is None:
        return
    folder, favicon = found
    app.mount("/docs-static", StaticFiles(directory=folder), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> object:
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title="newsdesk API",
                                   swagger_js_url="/docs-static/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-static/swagger-ui.css",
                                   swagger_favicon_url=f"/docs-static/{favicon}")
