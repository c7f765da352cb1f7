"""The read cache's shared tier (newsdesk.server.shared_cache): a read one worker made serves the others,
never across a write, never from a directory another user could write, and never for token-locked reads."""
from __future__ import annotations

import os
import tempfile

import pytest
from fastapi.testclient import TestClient

from api_fixtures import app_settings, small_db  # noqa: F401  (fixture)
from newsdesk.server.app import create_app
from newsdesk.server.shared_cache import SharedTier
from newsdesk.store import open_store
from test_server_cache_fresh import LOCAL, cache_of, ids


@pytest.fixture()
def two_workers(small_db, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    settings = app_settings(small_db.db, read_cache_shared=True)
    with TestClient(create_app(settings), client=LOCAL) as a, TestClient(create_app(settings), client=LOCAL) as b:
        yield a, b


def test_server_cache_shared_serves_other_worker_until_a_write(two_workers, small_db):  # noqa: F811
    a, b = two_workers
    first = a.get("/api/articles?limit=200")
    assert first.headers["x-cache"] == "miss"
    other = b.get("/api/articles?limit=200")
    assert other.headers["x-cache"] == "hit" and other.content == first.content
    assert cache_of(b.app).misses == 0
    with open_store(small_db.db) as store:
        store.delete_article(small_db.hostile.id)
    after = b.get("/api/articles?limit=200")
    assert after.headers["x-cache"] == "miss" and small_db.hostile.id not in ids(b)
    assert a.get("/api/articles?limit=200").content == after.content  # a's copy is the new one too


def test_server_cache_shared_files_are_the_current_versions_only(two_workers, tmp_path):
    a, b = two_workers
    a.get("/api/articles")
    a.get("/api/stories")
    dirs = [d for d in tmp_path.iterdir() if d.name.startswith("newsdesk-read-")]
    assert len(dirs) == 1 and oct(dirs[0].stat().st_mode & 0o777) == oct(0o700)
    assert len(list(dirs[0].iterdir())) == 2


def test_server_cache_shared_refuses_a_directory_others_can_write(tmp_path):
    root = tmp_path / "open"
    root.mkdir()
    os.chmod(root, 0o777)
    tier = SharedTier(1_000_000, root=root)
    tier.switch("epoch.1")
    tier.put("epoch.1", "k", ([(b"content-type", b"text/plain")], b"body"))
    assert tier.get("epoch.1", "k") is None and not list(root.iterdir())


def test_server_cache_shared_round_trip_and_cap(tmp_path):
    tier = SharedTier(200, root=tmp_path / "c")
    tier.switch("e.1")
    entry = ([(b"content-type", b"application/json"), (b"etag", b'"x"')], b'{"a": 1}')
    tier.put("e.1", "key", entry)
    assert tier.get("e.1", "key") == entry and tier.get("e.1", "other") is None
    tier.put("e.1", "big", ([], b"x" * 500))  # over the cap: not written
    assert tier.get("e.1", "big") is None
    tier.switch("e.2")  # a write: the old version's files go
    assert tier.get("e.2", "key") is None and not list((tmp_path / "c").iterdir())


def test_server_cache_shared_off_for_locked_reads(small_db, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    settings = app_settings(small_db.db, read_cache_shared=True, token="s3cret", lock_reads=True)
    with TestClient(create_app(settings), client=LOCAL) as c:
        assert cache_of(c.app).shared is None


def test_server_cache_shared_refuses_a_symlink_and_deletes_only_its_own_files(tmp_path):
    target = tmp_path / "someones"
    target.mkdir(mode=0o700)
    (target / "notes.txt").write_text("keep me")
    link = tmp_path / "link"
    link.symlink_to(target)
    tier = SharedTier(1_000_000, root=link)
    tier.switch("e.1")
    assert tier.dir is None and (target / "notes.txt").exists()
    own = SharedTier(1_000_000, root=target)  # a real directory of ours with a stranger file in it
    own.switch("e.1")
    own.put("e.1", "k", ([], b"x"))
    own.switch("e.2")
    assert (target / "notes.txt").read_text() == "keep me" and [p.name for p in target.iterdir()] == ["notes.txt"]
