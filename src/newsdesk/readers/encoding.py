"""Bytes -> str with encoding detection; binary input is refused with a reason."""
from __future__ import annotations

import codecs

import charset_normalizer

from ..errors import RejectedInput

# UTF-32 before UTF-16: the UTF-32 little-endian BOM starts with the UTF-16 one.
_BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-32", b"\xff\xfe\x00\x00"), ("utf-32", b"\x00\x00\xfe\xff"),
         ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))


def _wide(data: bytes) -> tuple[str, str] | None:
    """UTF-16/32 without a BOM: the zero bytes of ASCII-range characters fall in fixed columns.
    Each candidate must decode cleanly to text with few control characters."""
    head = data[:8192]
    if len(head) < 8 or b"\x00" not in head:
        return None
    candidates = []
    for name, width in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        if len(data) % width:
            continue
        cols = [head[i::width] for i in range(width)]
        zero = [c.count(0) / max(1, len(c)) for c in cols]
        # the column holding the low byte carries the letters; the other columns are mostly zero
        low = 0 if name.endswith("le") else width - 1
        if zero[low] < 0.2 and all(z >= 0.6 for i, z in enumerate(zero) if i != low):
            candidates.append(name)
    for name in candidates:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\t\n\r\f")
        if controls <= 0.01 * len(text[:4096]):
            return text, name
    return None


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


def _stray_as_cp1252(err: UnicodeDecodeError) -> tuple[str, int]:
    bad = err.object[err.start:err.end]
    return bytes(bad).decode("cp1252", errors="replace"), err.end


codecs.register_error("newsdesk-stray-cp1252", _stray_as_cp1252)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray single-byte characters (a Latin-1 "ü" pasted into a UTF-8 page):
    the many valid multi-byte sequences show the encoding, so the strays are read as cp1252
    instead of the whole page turning into mojibake."""
    strict = data.decode("utf-8", errors="replace")
    bad = strict.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for c in strict if ord(c) > 127 and c != "\ufffd")
    if good < 20 or bad * 4 > good:
        return None
    return data.decode("utf-8", errors="newsdesk-stray-cp1252")


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return ``(text, encoding)``. UTF-8 first (the common case), then detection."""
    for name, bom in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                raise RejectedInput(source, f"invalid {name.upper()} text after its byte-order mark") from None
    wide = _wide(data)
    if wide is not None:
        return wide
    if looks_binary(data):
        raise RejectedInput(source, "binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly, "utf-8"
    western = _western(data)
    if western is not None:
        return western, "cp1252"
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise RejectedInput(source, "unknown text encoding")
    return str(best), best.encoding
