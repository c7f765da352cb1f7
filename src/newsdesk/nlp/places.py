"""[contract stub] resolve_places(ctx) -> list of items with spans into ctx.doc.text."""
from __future__ import annotations

from .context import Context


def resolve_places(ctx: Context) -> list:
    return []
