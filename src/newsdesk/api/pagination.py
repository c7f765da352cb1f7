"""Keyset cursors: see newsdesk.read.paging (one implementation for the CLI, the API and the pages)."""
from __future__ import annotations

from ..read.paging import DEFAULT_LIMIT, MAX_LIMIT, decode_cursor, encode_cursor, page_body

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "decode_cursor", "encode_cursor", "page_body"]
