"""A real PostgreSQL for the store tests, started by ``scripts/postgres.sh`` (never skipped).

The script starts (or finds running) the project's throw-away cluster; every test session works in its
own fresh databases, dropped at the end. If the server cannot be started the tests fail with the script's
message.
"""
from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator

import pytest

from paths import ROOT

SCRIPT = ROOT / "scripts" / "postgres.sh"


def start_server() -> str:
    """Run the script; return the URL it prints (its last line of output)."""
    try:
        proc = subprocess.run([str(SCRIPT)], capture_output=True, text=True, timeout=900,
                              stdin=subprocess.DEVNULL, cwd=ROOT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.fail(f"scripts/postgres.sh could not run: {exc}", pytrace=False)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines or not lines[-1].startswith("postgresql://"):
        pytest.fail(f"scripts/postgres.sh could not start PostgreSQL (exit {proc.returncode}):\n"
                    f"{proc.stderr.strip()}", pytrace=False)
    return lines[-1]


class Databases:
    """Creates uniquely named databases on the server and drops them all at the end."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.names: list[str] = []

    def _admin(self, statement: str, name: str) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.base_url, autocommit=True) as conn:
            conn.execute(sql.SQL(statement).format(sql.Identifier(name)))

    def create(self) -> str:
        name = f"newsdesk_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        self._admin("CREATE DATABASE {}", name)
        self.names.append(name)
        return self.base_url.rsplit("/", 1)[0] + "/" + name

    def drop_all(self) -> None:
        for name in self.names:
            self._admin("DROP DATABASE IF EXISTS {} WITH (FORCE)", name)
        self.names.clear()


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[Databases]:
    dbs = Databases(start_server())
    yield dbs
    dbs.drop_all()
