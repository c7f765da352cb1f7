"""[contract stub] extract_amounts(ctx) -> list of items with spans into ctx.doc.text."""
from __future__ import annotations

from .context import Context


def extract_amounts(ctx: Context) -> list:
    return []
