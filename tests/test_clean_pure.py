"""Cleaning is a pure function: the same page cleaned many times in one process gives the same text."""
from __future__ import annotations

from newsdesk.clean import clean_document
from newsdesk.records import RawDoc
from paths import DEMO


def test_clean_pure_same_html_same_text_every_time():
    page = next(DEMO.glob("*.html")).read_text(encoding="utf-8")
    texts = {clean_document(RawDoc(source="p.html", text=page, kind="html")).text for _ in range(5)}
    assert len(texts) == 1 and len(next(iter(texts)).split()) > 40
