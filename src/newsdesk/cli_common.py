"""What the CLI's commands share: consoles, the per-invocation context (settings, lazily opened store), JSON output."""
from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.console import Console

from .config import Settings
from .store import Store

# Piped output keeps whole lines (ids, titles) instead of wrapping to an 80-column guess.
console = Console() if sys.stdout.isatty() else Console(width=240)
err_console = Console(stderr=True, soft_wrap=True)  # an error or rejection stays one line


class Ctx:
    def __init__(self, settings: Settings, actors: tuple[str, ...]) -> None:
        self.settings = settings
        self.actors = actors
        self._store: Store | None = None
        self.may_create = False  # set by the commands that create a missing store file (ingest, serve)

    @property
    def store(self) -> Store:
        if self._store is None:
            from .store_check import check_db, open_db

            check_db(self.settings.db, may_create=self.may_create)
            self._store = open_db(self.settings.db)
        return self._store


pass_ctx = click.make_pass_decorator(Ctx)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
