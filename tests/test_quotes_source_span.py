"""Each quote records the mention its speaker was found from (source_start/end/text), with provenance."""
from __future__ import annotations

from newsdesk.nlp.context import Context
from newsdesk.nlp.quotes import extract_quotes
from newsdesk.records import Meta


def run(models, text: str):
    ctx = Context(doc=models.nlp(text), meta=Meta(), anchor=None, resources=models.resources)
    quotes = extract_quotes(ctx)
    for q in quotes:
        if q.source_start is None:
            assert q.source_end is None and q.source_text is None
        else:
            assert text[q.source_start:q.source_end] == q.source_text
    return {q.text[:20]: q for q in quotes}


def test_quotes_source_span_explicit_name(models):
    q = run(models, '"The tunnel is safe," said Helen Marsh, the chief inspector.')["The tunnel is safe"]
    assert q.speaker == "Helen Marsh" and q.source_text == "Helen Marsh"


def test_quotes_source_span_pronoun_is_the_pronoun_not_the_antecedent(models):
    text = ("Oskar Lindqvist opened the new library in the old mill on Saturday.\n\n"
            '"Books belong in the middle of town," he said.')
    q = run(models, text)["Books belong in the "]
    assert q.speaker == "Oskar Lindqvist" and q.speaker_how == "pronoun"
    assert q.source_text == "he" and text.index(" he said") + 1 == q.source_start


def test_quotes_source_span_role_phrase(models):
    text = '"Prices will rise again in spring," a spokeswoman for the utility said.'
    q = run(models, text)["Prices will rise aga"]
    assert q.speaker_how == "role" and q.source_text == "a spokeswoman for the utility"


def test_quotes_source_span_continuation_points_at_the_earlier_mention(models):
    text = ('"We expect a record harvest," said Ruth Okafor, who runs the cooperative.\n\n'
            '"The rain came at exactly the right time for the maize."')
    q = run(models, text)
    assert q["The rain came at exa"].speaker_how == "continuation"
    assert q["The rain came at exa"].source_text == "Ruth Okafor"
    assert q["The rain came at exa"].source_start == q["We expect a record h"].source_start


def test_quotes_source_span_none_without_a_speaker(models):
    q = run(models, 'The bakery on the corner has sold "harvest loaves" every autumn since 1950.')
    assert q
    assert all(x.source_start is None for x in q.values())
