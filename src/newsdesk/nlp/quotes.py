"""[contract stub] extract_quotes(ctx) -> list of items with spans into ctx.doc.text."""
from __future__ import annotations

from .context import Context


def extract_quotes(ctx: Context) -> list:
    return []
