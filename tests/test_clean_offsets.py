"""Exactness: every clean character maps back to source_text; captions/dropped point into it."""
from __future__ import annotations

import json
from pathlib import Path

from newsdesk.clean import clean_document
from newsdesk.clean.offsets import TextBuilder, to_source
from newsdesk.config import load_settings
from newsdesk.readers import read_file
from newsdesk.readers.jsonl import parse_line

from paths import FIXTURES, SEEDS

REUTERS = SEEDS.parent / "reuters21578.jsonl"


def docs():
    settings = load_settings()
    for p in sorted(SEEDS.glob("*.txt")) + sorted((FIXTURES / "clean").iterdir()):
        yield next(read_file(p, settings))
    with REUTERS.open(encoding="utf-8") as fh:
        for n, line in zip(range(60), fh):
            yield parse_line(line, f"reuters#{n}", 10**7)


def check_exact(c) -> None:
    covered = [False] * len(c.text)
    last = -1
    for cs, ss, n in c.offsets:
        assert cs > last and n > 0
        assert c.text[cs:cs + n] == c.source_text[ss:ss + n]
        for k in range(cs, cs + n):
            covered[k] = True
        last = cs + n - 1
    glue = {c.text[k] for k in range(len(c.text)) if not covered[k]}
    assert glue <= {" ", "\n"}, glue
    for item in c.dropped + c.captions:
        assert c.source_text[item.start:item.end] == item.text and item.reason


def test_clean_offsets_map_every_character_back():
    n = 0
    for raw in docs():
        c = clean_document(raw, load_settings())
        check_exact(c)
        n += 1
    assert n > 60


def test_clean_offsets_odd_spaces_become_inserted_glue():
    c = clean_document(_raw("A\u00a0 nbsp  run of\twords here, and more words follow in this sentence for length.\n"))
    assert "  " not in c.text and "\u00a0" not in c.text and "\t" not in c.text
    check_exact(c)
    assert to_source(c.offsets, c.text.index("run")) == c.source_text.index("run")


def test_clean_offsets_textbuilder_merges_contiguous_copies():
    b = TextBuilder("hello world")
    b.copy(0, 5)
    b.copy(5, 11)
    b.insert("!")
    assert b.text() == "hello world!" and b.offsets == [(0, 0, 11)]
    assert to_source(b.offsets, 11) is None


def _raw(text):
    from newsdesk.records import RawDoc
    return RawDoc(source="t", text=text)
