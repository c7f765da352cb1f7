"""Bytes -> str with encoding detection; binary input is refused with a reason."""
from __future__ import annotations

import charset_normalizer

from ..errors import RejectedInput

_BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control characters in the first 8 KiB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return ``(text, encoding)``. UTF-8 first (the common case), then detection."""
    for name, bom in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    if looks_binary(data):
        raise RejectedInput(source, "binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise RejectedInput(source, "unknown text encoding")
    return str(best), best.encoding
