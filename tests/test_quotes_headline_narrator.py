"""Headline quotes are spoken by the headline's opening subject; "I said" is the writer. Own short texts."""
from __future__ import annotations

from newsdesk.nlp.context import Context
from newsdesk.nlp.quotes import extract_quotes
from newsdesk.records import Meta


def run(models, text: str):
    ctx = Context(doc=models.nlp(text), meta=Meta(), anchor=None, resources=models.resources)
    quotes = extract_quotes(ctx)
    for q in quotes:
        assert text[q.start:q.end] == q.text
    return {q.text[:12]: q for q in quotes}


BODY = "\n\nThe council met on Tuesday evening and the debate ran for three hours before a vote was taken."


def test_quotes_headline_named_subject_speaks(models):
    q = run(models, "Laura Brandt Sees ‘A Waste Of Public Money’ In Harbour Plan" + BODY)["A Waste Of P"]
    assert q.speaker == "Laura Brandt" and q.speaker_how == "headline" and 0 < q.speaker_confidence < 1


def test_quotes_headline_common_noun_subject_is_kept_as_words(models):
    q = run(models, "Angry Farmers Gather In Capital: ‘We Cannot Sell Our Grain.’" + BODY)["We Cannot Se"]
    assert q.speaker is None and q.speaker_description == "Angry Farmers" and q.speaker_how == "headline"


def test_quotes_headline_not_for_a_lead_sentence_or_a_prepositional_opening(models):
    lead = ("After a long night of talks in the capital, the ministers who had gathered there agreed on a "
            "text they called “a fair deal for every region” and went home.")
    assert run(models, lead + BODY)["a fair deal "].speaker is None
    q = run(models, "After The Vote, ‘Nothing Will Change’ In The Valley" + BODY)["Nothing Will"]
    assert q.speaker is None and q.speaker_description is None


def test_quotes_narrator_i_said_is_the_writer_and_never_he_or_she(models):
    text = ("I met the mayor, Daniel Weiss, at the market on a cold morning.\n\n"
            '"The bridge will open in May," I said. "Not this year," he said. '
            'He was selling apples and he said "I have been here for forty years."')
    q = run(models, text)
    assert q["The bridge w"].speaker is None and q["The bridge w"].speaker_description == "I"
    assert q["The bridge w"].speaker_how == "narrator"
    assert q["Not this yea"].speaker == "Daniel Weiss" and q["Not this yea"].speaker_how == "pronoun"
