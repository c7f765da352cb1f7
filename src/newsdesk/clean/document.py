"""Minimal cleaner: paragraphs split on blank lines. Replaced by the boilerplate classifier."""
from __future__ import annotations

import re

from ..config import Settings
from ..records import CleanDoc, Meta, RawDoc
from .offsets import TextBuilder


def clean_document(raw: RawDoc, settings: Settings | None = None) -> CleanDoc:
    source = raw.text
    builder = TextBuilder(source)
    for m in re.finditer(r"\S[^\n]*(?:\n[ \t]*\S[^\n]*)*", source):
        if builder.length:
            builder.insert("\n\n")
        builder.copy(m.start(), m.end())
    meta = Meta(**{k: v for k, v in raw.hints.items() if k in ("title", "outlet", "url", "authors", "published")})
    return CleanDoc(text=builder.text(), source_text=source, offsets=builder.offsets, meta=meta)
