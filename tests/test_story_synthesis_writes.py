"""A chunk's summaries are written in one statement (issue 12): what each story gets is what writing them one
by one gives, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from newsdesk.store import open_store
from pg_fixtures import pg_databases  # noqa: F401  (fixture)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_save_summaries_stores_what_save_summary_stores(tmp_path, backend, pg_databases):  # noqa: F811
    db = str(tmp_path / "w.db") if backend == "sqlite" else pg_databases.create()
    store = open_store(db)
    with store.transaction():
        for sid in ("s1", "s2", "s3"):
            store.save_story_rows_for_tests(sid, [], title=sid)
    one = [{"text": "A first sentence.", "article": "a1", "start": 0, "end": 17}]
    two = [{"text": "Another one, quoted “here”.", "article": "a2", "start": 5, "end": 31}, *one]
    with store.transaction():
        store.save_summaries({"s2": two, "s1": one})
        store.save_summaries({})
    got = {sid: store.story_row(sid)["summary"] for sid in ("s1", "s2", "s3")}
    assert got == {"s1": one, "s2": two, "s3": []}  # s3 was not asked: left as it was
    with store.transaction():
        store.save_summary("s3", two)
        store.save_summaries({"s1": two})
    assert store.story_row("s3")["summary"] == store.story_row("s1")["summary"] == two
    assert store.story_row("s2")["updated_at"]
    store.close()
