"""JSON inputs: JSON Lines (one article per line) or a .json file holding one article or a list of them.

Each article is an object with ``text`` or ``html`` and optional metadata hints.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import RejectedInput
from ..records import RawDoc

if TYPE_CHECKING:
    from ..config import Settings
    from . import Rejection

HINT_FIELDS = ("url", "title", "published", "outlet", "authors", "dateline", "subtitle")


def loads(text: str, source: str) -> object:
    """``json.loads`` whose every failure is a RejectedInput with a one-line reason."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}" if exc.lineno > 1 else f"column {exc.colno}"
        raise RejectedInput(source, f"invalid JSON ({exc.msg} at {where})") from None
    except RecursionError:
        raise RejectedInput(source, "invalid JSON (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise RejectedInput(source, f"invalid JSON ({' '.join(str(exc).split())[:150]})") from None


def parse_line(line: str, source: str, max_chars: int) -> RawDoc:
    return parse_object(loads(line, source), source, max_chars)


def parse_object(obj: object, source: str, max_chars: int) -> RawDoc:
    """One decoded JSON article -> RawDoc, or RejectedInput with the reason."""
    if not isinstance(obj, dict):
        raise RejectedInput(source, "a JSON object per article is expected")
    body, kind = obj.get("text"), "text"
    if not (isinstance(body, str) and body.strip()):
        body, kind = obj.get("html"), "html"
    if not (isinstance(body, str) and body.strip()):
        raise RejectedInput(source, "no 'text' or 'html' field")
    if len(body) > max_chars:
        raise RejectedInput(source, f"over the size cap ({len(body):,} characters)")
    hints = {k: obj[k] for k in HINT_FIELDS if obj.get(k) not in (None, "", [])}
    if isinstance(hints.get("authors"), str):
        hints["authors"] = [hints["authors"]]
    hints = {k: v for k, v in hints.items() if isinstance(v, (str, list))}
    # a list hint (authors) keeps its strings only: nested values would reach the store's JSON encoder
    hints = {k: [x for x in v if isinstance(x, str)] if isinstance(v, list) else v for k, v in hints.items()}
    src = obj.get("source") if isinstance(obj.get("source"), str) else source
    return RawDoc(source=src, text=body, kind=kind, hints=hints)


def read_jsonl(path: Path, settings: Settings) -> Iterator[RawDoc | Rejection]:
    from . import Rejection
    from .encoding import decode

    lines = 0
    with path.open("rb") as fh:
        for n, data in enumerate(fh, start=1):
            source = f"{path}#L{n}"
            if not data.strip():
                continue
            lines += 1
            try:
                if len(data) > settings.max_input_bytes:
                    raise RejectedInput(source, f"over the size cap ({len(data):,} bytes)")
                line, _ = decode(data, source)
                yield parse_line(line, source, settings.max_input_bytes)
            except RejectedInput as exc:
                yield Rejection(exc.source, exc.reason)
    if not lines:
        yield Rejection(str(path), "no JSON lines (the file holds only whitespace)")


def read_json(path: Path, data: bytes, settings: Settings) -> Iterator[RawDoc | Rejection]:
    """A .json file: one article object, or a list of them (``path#<n>`` names each)."""
    from . import Rejection
    from .encoding import decode

    try:
        text, _ = decode(data, str(path))
        if not text.strip():
            raise RejectedInput(str(path), "empty file (whitespace only)")
        obj = loads(text, str(path))
    except RejectedInput as exc:
        yield Rejection(exc.source, exc.reason)
        return
    items = obj if isinstance(obj, list) else [obj]
    for n, item in enumerate(items, start=1):
        source = f"{path}#{n}" if isinstance(obj, list) else str(path)
        try:
            yield parse_object(item, source, settings.max_input_bytes)
        except RejectedInput as exc:
            yield Rejection(exc.source, exc.reason)
