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


# Letters and punctuation of Western European text: if a cp1252 reading of the bytes uses only
# these, it is taken over a detector's guess (detectors misread short Latin-1 pages as cp1250,
# cp775 or UTF-16).
_WESTERN = set("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœšžÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸŒŠŽ"
               "“”‘’–—…€£¥©®°·«»¡¿§¶×÷ºª±²³½¼¾\u00a0\u00ad•™")


def _western(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    odd = [c for c in text if ord(c) > 127 and c not in _WESTERN]
    return text if not odd else None


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
    western = _western(data)
    if western is not None:
        return western, "cp1252"
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise RejectedInput(source, "unknown text encoding")
    return str(best), best.encoding
