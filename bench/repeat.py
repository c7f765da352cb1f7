"""Reuters again, as other years of news: record ``k`` of a repetition is the cached record with a new id,
its dates (strings that are a date or a year) moved ``YEARS * k`` years on, and its letters rotated by ``k`` (texts and titles
only, so every span still points at the same characters), so a repetition is neither a copy of the
corpus (MinHash sees other words) nor in its stories (other dates). Extracted entities, measures and
quote lemmas are kept: the same actors recur, as they do in real coverage. Bench use only."""
from __future__ import annotations

import hashlib
import re
from typing import Any

from newsdesk.records import ArticleRecord, record_from_dict, to_dict

YEARS = 12  # a multiple of four: 29 February stays a day
TEXT_KEYS = {"text", "source_text", "raw", "title", "subtitle"}
_DATE = re.compile(r"(19\d\d|20\d\d)(?=$|-\d)")  # a date or a year, alone (not digits inside a vector's base64)


def _rotate(s: str, k: int) -> str:
    out = []
    for ch in s:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)


def repeat_record(rec: ArticleRecord, k: int) -> ArticleRecord:
    """The ``k``-th repetition of a record (``k`` = 0: the record itself)."""
    if k == 0:
        return rec
    old = rec.id
    new = hashlib.sha1(f"{old}#{k}".encode()).hexdigest()[:len(old)]

    def walk(x: Any, key: str | None = None) -> Any:
        if isinstance(x, dict):
            return {n: walk(v, n) for n, v in x.items()}
        if isinstance(x, list):
            return [walk(v, key) for v in x]
        if isinstance(x, tuple):
            return tuple(walk(v, key) for v in x)
        if isinstance(x, str):
            if key in TEXT_KEYS:
                return _rotate(x, k)
            x = x.replace(old, new)
            m = _DATE.match(x)
            return f"{int(m.group(1)) + YEARS * k}{x[4:]}" if m else x
        return x

    return record_from_dict(walk(to_dict(rec)))
