"""[contract stub] code_events(ctx) -> list[Event]."""
from __future__ import annotations

from ..nlp.context import Context
from ..records import Event


def code_events(ctx: Context) -> list[Event]:
    return []
