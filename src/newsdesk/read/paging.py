"""Stable keyset cursors: an opaque token for (sort value, id) of the last row of a page."""
from __future__ import annotations

import base64
import json
from typing import Any

from .params import InvalidArgument

MAX_LIMIT = 200
DEFAULT_LIMIT = 50


def encode_cursor(cursor: tuple[str, str] | None) -> str | None:
    if cursor is None:
        return None
    raw = json.dumps(list(cursor), ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str | None) -> tuple[str, str] | None:
    """The (sort value, id) pair, or InvalidArgument for a token this server did not make."""
    if not token:
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (ValueError, UnicodeDecodeError):
        raise InvalidArgument("invalid cursor", "bad_cursor") from None
    if not (isinstance(data, list) and len(data) == 2 and all(isinstance(x, str) for x in data)):
        raise InvalidArgument("invalid cursor", "bad_cursor")
    return data[0], data[1]


def check_limit(limit: int | None, default: int = DEFAULT_LIMIT, most: int = MAX_LIMIT) -> int:
    if limit is None:
        return default
    if not 1 <= limit <= most:
        raise InvalidArgument(f"limit must be between 1 and {most}")
    return limit


def page_body(items: list[Any], cursor: tuple[str, str] | None, **extra: Any) -> dict[str, Any]:
    return {"items": items, "next": encode_cursor(cursor), **extra}
