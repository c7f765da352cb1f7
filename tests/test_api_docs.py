"""The interactive API docs work offline: Swagger UI comes from a package, never from a CDN."""
from __future__ import annotations

from fastapi.testclient import TestClient

from api_fixtures import app_settings, small_db  # noqa: F401  (fixture)
from newsdesk.server.app import create_app


def test_api_docs_served_from_local_files(small_db):
    with TestClient(create_app(app_settings(small_db.db))) as client:
        page = client.get("/docs")
        assert page.status_code == 200
        assert "/docs-static/swagger-ui-bundle.js" in page.text and "/openapi.json" in page.text
        assert "http://" not in page.text.replace("http://www.w3.org", "") and "https://" not in page.text
        assert client.get("/docs-static/swagger-ui-bundle.js").status_code == 200
        spec = client.get("/openapi.json").json()
        assert any(path.startswith("/api/articles") for path in spec["paths"])
