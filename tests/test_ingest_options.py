"""`ingest --min-words` stores short items; `--db` must name a store (or a file ingest may create)."""
from __future__ import annotations

import json

from click.testing import CliRunner

from newsdesk.cli import cli

SNIPPET = "Riot police fired tear gas at thousands of farmers protesting outside parliament in Nairobi on Tuesday.\n"
HEADLINE = "China and Russia sign new gas supply deal\n"


def test_ingest_min_words_stores_short_items(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "snippet.txt").write_text(SNIPPET, encoding="utf-8")
    (tmp_path / "in" / "headline.txt").write_text(HEADLINE, encoding="utf-8")
    db = str(tmp_path / "s.db")
    res = CliRunner().invoke(cli, ["--db", db, "ingest", "--json", str(tmp_path / "in")])
    assert res.exit_code == 1  # default: not articles
    assert all(r["reason"].startswith("not an article") for r in json.loads(res.stdout)["rejected"])
    res = CliRunner().invoke(cli, ["--db", db, "ingest", "--json", "--min-words", "1", str(tmp_path / "in")])
    assert res.exit_code == 0, res.output
    rows = json.loads(CliRunner().invoke(cli, ["--db", db, "articles", "--json"]).stdout)
    texts = [json.loads(CliRunner().invoke(cli, ["--db", db, "show", r["id"], "--json"]).stdout)["clean"]["text"]
             for r in rows]
    assert sorted(texts) == sorted([HEADLINE.strip(), SNIPPET.strip()])


def test_ingest_min_words_setting_from_environment(tmp_path, monkeypatch):
    from newsdesk.config import load_settings

    monkeypatch.setenv("NEWSDESK_MIN_WORDS", "5")
    assert load_settings().min_article_words == 5
    assert load_settings(min_article_words=2).min_article_words == 2


def test_db_missing_is_an_error_unless_ingest_creates_it(tmp_path):
    missing = tmp_path / "none.db"
    res = CliRunner().invoke(cli, ["--db", str(missing), "articles"])
    assert res.exit_code == 4 and not missing.exists()
    assert res.output.strip().count("\n") == 0 and "no store at" in res.output
    res = CliRunner().invoke(cli, ["--db", str(tmp_path / "no" / "dir" / "x.db"), "ingest", str(tmp_path)])
    assert res.exit_code == 4 and not (tmp_path / "no").exists()
    assert "does not exist" in res.output and res.output.strip().count("\n") == 0
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "s.txt").write_text(SNIPPET, encoding="utf-8")
    res = CliRunner().invoke(cli, ["--db", str(missing), "ingest", "--min-words", "1", str(tmp_path / "in")])
    assert res.exit_code == 0 and missing.exists()
    assert CliRunner().invoke(cli, ["--db", str(missing), "articles"]).exit_code == 0


def test_db_not_a_database_is_one_line_exit_4(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database\n", encoding="utf-8")
    for args in (["articles"], ["ingest", str(tmp_path)]):
        res = CliRunner().invoke(cli, ["--db", str(bad), *args])
        assert res.exit_code == 4, res.output
        assert res.output.strip().count("\n") == 0 and "not a newsdesk store" in res.output
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    res = CliRunner().invoke(cli, ["--db", str(damaged), "articles"])
    assert res.exit_code == 4 and res.output.strip().count("\n") == 0
    assert bad.read_text(encoding="utf-8").startswith("these are my notes")  # untouched


def test_ingest_crash_is_exit_4_one_line(tmp_path, monkeypatch):
    import newsdesk.ingest as ingest_mod

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr(ingest_mod, "ingest_paths", boom)
    (tmp_path / "in").mkdir()
    res = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "ingest", str(tmp_path / "in")])
    assert res.exit_code == 4
    assert res.output.strip().count("\n") == 0 and "ingest failed: RuntimeError: disk on fire second line" in res.output
