"""Article text with extracted spans wrapped in <mark>/<a> elements, built from character offsets.

The text is escaped piece by piece; tags are only ever made here from fixed names, so untrusted
article text can never become markup. Overlapping spans that do not nest are split: the part after
the crossing is reopened as a continuation fragment (class ``cont``), so the HTML stays well formed
and the visible text equals the clean text character for character.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    cls: str  # CSS class(es), fixed names chosen by the caller
    title: str = ""
    href: str | None = None  # becomes an <a> (never nested in another <a>)
    anchor: str | None = None  # id of the first fragment


def _open(m: Mark, first: bool, in_link: bool) -> tuple[str, str]:
    attrs = [f'class="{escape(m.cls)}{"" if first else " cont"}"', f'data-s="{m.start}"', f'data-e="{m.end}"']
    if m.title:
        attrs.append(f'title="{escape(m.title)}"')
    if first and m.anchor:
        attrs.append(f'id="{escape(m.anchor)}"')
    tag = "a" if m.href and not in_link else "mark"
    if tag == "a":
        attrs.append(f'href="{escape(m.href)}"')
    return f"<{tag} {' '.join(attrs)}>", f"</{tag}>"


def render(text: str, marks: list[Mark]) -> Markup:
    """HTML for ``text`` with every valid mark applied; invalid offsets are ignored."""
    n = len(text)
    marks = sorted({m for m in marks if 0 <= m.start < m.end <= n}, key=lambda m: (m.start, -m.end, m.cls))
    bounds = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    out: list[str] = []
    stack: list[tuple[Mark, str]] = []  # open marks with their closing tag
    opened: set[Mark] = set()
    for i, p in enumerate(bounds):
        ending = [k for k, (m, _) in enumerate(stack) if m.end == p]
        reopen: list[Mark] = []
        if ending:
            cut = ending[0]
            for m, close in reversed(stack[cut:]):
                out.append(close)
            reopen = [m for m, _ in stack[cut:] if m.end > p]
            del stack[cut:]
        for m in sorted(reopen + starts.get(p, []), key=lambda m: (-m.end, m.start, m.cls)):
            in_link = any(s.href for s, c in stack if c == "</a>")
            tag_open, close = _open(m, m not in opened, in_link)
            opened.add(m)
            out.append(tag_open)
            stack.append((m, close))
        if i + 1 < len(bounds):
            out.append(str(escape(text[p:bounds[i + 1]])))
    for _, close in reversed(stack):
        out.append(close)
    return Markup("".join(out))
