"""The CLI surface stays documented: every command has help text and is shown in the README."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from newsdesk.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_docs_cli_every_command_has_help_and_readme_entry():
    runner = CliRunner()
    assert runner.invoke(cli, ["--help"]).exit_code == 0
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help and len(command.help.strip()) > 20, f"{name} has no real help text"
        assert f"newsdesk {name}" in README, f"README does not show `newsdesk {name}`"


def test_docs_cli_errors_are_one_line_with_exit_code(tmp_path):
    from newsdesk.store import open_store

    open_store(str(tmp_path / "x.db")).close()  # a store that exists (a missing one is exit 4)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "show", "doesnotexist"])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "doesnotexist" in result.output
