"""Paragraph segmentation: source lines -> units, rejoining lines broken in mid-sentence.

A *unit* is a list of source ranges (stripped lines) that read as one paragraph once joined
with single spaces. Two kinds of breaks are undone:

* hard wraps inside a block (newswire text wrapped at ~65 columns);
* blank-line breaks inside a sentence, as left by pages that put names or links on their
  own lines ("... said" / "Jane Doe," / "a former diplomat ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import date_line
from .lexicon import load_lexicon

_LINE = re.compile(r"[^\n]*")
_TERMINAL = re.compile(r"[.!?…。！？؟।][\"'”’»)\]」』]*$")  # Latin, CJK, Arabic, Devanagari sentence ends
_BULLET = re.compile(r"^(?:[-*•·–—▪►]\s|\d{1,2}[.)]\s)")
_SPACE = " \t\r\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
_BYLINE_START = re.compile(r"^(?:By|BY|Written by|Words by|Story by|Text by)\s+[A-Z][\w'’.-]+")
_PAGE_NUMBER = re.compile(r"^(?:(?:page|p\.)\s*)?\d{1,4}$|^[-–—]\s*\d{1,4}\s*[-–—]$", re.IGNORECASE)
_PAGE_OF = re.compile(r"^page\s+\d{1,4}\s+(?:of|/)\s+\d{1,4}$", re.IGNORECASE)
_LINKISH = re.compile(r"(?:https?://|www\.|[\w.+-]+@[\w-]+\.)", re.IGNORECASE)
WRAP_MAX = 100  # a block whose lines are all this short may be a hard-wrapped paragraph
LONG_WORDS = 70  # a unit longer than this (a whole article on one line) is cut into paragraphs ...
CHUNK_WORDS = 45  # ... of at least this many words, at sentence ends
TAIL_WORDS = 8  # a shorter unfinished piece after its last sentence is a sign-off or credit of its own
# A sentence end: terminal punctuation (and closing quotes), space, then a capital or digit.
_SENT_END = re.compile(r"[.!?…][\"'”’)\]]*(\s+)(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREV = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|(?:[A-Za-z]\.)+[A-Za-z])\.$")  # "Mr.", "Co.", "U.S."


@dataclass
class Unit:
    """One paragraph candidate: source ranges joined by single spaces."""

    ranges: list[tuple[int, int]]
    text: str
    gap: int = 0  # blank lines before it
    reason: str | None = None  # set when classified as not body
    info: dict = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.ranges[0][0]

    @property
    def end(self) -> int:
        return self.ranges[-1][1]

    @property
    def words(self) -> list[str]:
        return self.text.split()


def ends_sentence(text: str) -> bool:
    """True when the text ends like a sentence (optionally with closing quotes/brackets)."""
    return bool(_TERMINAL.search(text.rstrip(_SPACE)))


def starts_lower(text: str) -> bool:
    """Starts with a lower-case word (a URL or e-mail address does not count)."""
    head = text.lstrip("\"'“‘(«[ ")
    return head[:1].islower() and not _LINKISH.match(head)


def _stripped_lines(source: str) -> list[tuple[int, int] | None]:
    """Each line as its stripped (start, end) range, or None for a blank line."""
    out: list[tuple[int, int] | None] = []
    pos = 0
    for line in source.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        while s < e and (source[s] in _SPACE):
            s += 1
        while e > s and (source[e - 1] in _SPACE):
            e -= 1
        out.append((s, e) if e > s else None)
    return out


def _ends_connector(text: str) -> bool:
    words = text.split()
    if not words:
        return False
    last = words[-1]
    return last.endswith((",", ";", "—", "–")) or last in load_lexicon().connectors


def _is_fragment(text: str) -> bool:
    """A short name-like piece: a few words, mostly capitalised (a person, a title)."""
    words = text.rstrip(",.;").split()
    if not 1 <= len(words) <= 6:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= max(1, len(words) - 1)


def _wrap_profile(lens: list[int], max_len: int) -> bool:
    """Hard-wrapped text fills most lines close to the wrap width; a page header or menu copied
    as text (title, byline, date, section names on their own lines) does not, even when one of
    its lines happens to be long. The first line (wire copy cut after its dateline) and the
    last (a paragraph's end) may be short; a block of a few lines is too small to judge."""
    middle = lens[1:-1]
    if len(middle) < 3:
        return True
    return sum(1 for n in middle if n >= 0.6 * max_len) >= 0.5 * len(middle)


def _header_line(text: str) -> bool:
    """A byline or a bare date line: page furniture that starts its own line, never the
    continuation of the line above (a headline followed by "By A and B" or "March 5, 2024")."""
    if len(text) > 90 or ends_sentence(text):
        return False
    return bool(_BYLINE_START.match(text)) or date_line(text) is not None


def _join_in_block(prev: str, nxt: str, wrapped: bool, prev_len: int, max_len: int, last: bool,
                   first: bool) -> bool:
    if _BULLET.match(nxt) or _header_line(nxt):
        return False
    if starts_lower(nxt):
        return True
    if not ends_sentence(prev) and prev.rstrip().endswith((",", ";")):
        return True
    if not wrapped:
        return False
    if not ends_sentence(prev):
        if not last and not ends_sentence(nxt) and len(nxt) < 0.5 * max_len and _is_fragment(nxt) \
                and not _ends_connector(prev):
            return False  # a short name-like line inside the block is a header stack (title, name, role)
        # wire copy often starts a paragraph with a short line (the dateline was cut off)
        return prev_len >= 30 or (first and len(nxt) >= 0.8 * max_len) or _ends_connector(prev)
    if last and len(nxt) < 25:
        return False  # a short last line after a full stop is a sign-off or a new item, not a wrap
    return prev_len >= 0.8 * max_len and max_len >= 50


def _join_across(a: str, b: str, c: str | None) -> bool:
    """Should paragraph ``b`` continue paragraph ``a`` (``c`` follows ``b``)?"""
    if ends_sentence(a) or _BULLET.match(b):
        return False
    if starts_lower(b):
        return True
    if not _is_fragment(b):
        return False
    if b.rstrip().endswith(","):
        return True
    if c is not None and starts_lower(c) and not ends_sentence(b):
        return True
    return _ends_connector(a) and ends_sentence(b)


def _page_furniture(source: str, lines: list[tuple[int, int] | None]) -> set[int]:
    """Lines that belong to the printed page, not the article, in text converted from a paged
    document (form feeds mark the page breaks): page numbers, the running header that opens
    each page and its copies elsewhere. "Page 3 of 7" lines count anywhere."""
    texts = [source[r[0]:r[1]] if r else "" for r in lines]
    marked = {i for i, t in enumerate(texts) if _PAGE_OF.match(t)}
    if "\f" not in source:
        return marked
    starts, pos = [], 0
    for line in source.split("\n"):
        starts.append(line.lstrip(" \t").startswith("\f"))
        pos += len(line) + 1
    heads = set()
    for i, t in enumerate(texts):
        if not t:
            continue
        if _PAGE_NUMBER.match(t):
            marked.add(i)
        elif starts[i] and len(t.split()) <= 12 and not ends_sentence(t):
            marked.add(i)
            heads.add(_squash(t))
    for i, t in enumerate(texts):
        key = _squash(t)
        if t and len(t.split()) >= 2 and any(h == key or h.startswith(key + " ") for h in heads):
            marked.add(i)
    return marked


def _squash(text: str) -> str:
    return re.sub(r"\d+", "0", " ".join(text.split()).lower())


def build_units(source: str, rewrap: bool = True) -> list[Unit]:
    """Split ``source`` into paragraph units. ``rewrap=False`` keeps every line a paragraph
    (extractor output where one line is one paragraph). Printed-page furniture lines become
    units of their own, flagged ``info["furniture"]``, and a paragraph broken by a page break
    is rejoined across them."""
    lines = _stripped_lines(source)
    furniture = _page_furniture(source, lines) if rewrap else set()
    blocks: list[tuple[int, list[tuple[int, int]], bool]] = []  # (blank lines before, line ranges, furniture)
    gap, current = 0, []
    for i, rng in enumerate(lines):
        if rng is None or i in furniture:
            if current:
                blocks.append((gap, current, False))
                gap, current = 0, []
            if rng is None:
                gap += 1
            else:
                blocks.append((gap, [rng], True))
                gap = 0
        else:
            current.append(rng)
    if current:
        blocks.append((gap, current, False))

    units: list[Unit] = []
    for gap, block, is_furniture in blocks:
        if is_furniture:
            units.append(_unit(source, block, gap))
            units[-1].info["furniture"] = True
            continue
        lens = [e - s for s, e in block]
        max_len = max(lens)
        wrapped = rewrap and len(block) > 1 and 50 <= max_len <= WRAP_MAX and _wrap_profile(lens, max_len)
        group = [block[0]]
        first = True
        for i in range(1, len(block)):
            prev, nxt = block[i - 1], block[i]
            ptxt, ntxt = source[prev[0]:prev[1]], source[nxt[0]:nxt[1]]
            if rewrap and _join_in_block(ptxt, ntxt, wrapped, lens[i - 1], max_len, i == len(block) - 1,
                                         i == 1 and len(block) >= 3):
                group.append(nxt)
            else:
                units.append(_unit(source, group, gap if first else 0))
                first = False
                group = [nxt]
        units.append(_unit(source, group, gap if first else 0))

    if not rewrap:
        return split_long(source, units)
    merged: list[Unit] = []
    for i, u in enumerate(units):
        nxt = units[i + 1].text if i + 1 < len(units) else None
        k = len(merged) - 1
        while k >= 0 and merged[k].info.get("furniture") and not u.info.get("furniture"):
            k -= 1
        if k >= 0 and u.info.get("furniture") is None and (
                k == len(merged) - 1 and 0 < u.gap <= 2 and _join_across(merged[k].text, u.text, nxt)
                or k < len(merged) - 1 and not ends_sentence(merged[k].text)
                and (starts_lower(u.text) or _ends_connector(merged[k].text))):
            last = merged[k]
            last.ranges.extend(u.ranges)
            last.text = f"{last.text} {u.text}"
        else:
            merged.append(u)
    return split_long(source, merged)


def _sentence_pieces(source: str, start: int, end: int) -> list[tuple[int, int]]:
    """source[start:end] cut after each sentence end (the spaces between belong to no piece)."""
    pieces, pos = [], start
    for m in _SENT_END.finditer(source, start, end):
        if _ABBREV.search(source[max(start, m.start() - 12):m.start() + 1]):
            continue  # "Mr. Smith", "U.S. Treasury": not a sentence end
        pieces.append((pos, m.start(1)))
        pos = m.end(1)
    pieces.append((pos, end))
    return [(a, b) for a, b in pieces if b > a]


def split_long(source: str, units: list[Unit]) -> list[Unit]:
    """Cut units of more than LONG_WORDS words into paragraphs of CHUNK_WORDS+ words at sentence
    ends. Articles delivered as one line (feeds, JSON exports) then get paragraph-sized units
    that the classifier can judge one by one, instead of one giant unit judged as a whole.
    The new units are still source ranges, so offsets stay exact."""
    out: list[Unit] = []
    for u in units:
        if len(u.words) <= LONG_WORDS or u.info.get("furniture"):
            out.append(u)
            continue
        pieces = [(ri, a, b) for ri, (s, e) in enumerate(u.ranges) for a, b in _sentence_pieces(source, s, e)]
        counts = [len(source[a:b].split()) for _, a, b in pieces]
        tail = None
        if len(pieces) > 1 and counts[-1] <= TAIL_WORDS and not ends_sentence(source[pieces[-1][1]:pieces[-1][2]]):
            tail = pieces.pop()  # "... said. REUTER", "... 2025. (Editing by X)"
            counts.pop()
        chunks: list[list[tuple[int, int, int]]] = [[]]
        words = 0
        for k, piece in enumerate(pieces):
            chunks[-1].append(piece)
            words += counts[k]
            if words >= CHUNK_WORDS and sum(counts[k + 1:]) >= CHUNK_WORDS // 2:
                chunks.append([])
                words = 0
        if tail is not None:
            chunks.append([tail])
        if len(chunks) == 1:
            out.append(u)
            continue
        for n, chunk in enumerate(c for c in chunks if c):
            ranges: list[tuple[int, int]] = []
            last_ri = None
            for ri, a, b in chunk:
                if ranges and ri == last_ri:
                    ranges[-1] = (ranges[-1][0], b)  # pieces of one line stay one range
                else:
                    ranges.append((a, b))
                last_ri = ri
            piece = _unit(source, ranges, u.gap if n == 0 else 0)
            piece.info["split"] = True
            out.append(piece)
    return out


def _unit(source: str, ranges: list[tuple[int, int]], gap: int) -> Unit:
    return Unit(ranges=list(ranges), text=" ".join(source[s:e] for s, e in ranges), gap=gap)
