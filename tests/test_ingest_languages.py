"""Articles in any language are stored (metadata, language, clean text, search, copies); the stages
that need English are marked "not available for <language>"; --english-only restores rejection."""
from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from newsdesk.cli import cli
from newsdesk.language import count_words, not_available

from paths import FIXTURES

LANG = FIXTURES / "languages"
EXPECTED = {"russian.txt": ("ru", "Russian", "мост"), "portuguese.txt": ("pt", "Portuguese", "pescadores"),
            "chinese.txt": ("zh", "Chinese", None)}


def _ingest(tmp_path, *extra):
    db = str(tmp_path / "lang.db")
    res = CliRunner().invoke(cli, ["--db", db, "ingest", "--json", *extra, str(LANG)])
    return db, res


def test_ingest_languages_stored_and_marked(tmp_path):
    db, res = _ingest(tmp_path)
    assert res.exit_code == 0, res.output
    assert len(json.loads(res.stdout)["added"]) == 3
    rows = json.loads(CliRunner().invoke(cli, ["--db", db, "articles", "--json"]).stdout)
    for name, (code, language, word) in EXPECTED.items():
        (row,) = [r for r in rows if r["id"] in {r2["id"] for r2 in rows}
                  and json.loads(CliRunner().invoke(cli, ["--db", db, "show", r["id"], "--json"]).stdout)
                  ["source"].endswith(name)]
        rec = json.loads(CliRunner().invoke(cli, ["--db", db, "show", row["id"], "--json"]).stdout)
        assert rec["clean"]["meta"]["language"] == code
        assert row["title"] and len(rec["clean"]["text"]) > 150
        missing = not_available(rec["warnings"])
        assert set(missing) == {"actors", "times", "places", "amounts", "quotes", "events"}
        assert missing["quotes"] == f"not available for {language}"
        assert rec["quotes"] == [] and rec["events"] == []
        shown = CliRunner().invoke(cli, ["--db", db, "show", row["id"]]).stdout
        assert f"quotes (not available for {language})" in shown
        if word:
            found = json.loads(CliRunner().invoke(cli, ["--db", db, "articles", "--search", word, "--json"]).stdout)
            assert [r["id"] for r in found] == [row["id"]]


def test_ingest_languages_english_only_rejects(tmp_path):
    db, res = _ingest(tmp_path, "--english-only")
    assert res.exit_code == 1
    reasons = sorted(r["reason"] for r in json.loads(res.stdout)["rejected"])
    assert reasons == ["not English (language detected: pt)", "not English (language detected: ru)",
                       "not English (language detected: zh)"]


def test_ingest_languages_copy_is_linked(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(LANG / "portuguese.txt", inbox / "a.txt")
    text = (LANG / "portuguese.txt").read_text(encoding="utf-8")
    (inbox / "b.txt").write_text(text.replace("terça-feira", "quarta-feira") + "\nFonte: agência local.\n",
                                 encoding="utf-8")
    db = str(tmp_path / "copy.db")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(inbox)]).exit_code == 0
    rows = json.loads(CliRunner().invoke(cli, ["--db", db, "articles", "--json"]).stdout)
    assert len(rows) == 2 and sum(1 for r in rows if r["duplicate_of"]) == 1


def test_ingest_languages_word_count_for_unspaced_scripts():
    assert count_words("one two three") == 3
    assert count_words("图书馆已经正式开放") == 6  # 9 characters at about 1.5 per word
