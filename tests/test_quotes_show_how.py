"""`newsdesk show` prints how each quote's speaker was found and how sure that is."""
from __future__ import annotations

import json

from click.testing import CliRunner

from newsdesk.cli import cli

TEXT = ("Ferry contract signed after long talks\n\n"
        "The regional government signed a contract for three new ferries on Monday after months of talks "
        "with two shipyards about price and delivery dates.\n\n"
        '"These ships will serve the islands for thirty years," said Ingrid Solberg, the transport minister.\n\n'
        '"The first one will sail in the spring of next year."\n\n'
        '"The price was fair," a spokesman for the shipyard said.\n')


def test_quotes_show_prints_speaker_how_and_confidence(models, tmp_path):
    src = tmp_path / "ferry.txt"
    src.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "x.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "ingest", "--workers", "1", str(src)]).exit_code == 0
    listed = runner.invoke(cli, ["--db", db, "articles", "--json"])
    art_id = json.loads(listed.output)[0]["id"]
    out = runner.invoke(cli, ["--db", db, "show", art_id]).output
    assert "Ingrid Solberg (say) [explicit 0.95]" in out
    assert "[continuation 0.80]" in out
    assert "a spokesman for the shipyard (say) [role 0.90]" in out
