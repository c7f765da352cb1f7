"""extract_quotes on hand-written articles: speakers, inheritance, partial quotes, provenance."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.nlp.context import Context
from newsdesk.nlp.quotes import extract_quotes
from newsdesk.records import Meta

FIX = Path(__file__).parent / "fixtures" / "quotes"


def run(models, text: str):
    ctx = Context(doc=models.nlp(text), meta=Meta(), anchor=None, resources=models.resources)
    quotes = extract_quotes(ctx)
    for q in quotes:
        assert text[q.start:q.end] == q.text
    return {q.text[:25]: q for q in quotes}


def test_quotes_extract_split_attribution_second_part_inherits(models):
    q = run(models, '"We did not come here to lose," said Maria Lopez, the team captain. "We came to win."')
    first, second = q["We did not come here to l"], q["We came to win."]
    assert first.speaker == "Maria Lopez" and not first.partial and first.verb == "say"
    assert first.speaker_description == "the team captain"
    assert second.speaker == "Maria Lopez" and second.speaker_inferred


def test_quotes_extract_pronoun_resolves_to_recent_subject(models):
    text = ("Hannah Weber, the finance minister, met bankers on Monday. She told them that rates would stay high.\n\n"
            '"We cannot cut taxes this year," she said.')
    quote = run(models, text)["We cannot cut taxes this "]
    assert quote.speaker == "Hannah Weber" and quote.speaker_inferred


def test_quotes_extract_partial_quote_in_reported_speech(models):
    text = "Prime Minister Jonas Berg described the treaty as “a turning point for the whole region.”"
    quote = run(models, text)["a turning point for the w"]
    assert quote.partial and quote.speaker == "Jonas Berg" and quote.verb == "describe"


def test_quotes_extract_scare_quote_without_attribution_has_no_speaker(models):
    quote = run(models, "The so-called “peace dividend” never arrived in the northern towns.")["peace dividend"]
    assert quote.partial and quote.speaker is None


def test_quotes_extract_hypothetical_speech_verb_attributes_nothing(models):
    text = "Voters would do well to remember that “Build Back Better” was once a slogan."
    assert run(models, text)["Build Back Better"].speaker is None


def test_quotes_extract_according_to_names_the_source(models):
    text = "The factory will close in June, “with the loss of 400 jobs,” according to Reuters."
    quote = run(models, text)["with the loss of 400 jobs"]
    assert quote.verb == "according to" and quote.speaker == "Reuters"


def test_quotes_extract_colon_introduces_next_paragraph(models):
    text = ("The union's lawyer, Peter Quinn, was blunt on Friday:\n\n"
            "\"This agreement is worth nothing if the company keeps breaking it.\"")
    quote = run(models, text)["This agreement is worth n"]
    assert quote.speaker == "Peter Quinn" and not quote.partial


def test_quotes_extract_name_broken_onto_its_own_line(models):
    text = ("“The market has already priced this in,“ said\n\nKaren Holt,\n\n"
            "an economist at the Bank of Ontario. “Nobody will be surprised.”")
    q = run(models, text)
    assert q["The market has already pr"].speaker == "Karen Holt"
    assert q["The market has already pr"].speaker_description == "an economist at the Bank of Ontario"
    assert q["Nobody will be surprised."].speaker == "Karen Holt"


@pytest.mark.parametrize("name", ["samesurname_court", "pronouns_election"])
def test_quotes_extract_fixture_speakers_are_not_confused(models, name):
    q = run(models, (FIX / f"{name}.txt").read_text(encoding="utf-8"))
    if name == "samesurname_court":
        assert q["I signed every cheque for"].speaker == "Robert Lindqvist"
        assert q["Without my bread there is"].speaker == "Erik Lindqvist"
    else:
        assert q["I called Marcus an hour a"].speaker == "Linda Carver"
        assert q["You proved the experts wr"].speaker == "Marcus Bell"


def test_quotes_extract_colon_in_paragraph_beats_previous_speaker(models):
    text = ('"We were simply bad," said Ines Moreau, the coach. Her assistant Luc Bernard disagreed: '
            '"The referee decided it." "It is over," he added.')
    q = run(models, text)
    assert q["The referee decided it."].speaker == "Luc Bernard"
    assert not q["It is over"].partial
