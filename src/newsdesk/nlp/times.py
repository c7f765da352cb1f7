"""[contract stub] extract_times(ctx) -> list of items with spans into ctx.doc.text."""
from __future__ import annotations

from .context import Context


def extract_times(ctx: Context) -> list:
    return []
