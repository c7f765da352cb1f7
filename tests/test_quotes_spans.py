"""Quote-mark pairing: straight, curly, mismatched and single marks; apostrophes are not quotes."""
from __future__ import annotations

from newsdesk.nlp.quote_spans import find_quote_spans


def texts(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quote_spans(text)]


def test_quotes_spans_straight_and_curly_marks():
    text = 'He said "we will win," and she said “no chance.” Then ‘maybe’ came up.'
    assert texts(text) == ["we will win", "no chance.", "maybe"]


def test_quotes_spans_mismatched_closing_mark_from_scraped_page():
    text = "“The deal is done,“ said the minister. “We start tomorrow.”"
    assert texts(text) == ["The deal is done", "We start tomorrow."]


def test_quotes_spans_apostrophes_are_not_quotes():
    text = "Norway’s fjords and the players' union aren’t news, but ‘junior partner’ is."
    assert texts(text) == ["junior partner"]


def test_quotes_spans_single_marks_inside_double_are_part_of_the_quote():
    text = "\"They called it 'a disaster' on air,\" she said."
    assert texts(text) == ["They called it 'a disaster' on air"]


def test_quotes_spans_open_quote_runs_to_paragraph_end():
    text = "“First paragraph of a long quote.\n\n“Second paragraph closes it.”"
    spans = find_quote_spans(text)
    assert [text[q.start:q.end] for q in spans] == ["First paragraph of a long quote.", "Second paragraph closes it."]
    assert spans[0].close_mark is None and spans[1].close_mark is not None


def test_quotes_spans_offsets_delimit_the_words_without_marks():
    text = 'A “short” one and "another, longer one," too.'
    for q in find_quote_spans(text):
        assert text[q.start - 1] in "“\"" and text[q.start] not in "“\" "
        assert text[q.end - 1] not in ",” \""
