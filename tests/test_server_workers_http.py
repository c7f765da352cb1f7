"""`newsdesk serve --workers N`: several uvicorn worker processes serve the same store, keep the same
guards, and all stop on SIGTERM."""
from __future__ import annotations

import httpx

from api_fixtures import small_db  # noqa: F401  (fixture)
from server_fixtures import serve


def test_server_workers_serve_and_stop(small_db, tmp_path):  # noqa: F811
    srv = serve(small_db.db, "--workers", "2", log=tmp_path / "server.log")
    try:
        ids = {a["id"] for a in httpx.get(f"{srv.url}/api/articles?limit=200", timeout=30).json()["items"]}
        assert small_db.hostile.id in ids
        for _ in range(6):  # whichever worker answers
            assert httpx.get(f"{srv.url}/api/stories", headers={"Host": "attacker.example"},
                             timeout=30).status_code == 400
    finally:
        took = srv.stop()
    assert took < 30, f"took {took:.1f} s"
    log = (tmp_path / "server.log").read_text()
    assert log.count("Finished server process") >= 2 and "Stopping parent process" in log
