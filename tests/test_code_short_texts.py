"""`newsdesk code`, newsdesk.code() and POST /api/code: code any text without storing it or checking that
it is an article (texts written for this test)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import newsdesk
from newsdesk.api.app import create_app
from newsdesk.cli import cli
from newsdesk.config import load_settings
from newsdesk.store import open_store

SENTENCE = "Russia and China held joint naval drills in the Sea of Japan on Tuesday, the defence ministry said."


def test_code_library_one_sentence(models, tmp_path):
    db = tmp_path / "never.db"
    evs = newsdesk.code(SENTENCE, load_settings(db=str(db)), published="2024-05-16")
    assert [e.type for e in evs] == ["COOPERATE"]
    e = evs[0]
    assert {e.actor.country, e.target.country} == {"RUS", "CHN"}
    assert (e.date, e.date_from, e.factuality, e.status) == ("2024-05-14", "own", "reported", "happened")
    assert "joint naval drills" in e.title and SENTENCE[e.evidence[0].start:e.evidence[0].end] == e.evidence[0].text
    assert not db.exists()  # nothing stored


def test_code_cli_text_stdin_file_and_json(models, tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "cli.db")
    res = runner.invoke(cli, ["--db", db, "code", SENTENCE, "--date", "2024-05-16"])
    assert res.exit_code == 0, res.output
    assert "COOPERATE" in res.output and "2024-05-14 (own)" in res.output and "reported" in res.output
    res = runner.invoke(cli, ["--db", db, "code", "-", "--json", "--date", "2024-05-16"], input=SENTENCE)
    assert res.exit_code == 0
    data = json.loads(res.output)
    assert data["events"][0]["actor"]["country"] in {"RUS", "CHN"} and data["events"][0]["evidence"]["text"]
    f = tmp_path / "s.txt"
    f.write_text(SENTENCE, encoding="utf-8")
    res = runner.invoke(cli, ["--db", db, "code", "--file", str(f), "--json"])
    assert res.exit_code == 0 and json.loads(res.output)["events"]
    store = open_store(db)
    assert list(store.list_articles()) == []  # nothing was stored
    store.close()


@pytest.mark.parametrize("args, code", [(["code"], 2), (["code", "--file", "/no/such/file"], 2),
                                        (["code", "   "], 3), (["code", "x", "--date", "2024-02-30"], 3)])
def test_code_cli_bad_input_exit_codes(tmp_path, args, code):
    res = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db")] + args)
    assert res.exit_code == code, res.output


def test_code_api_post(models, tmp_path):
    settings = load_settings(db=str(tmp_path / "api.db"), workers=1, max_text_chars=500, allowed_hosts=("testserver",))
    with TestClient(create_app(settings), client=("127.0.0.1", 40000), raise_server_exceptions=False) as c:
        r = c.post("/api/code", json={"text": SENTENCE, "published": "2024-05-16"})
        assert r.status_code == 200, r.text
        ev = r.json()["events"][0]
        assert ev["type"] == "COOPERATE" and ev["date"] == "2024-05-14" and ev["title"] and ev["evidence"]["text"]
        for body in ({"text": ""}, {"text": "   "}, {}, {"text": 5}, {"text": "x" * 501},
                     {"text": SENTENCE, "published": "Tuesday"}):
            r = c.post("/api/code", json=body)
            assert r.status_code == 422, (body, r.text)
            assert set(r.json()) == {"error"}
