"""HTML -> main text + metadata with trafilatura (no network; its default settings and fallbacks)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import trafilatura
from trafilatura.utils import load_html

from ..language import count_words
from .html_page import (caption_texts, element_texts, hidden_texts, link_texts, marked_lead, nav_texts, visible_lead,
                        widget_texts)

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
RECALL_BELOW_WORDS = 40  # a balanced extraction shorter than this is retried with favor_recall


@dataclass
class HtmlExtract:
    """trafilatura's main text plus what the page itself says about it."""

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    links: frozenset[str] = frozenset()  # texts the page prints as whole links (html_page.link_texts)
    lead: str | None = None  # the visible lead put back before the text (html_page.visible_lead)
    captions: frozenset[str] = frozenset()  # texts the page prints as picture captions
    widgets: frozenset[str] = frozenset()  # texts the page prints only in sign-up/consent/feed boxes
    hidden: frozenset[str] = frozenset()  # texts the page prints only in boxes hidden from readers
    navs: frozenset[str] = frozenset()  # texts the page prints only in its navigation or a dialog


def extract_html(html: str) -> HtmlExtract:
    """Main text (one paragraph per line), the page metadata trafilatura found, and page evidence.

    trafilatura runs as its authors intend: its balanced default with its fallback extractors
    (readability, jusText) compared against its own result; when that finds little or nothing
    (a short article), the recall-oriented setting is tried and the longer text kept. A page
    with no article text gives ``""``. When the page shows its own description as a paragraph
    and the extraction left it out, it is put back as the first paragraph (never less body
    than trafilatura keeps).
    """
    doc = None
    # deduplicate=False: trafilatura's dedup cache is process-global, so a page seen before would
    # lose paragraphs and cleaning would stop being a pure function of the input.
    for opts in ({}, {"favor_recall": True}):
        found = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
            include_links=False, deduplicate=False, date_extraction_params=_DATE_PARAMS, **opts)
        if found is not None and (doc is None or count_words(found.text or "") > count_words(doc.text or "")):
            doc = found
        if doc is not None and count_words(doc.text or "") >= RECALL_BELOW_WORDS:  # Japanese has no spaces
            break
    if doc is None:
        return HtmlExtract("")
    meta: dict[str, Any] = {}
    if doc.title:
        meta["title"] = doc.title.strip()
    if doc.description and doc.description.strip() != (doc.title or "").strip():
        meta["subtitle"] = doc.description.strip()
    if doc.author:
        meta["authors"] = [a.strip() for a in re.split(r";|\s+and\s+", doc.author) if a.strip()]
    if doc.date and re.match(r"^\d{4}-\d\d-\d\d$", doc.date):
        meta["published"] = doc.date
    if doc.sitename:
        meta["outlet"] = doc.sitename.strip()
    if doc.url:
        meta["url"] = doc.url
    text = doc.text or ""
    tree = load_html(html) if text else None
    lead = visible_lead(tree, meta.get("subtitle"), text)
    if lead is None:
        marked = marked_lead(tree, text, meta.get("title"))
        lead = "\n".join(marked) if marked else None
    if lead is not None:
        head, _, rest = text.partition("\n")
        if rest and " ".join(head.split()) == " ".join((meta.get("title") or "").split()):
            text = f"{head}\n{lead}\n{rest}"  # the standfirst goes under the headline the text opens with
        else:
            text = f"{lead}\n{text}"
    texts = element_texts(tree)  # once, for the three box tests
    return HtmlExtract(text, meta, link_texts(tree), lead, caption_texts(tree) - set((lead or "").split("\n")),
                       widget_texts(tree, texts), hidden_texts(tree, texts), nav_texts(tree, texts))
