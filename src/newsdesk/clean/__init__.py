"""Cleaning: raw input -> CleanDoc (body text, dropped boilerplate, captions, metadata)."""
from __future__ import annotations

from .document import clean_document

__all__ = ["clean_document"]
