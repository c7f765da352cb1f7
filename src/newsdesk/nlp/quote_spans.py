"""Find quoted passages in clean text: pair quote marks per paragraph, tolerating scraped-page mistakes.

Double marks (straight, curly, mismatched closers such as “...“) pair first; single marks (‘...’ and
'...') are read only outside double-quoted passages and only where the context rules out an apostrophe.
A double quote still open at the end of its paragraph runs to that end (the news convention for a quote
that continues in the next paragraph). Two apostrophes ('') and two backticks (``) serve as a double
mark in text typed on ASCII keyboards and in some wire archives.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPENERS = "“„«"
DOUBLE_CLOSERS = "”»"
SINGLE_OPENERS = "‘‚"
SINGLE_CLOSERS = "’"
_BEFORE_OPEN = set(" \t\n([{—–-/:;")  # characters after which a mark opens
_AFTER_CLOSE = set(" \t\n.,;:!?)]}—–-…")
_PARA = re.compile(r"\n\s*\n")
MAX_SINGLE_CHARS = 300


@dataclass
class QuoteSpan:
    open_mark: int  # offset of the opening mark
    start: int  # first character of the quoted text
    end: int  # one past its last character
    close_mark: int | None  # offset of the closing mark; None when the quote runs to the paragraph end
    single: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (blank-line separated)."""
    out, pos = [], 0
    for m in _PARA.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _opens(text: str, i: int, lo: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in _BEFORE_OPEN or prev in DOUBLE_OPENERS + SINGLE_OPENERS) and not nxt.isspace()


def _closes(text: str, i: int, hi: int) -> bool:
    prev = text[i - 1]
    nxt = text[i + 1] if i + 1 < hi else " "
    return not prev.isspace() and (nxt in _AFTER_CLOSE or nxt in DOUBLE_CLOSERS + SINGLE_CLOSERS + "\"'")


def _double_spans(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for i in range(lo, hi):
        ch = text[i]
        if ch not in DOUBLE_OPENERS and ch not in DOUBLE_CLOSERS and ch != '"':
            continue
        if open_at is None:
            if ch in DOUBLE_CLOSERS and not _opens(text, i, lo):
                continue  # a stray closer
            if ch == '"' and not _opens(text, i, lo) and _closes(text, i, hi):
                continue
            open_at = i
        else:
            # an opener in closing position is a mismatched closer (“...“); a straight mark closes
            if ch in DOUBLE_OPENERS and _opens(text, i, lo) and not _closes(text, i, hi):
                continue  # nested or repeated opener: keep the first
            spans.append(QuoteSpan(open_at, open_at + 1, i, i))
            open_at = None
    if open_at is not None and open_at + 1 < hi:
        spans.append(QuoteSpan(open_at, open_at + 1, hi, None))
    return spans


def _single_spans(text: str, lo: int, hi: int, blocked: list[QuoteSpan]) -> list[QuoteSpan]:
    def inside(i: int) -> bool:
        return any(s.open_mark <= i < (s.close_mark if s.close_mark is not None else s.end) + 1 for s in blocked)

    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for i in range(lo, hi):
        ch = text[i]
        if ch not in SINGLE_OPENERS and ch not in SINGLE_CLOSERS and ch != "'":
            continue
        if inside(i):
            continue
        nxt = text[i + 1] if i + 1 < hi else " "
        prev = text[i - 1] if i > lo else " "
        if open_at is None or (ch in SINGLE_OPENERS and prev in _BEFORE_OPEN):
            if ch != "’" and _opens(text, i, lo) and nxt.isalpha():
                open_at = i
            continue
        if prev.isalnum() and nxt.isalnum():
            continue  # apostrophe inside a word (Norway’s, don't)
        if _closes(text, i, hi) and i - open_at <= MAX_SINGLE_CHARS:
            if "\n" not in text[open_at:i]:
                spans.append(QuoteSpan(open_at, open_at + 1, i, i, single=True))
            open_at = None
    return spans


_ASCII_DOUBLE = re.compile(r"''|``")


def _ascii_doubles(text: str) -> str:
    """The text with each '' or `` read as one straight double mark, offsets unchanged: the mark sits
    on the character next to the quoted words and the other becomes a space."""
    def one(m: re.Match) -> str:
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if m.group() == "``" or (before in _BEFORE_OPEN and not after.isspace()):
            return ' "'  # opening: the mark touches the first quoted word
        return '" '
    return _ASCII_DOUBLE.sub(one, text) if "''" in text or "``" in text else text


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All quoted passages in reading order, with trimmed text bounds."""
    text = _ascii_doubles(text)
    out: list[QuoteSpan] = []
    for lo, hi in paragraphs(text):
        doubles = _double_spans(text, lo, hi)
        found = doubles + _single_spans(text, lo, hi, doubles)
        for span in found:
            s, e = span.start, span.end
            while s < e and text[s].isspace():
                s += 1
            while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
                e -= 1
            if e > s and any(c.isalnum() for c in text[s:e]):
                span.start, span.end = s, e
                out.append(span)
    return sorted(out, key=lambda q: q.start)
