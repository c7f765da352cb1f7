"""Paragraph segmentation and rejoining of lines broken in mid-sentence."""
from __future__ import annotations

from newsdesk.clean import clean_document
from newsdesk.clean.lines import build_units
from newsdesk.records import RawDoc


def texts(source: str, rewrap: bool = True) -> list[str]:
    return [u.text for u in build_units(source, rewrap)]


def test_clean_lines_hard_wrapped_paragraphs_are_rejoined():
    src = ("Output at the mill rose sharply in the third quarter as\nnew machinery came on line, the company said in a\n"
           "statement on Friday.\n\nShares closed higher.\n REUTER\n")
    assert texts(src) == ["Output at the mill rose sharply in the third quarter as new machinery came on line, "
                          "the company said in a statement on Friday.", "Shares closed higher.", "REUTER"]


def test_clean_lines_names_on_their_own_lines_join_the_sentence():
    src = ("\"Prices will keep rising,\" said\n\n    Maria Lopez,\n\n    an economist at a bank in Lima.\n\n"
           "    The minister\n\n    Juan Perez\n\n    declined to comment.\n")
    assert texts(src) == ["\"Prices will keep rising,\" said Maria Lopez, an economist at a bank in Lima.",
                          "The minister Juan Perez declined to comment."]


def test_clean_lines_headings_urls_and_bullets_stay_apart():
    src = ("Trade Talks Resume\n\nNegotiators met again on Monday.\n\n[list] Subject line here\n\n\n\n"
           "https://example.org/story\n\nYou need:\n• a pass\n• a ticket\n")
    assert texts(src) == ["Trade Talks Resume", "Negotiators met again on Monday.", "[list] Subject line here",
                          "https://example.org/story", "You need:", "• a pass", "• a ticket"]


def test_clean_lines_extractor_output_keeps_one_paragraph_per_line():
    assert texts("First paragraph without a stop\nsecond paragraph", rewrap=False) == [
        "First paragraph without a stop", "second paragraph"]


def test_clean_lines_short_one_sentence_paragraph_in_body_is_kept():
    body = ("The regional council voted to close the old bridge to heavy traffic after engineers found cracks "
            "in two of its supporting piers during an inspection.\n\nIt will reopen in May.\n\n"
            "Drivers of lorries will have to use a detour of about fifteen kilometres through the valley, "
            "which local businesses say will raise their costs.\n")
    c = clean_document(RawDoc("x", body))
    assert c.text.split("\n\n")[1] == "It will reopen in May."


def test_clean_lines_short_first_line_of_wire_paragraph_joins():
    src = ("Harbor Light Systems\nCorp said it agreed to buy a maker of marine lighting equipment for\n"
           "about 40 mln dlrs in cash, subject to approval by regulators and\nshareholders of both companies.\n")
    assert len(texts(src)) == 1 and texts(src)[0].startswith("Harbor Light Systems Corp said")
    # a date line above a headline is not a wrapped paragraph
    assert texts("Monday, May 6, 2024\nTown council backs plan for a new library in the old market hall\n") == [
        "Monday, May 6, 2024", "Town council backs plan for a new library in the old market hall"]


def test_clean_lines_ui_phrase_inside_prose_is_not_furniture():
    body = ("The lender said holders would receive one new share for every four held, and would share this "
            "year's gains with staff through a bonus scheme approved by the board on Monday.\n\n"
            "What do you think about bonus schemes? Join the discussion below.\n\n"
            "The bank's chairman said the scheme would be reviewed after two years, once auditors had examined "
            "its cost and its effect on retention.\n")
    c = clean_document(RawDoc("x", body))
    assert "share this year's gains" in c.text
    assert "Join the discussion" not in c.text
    assert [d.reason for d in c.dropped] == ["ui-vocabulary"]
