"""HTML -> main text + metadata with trafilatura (no network; precision-oriented settings)."""
from __future__ import annotations

import re
from typing import Any

import trafilatura

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def extract_html(html: str) -> tuple[str, dict[str, Any]]:
    """Main text (one paragraph per line) and the page metadata trafilatura found.

    Falls back to a recall-oriented pass when the precise pass finds nothing, so that short
    articles survive; a page with no article text gives ``""``.
    """
    doc = None
    # deduplicate=False: trafilatura's dedup cache is process-global, so a page seen before would
    # lose paragraphs and cleaning would stop being a pure function of the input.
    for opts in ({"favor_precision": True}, {"favor_recall": True}):
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
            include_links=False, deduplicate=False, date_extraction_params=_DATE_PARAMS, **opts)
        if doc is not None and (doc.text or "").strip():
            break
    if doc is None:
        return "", {}
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
    return doc.text or "", meta
