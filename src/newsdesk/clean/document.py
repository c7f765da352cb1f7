"""Orchestration: RawDoc -> CleanDoc (body text, captions, dropped passages, metadata).

Pure and fast: no I/O. Steps: (HTML: trafilatura) -> paragraph units with broken lines
rejoined -> per-unit classification -> repetition -> body zone from the sentence-shaped
paragraphs -> headings/header/footer zones -> metadata -> clean text built from source ranges.
"""
from __future__ import annotations

import re

import py3langid

from ..config import Settings
from ..language import count_words
from ..records import CleanDoc, Dropped, RawDoc
from .boilerplate import (classify, has_dateline, is_heading, is_sentence, is_signature, is_strong, is_table_row,
                          mark_contact_blocks, mark_continuations, mark_link_blocks,
                          mark_repeats)
from .html import extract_html
from .html_page import is_link_line, norm
from .lexicon import load_lexicon
from .lines import Unit, build_units, ends_sentence
from .metadata import build_meta
from .offsets import TextBuilder

# Reasons that rest only on a unit's position or shape (where the body zone seems to start and end,
# headings). On HTML, trafilatura has already chosen the main content from the page's
# structure, which is better evidence, so these are not applied there; reasons read from the
# unit's own words (UI vocabulary, copyright, credits, bylines, repeats...) still are.
POSITIONAL_REASONS = ("header-zone", "footer-zone", "heading", "no-sentence")
# Menu words glued together ("HomeWorldSport") are a sign of text scraped without its markup;
# trafilatura keeps element boundaries, so on HTML the glue is in the words themselves (names, code).
HTML_NOT_APPLIED = POSITIONAL_REASONS + ("navigation",)

_ODD_SPACE = re.compile(r"[^\S\n]{2,}|[^\S \n]")  # any whitespace run other than one plain space


def _unfinished_prose(text: str) -> bool:
    """A long passage cut off after a word that cannot end a sentence ("... a study group said").
    Headline present tense ("..., minister says") does not count: standfirsts end that way."""
    words = text.split()
    last = words[-1].lower() if words else ""
    return len(words) >= 15 and last in load_lexicon().connectors and last not in ("says", "say")


def _score(u: Unit) -> float:
    """How much a unit argues for being inside the article body (negative: against)."""
    n = len(u.text.split())
    if u.reason in ("caption", "link-label", "related-link", "link-line"):
        return -2.0  # pictures and "Related article" boxes sit inside articles: they do not end the body
    if u.reason == "page-furniture":
        return 0.0  # a page break falls anywhere, body included
    if u.reason is not None:
        return -(8.0 + 0.5 * min(n, 40))
    if is_strong(u):
        return float(n)
    if is_sentence(u):
        return 0.8 * n
    if ends_sentence(u.text) and n >= 6 or _unfinished_prose(u.text):
        return 0.5 * n  # prose dense with names has few stop words but is still prose
    return 1.0 if is_table_row(u.text) else -3.0


def _zones(units: list[Unit]) -> tuple[int, int]:
    """[start, end) of the body zone: the run of units with the highest total score (the
    main text block), extended back over a dateline paragraph."""
    if not any(u.reason is None and is_strong(u) for u in units):
        return 0, len(units)
    best, best_span, total, start = float("-inf"), (0, len(units)), 0.0, 0
    for i, u in enumerate(units):
        if total <= 0:
            total, start = 0.0, i
        total += _score(u)
        if total > best:
            best, best_span = total, (start, i + 1)
    start, end = best_span
    while end < len(units) and units[end].reason is None and is_signature(units, end):
        end += 1  # the signature of the quote that ends the body, not a footer
    while start > 0 and units[start - 1].reason is None and has_dateline(units[start - 1].text):
        start -= 1
    while start < end and units[start].reason is None and not is_sentence(units[start]) \
            and not has_dateline(units[start].text) and not is_table_row(units[start].text) \
            and not _unfinished_prose(units[start].text):
        start += 1  # a title-like line that happened to score positive belongs to the header
    return start, end


def _label_zones(units: list[Unit]) -> tuple[list[Unit], list[Unit]]:
    start, end = _zones(units)
    has_strong = any(u.reason is None and is_strong(u) for u in units)
    header = units[:start]
    body = units[start:end]
    for u in units[end:]:
        if u.reason is None:
            u.reason = "footer-zone"
    for i, u in enumerate(body):
        if u.reason is not None:
            continue
        nxt = next((v for v in body[i + 1:] if v.reason is None), None)
        if not has_strong and not is_sentence(u) and not is_table_row(u.text) and len(units) > 1:
            u.reason = "no-sentence"  # (a lone paragraph, such as a headline or a snippet, has no page around it)
        elif is_heading(u) and nxt is not None and is_sentence(nxt):
            u.reason = "heading"
        else:
            u.info["body"] = True
    return header, body


def _captions_as_text(units: list[Unit]) -> None:
    """On a page whose main content holds more caption-shaped prose than other text (a slideshow,
    a photo essay), the captions are the text: trafilatura chose them as the page's main content."""
    caps = sum(count_words(u.text) for u in units if u.reason == "caption")
    if caps and caps > sum(count_words(u.text) for u in units if u.reason is None):
        for u in units:
            if u.reason == "caption":
                u.reason = None


def _language(text: str) -> str | None:
    if not text.strip():
        return None
    lang, _ = py3langid.classify(text[:3000])
    return lang


def _copy(builder: TextBuilder, source: str, start: int, end: int) -> None:
    """Copy source[start:end], turning odd whitespace (NBSP, runs, tabs) into one inserted space."""
    pos = start
    for m in _ODD_SPACE.finditer(source, start, end):
        builder.copy(pos, m.start())
        builder.insert(" ")
        pos = m.end()
    builder.copy(pos, end)


def clean_document(raw: RawDoc, settings: Settings | None = None) -> CleanDoc:
    """Clean one article: body text (exactly mapped to ``source_text``), captions, dropped passages, meta."""
    html_meta: dict = {}
    links: frozenset[str] = frozenset()
    page_captions: frozenset[str] = frozenset()
    widgets: frozenset[str] = frozenset()
    hidden: frozenset[str] = frozenset()
    navs: frozenset[str] = frozenset()
    if raw.kind == "html":
        page = extract_html(raw.text)
        source, html_meta, links, page_captions, widgets = page.text, page.meta, page.links, page.captions, page.widgets
        hidden, navs = page.hidden, page.navs
    else:
        source = raw.text
    units = build_units(source, rewrap=raw.kind != "html")
    for i, u in enumerate(units):
        u.reason = "page-furniture" if u.info.get("furniture") else \
            classify(u, units[i + 1].text if i + 1 < len(units) else None)
        if u.reason is None and is_link_line(u.text, links):
            u.reason = "link-line"  # the page prints this line as a link to another page
        elif u.reason is None and norm(u.text) in page_captions:
            u.reason = "caption"  # the page prints this line as a picture caption
        elif u.reason is None and norm(u.text) in widgets:
            u.reason = "widget"  # the page prints this line only in a sign-up, consent or feed box
        elif u.reason is None and norm(u.text) in hidden:
            u.reason = "hidden"  # the page prints this line only in a box hidden from readers (aria-hidden)
        elif u.reason is None and norm(u.text) in navs:
            u.reason = "nav-or-dialog"  # the page prints this line only in its navigation or a dialog box
    mark_continuations(units)
    mark_repeats(units)
    mark_link_blocks(units)
    guess = _language(" ".join(u.text for u in units if u.reason is None))
    if guess not in (None, "en"):
        for u in units:
            u.info["foreign"] = True
            u.info.pop("shape", None)  # sentence shape is judged again without English stop words
    mark_contact_blocks(units)  # after the language guess: "body prose before it" is judged per language
    header, body = _label_zones(units)
    body_text = " ".join(u.text for u in body if u.reason is None)
    meta = build_meta(units, header, body, raw.hints, html_meta, body_text)
    for u in header:
        if u.reason is None:
            u.reason = "header-zone"
    if raw.kind == "html":
        for u in units:
            if u.reason in HTML_NOT_APPLIED:
                u.reason = None
        _captions_as_text(units)

    builder = TextBuilder(source)
    dropped, caps = [], []
    for u in units:
        if u.reason is None:
            if builder.length:
                builder.insert("\n\n")
            for j, (s, e) in enumerate(u.ranges):
                if j:
                    builder.insert(" ")
                _copy(builder, source, s, e)
        else:
            item = Dropped(text=source[u.start:u.end], reason=u.reason, start=u.start, end=u.end)
            (caps if u.reason == "caption" else dropped).append(item)
    flags = []
    if meta.language and meta.language != "en":
        flags.append("not-english")
    if count_words(builder.text()) < 40:
        flags.append("short")
    return CleanDoc(text=builder.text(), source_text=source, offsets=builder.offsets, dropped=dropped,
                    captions=caps, meta=meta, flags=flags)
