"""[contract stub] link_actors(ctx) -> list of items with spans into ctx.doc.text."""
from __future__ import annotations

from .context import Context


def link_actors(ctx: Context) -> list:
    return []
