"""Deleting an article from a linked store: nothing shows it afterwards (stories, briefs, figures, quote
groups), its copy becomes an original, and the store is fully linked and consistent again."""
from __future__ import annotations

import json

from click.testing import CliRunner

from newsdesk.cli import cli
from newsdesk.corpus.brief import brief_story, render_json
from newsdesk.corpus.link import check
from newsdesk.ingest import ingest_paths
from paths import DEMO


def _mentions(store, article_id: str) -> list[str]:
    """Where a briefing-facing table still names this article."""
    found = []
    for r in store.story_export_rows():
        if article_id in r["articles"] or article_id in json.dumps(r["summary"]):
            found.append(f"story {r['id']}")
        if store.story_row(r["id"]) and article_id in render_json(brief_story(store, r["id"])):
            found.append(f"brief {r['id']}")
    found += [f"discrepancy {r['id']}" for r in store.discrepancy_export_rows()
              if any(c["article"] == article_id for c in r["claims"])]
    found += [f"quote group {r['id']}" for r in store.quote_group_export_rows()
              if any(q.startswith(article_id) for q in r["quotes"])]
    return found


def test_corpus_delete_cascade_leaves_no_trace(store, settings):
    ingest_paths([DEMO], store, settings, [DEMO / "actors.csv"])
    runner = CliRunner()
    every = [r["id"] for r in store.story_list()]
    pages = [json.loads(runner.invoke(cli, ["--db", settings.db, "stories", "--json", "--limit", "2", "--page", str(n)]).output)
             for n in (1, 2, 3, 4)]
    assert [r["id"] for page in pages for r in page] == every and len(pages[0]) == 2  # pages in story_list order
    assert json.loads(runner.invoke(cli, ["--db", settings.db, "relink", "--json"]).output) == {"linked": 0, "pending": 0,
                                                                                         "pending_synthesis": 0}
    copy, original = sorted(store.original_of().items())[0]
    assert _mentions(store, original)  # it is cited before
    disputed = next(c["article"] for r in store.discrepancy_export_rows() for c in r["claims"]
                    if c["article"] not in (copy, original))
    sentence = next(c["text"] for r in store.discrepancy_export_rows() for c in r["claims"]
                    if c["article"] == disputed)

    res = CliRunner().invoke(cli, ["--db", settings.db, "delete", original, "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["copies_relinked"] == [copy]
    assert _mentions(store, original) == []
    assert store.original_of().get(copy) is None  # the copy stands alone now
    assert store.link_state(copy)["story_id"] is not None

    from newsdesk.corpus.delete import delete_article
    delete_article(store, disputed, settings)
    assert _mentions(store, disputed) == []
    shown = json.dumps(list(store.discrepancy_export_rows())) + json.dumps(list(store.story_export_rows()))
    assert sentence not in shown
    report = check(store)
    assert report["ok"], report
    assert CliRunner().invoke(cli, ["--db", settings.db, "delete", original]).exit_code == 2


def test_corpus_reingest_replace_gives_the_same_store(store, settings, tmp_path):
    from newsdesk.export import export_all

    ingest_paths([DEMO], store, settings, [DEMO / "actors.csv"])
    export_all(store, tmp_path / "before")
    ingest_paths([DEMO], store, settings, [DEMO / "actors.csv"], replace=True)
    export_all(store, tmp_path / "after")
    for f in sorted((tmp_path / "before").iterdir()):
        assert f.read_text(encoding="utf-8") == (tmp_path / "after" / f.name).read_text(encoding="utf-8"), f.name
    assert check(store)["ok"]
