"""Build clean text from pieces of a source text while keeping the map back to it."""
from __future__ import annotations

import bisect


class TextBuilder:
    """Append copied source ranges and inserted glue; ``offsets`` maps clean -> source."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.offsets: list[tuple[int, int, int]] = []
        self.length = 0

    def copy(self, start: int, end: int) -> None:
        """Append ``source[start:end]`` verbatim."""
        if end <= start:
            return
        if self.offsets:  # extend the previous segment when contiguous
            c, s, n = self.offsets[-1]
            if c + n == self.length and s + n == start:
                self.offsets[-1] = (c, s, n + end - start)
                self.parts.append(self.source[start:end])
                self.length += end - start
                return
        self.offsets.append((self.length, start, end - start))
        self.parts.append(self.source[start:end])
        self.length += end - start

    def insert(self, text: str) -> None:
        """Append glue that is not in the source (a joining space, a paragraph break)."""
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)


def to_source(offsets: list[tuple[int, int, int]], pos: int) -> int | None:
    """Clean-text position -> source-text position (None inside inserted glue)."""
    i = bisect.bisect_right([c for c, _, _ in offsets], pos) - 1
    if i < 0:
        return None
    c, s, n = offsets[i]
    return s + (pos - c) if pos < c + n else None
