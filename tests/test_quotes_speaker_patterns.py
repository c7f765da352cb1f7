"""Attribution patterns news writing uses, one short own sentence each (no PolNeAR text)."""
from __future__ import annotations

from newsdesk.nlp.context import Context
from newsdesk.nlp.quotes import extract_quotes
from newsdesk.records import Meta


def run(models, text: str):
    ctx = Context(doc=models.nlp(text), meta=Meta(), anchor=None, resources=models.resources)
    quotes = extract_quotes(ctx)
    for q in quotes:
        assert text[q.start:q.end] == q.text
        if q.source_start is not None:
            assert text[q.source_start:q.source_end] == q.source_text
    return quotes


def only(models, text: str):
    quotes = run(models, text)
    assert len(quotes) == 1
    return quotes[0]


def test_quotes_speaker_patterns_who_clause_before_said(models):
    q = only(models, 'Carla Mendes, who has run the shelter for a decade, said: "We have never seen so many dogs."')
    assert q.speaker == "Carla Mendes" and q.speaker_how == "explicit"


def test_quotes_speaker_patterns_said_x_a_y(models):
    q = only(models, '"We have never seen so many dogs," said Carla Mendes, a volunteer at the shelter.')
    assert q.speaker == "Carla Mendes" and q.speaker_description == "a volunteer at the shelter"


def test_quotes_speaker_patterns_age_and_relative_clause_are_not_a_description(models):
    q = only(models, '"The buses are always late," said Hannah Cole, 42, whose son attends the school.')
    assert q.speaker == "Hannah Cole" and q.speaker_description is None
    q = only(models, '"The buses are always late," said Hannah Cole, 42, a bus driver.')
    assert q.speaker_description == "a bus driver"


def test_quotes_speaker_patterns_possessive_spokesman_is_a_role(models):
    q = only(models, '"The figures are wrong," Governor Alan Pike\'s spokesman said on Friday.')
    assert q.speaker is None and q.speaker_how == "role" and "spokesman" in q.speaker_description


def test_quotes_speaker_patterns_told_reporters(models):
    q = only(models, '"We will not resign," Nadia Farouk told reporters after the meeting.')
    assert q.speaker == "Nadia Farouk" and q.source_text == "Nadia Farouk"


def test_quotes_speaker_patterns_according_to(models):
    q = only(models, 'According to Tomas Berg, the finance chief, "sales fell in every region."')
    assert q.speaker == "Tomas Berg" and q.verb == "according to"


def test_quotes_speaker_patterns_quoted_as_saying(models):
    q = only(models, '"The border will stay open for trade," Oleg Marin was quoted as saying by the agency.')
    assert q.speaker == "Oleg Marin"


def test_quotes_speaker_patterns_they_is_the_group_not_a_person(models):
    text = ("Workers at the Kessler plant voted on Monday to reject the offer from Petra Lang.\n\n"
            '"We want a fair share of the profits," they said.')
    q = only(models, text)
    assert q.speaker is None and q.speaker_how == "pronoun" and q.source_text == "they"
    assert q.speaker_description.startswith("Workers")


def test_quotes_speaker_patterns_they_continues_a_group_speaker(models):
    text = ('"The talks have failed," the nurses\' union said in a statement on Monday.\n\n'
            'Nurses will walk out on Friday. "We have no other choice," they said.')
    quotes = run(models, text)
    assert quotes[1].speaker_description and "union" in quotes[1].speaker_description
    assert quotes[1].speaker_how == "pronoun" and quotes[1].speaker_confidence < 0.85


def test_quotes_speaker_patterns_it_is_an_organisation(models):
    text = ("The Harbour Residents Association rejected the plan on Tuesday.\n\n"
            '"The tower would block the light for hundreds of homes," it said in a statement.')
    q = only(models, text)
    assert q.speaker_how == "pronoun" and q.source_text == "it"
    assert "Association" in (q.speaker or q.speaker_description or "")


def test_quotes_speaker_patterns_it_is_never_a_person(models):
    text = 'Ruth Abara opened the meeting.\n\n"The plan is dead," it said.'
    assert only(models, text).speaker != "Ruth Abara"


def test_quotes_speaker_patterns_pronoun_keeps_the_run_subject_over_an_object(models):
    text = ('"We must plan for the worst," said Omar Haddad, the party treasurer.\n\n'
            "Haddad said he had warned the board twice. He argued, too, that the rules were out of date "
            "and the money raised by donors to Ben Archer and Luke Fenton was at risk.\n\n"
            '"Nobody listened to us," he said.')
    quotes = run(models, text)
    assert quotes[-1].speaker == "Omar Haddad" and quotes[-1].source_text == "he"


def test_quotes_speaker_patterns_colon_after_a_person_named_as_object(models):
    q = only(models, 'The rise in rents does not surprise housing economist Mira Kovac: '
                     '"Supply has been flat for five years."')
    assert q.speaker == "Mira Kovac" and q.source_text == "Mira Kovac"


def test_quotes_speaker_patterns_colon_keeps_the_subject_over_the_object(models):
    q = only(models, 'Sam Ortiz turned to Mira Kovac: "You have lost this time."')
    assert q.speaker == "Sam Ortiz"


def test_quotes_speaker_patterns_inverted_said_before_the_name(models):
    q = only(models, 'The hearing ended in silence.\n\nSaid Mira Kovac:\n\n"Supply has been flat for five years."')
    assert q.speaker == "Mira Kovac" and q.source_text == "Mira Kovac"


def test_quotes_speaker_patterns_likened_to(models):
    text = ("The council met on Tuesday to vote on the budget.\n\n"
            'Sam Ortiz, the opposition leader, likened the plan to "a house built on sand."')
    assert only(models, text).speaker == "Sam Ortiz"


def test_quotes_speaker_patterns_quote_run_opener_takes_the_run_speaker(models):
    text = ("The vote on the bridge was close.\n\n"
            "Greta Holm is confident about the bridge because she sees it as a link between two towns.\n\n"
            '"Nobody can argue with a shorter commute."\n\n'
            '"It will pay for itself in ten years," Holm said.')
    quotes = run(models, text)
    assert quotes[0].speaker == "Greta Holm" and quotes[0].speaker_how == "continuation"
    assert quotes[0].speaker_confidence < quotes[1].speaker_confidence
    assert quotes[0].source_start == quotes[1].source_start


def test_quotes_speaker_patterns_quote_run_opener_needs_the_name_before(models):
    text = ("The vote on the bridge was close.\n\n"
            "Supporters and opponents filled the hall until midnight.\n\n"
            '"Nobody can argue with a shorter commute."\n\n'
            '"It will pay for itself in ten years," Greta Holm said.')
    assert run(models, text)[0].speaker != "Greta Holm"


def test_quotes_speaker_patterns_present_tense_notes_after_a_name(models):
    text = ("Farmers in the valley expect a poor harvest this year.\n\n"
            '"The rain came too late for the wheat and too early for the grapes," Okafor notes.\n\n'
            "Adaeze Okafor has grown wheat in the valley for thirty years.")
    assert run(models, text)[0].speaker == "Adaeze Okafor"


def test_quotes_speaker_patterns_pronoun_window_starts_before_the_quote(models):
    # the quote's own sentences do not push the person named just before it out of reach
    text = ("Peter Brandt chaired the meeting. He spoke for an hour. The board voted against the plan, which worries "
            "Jonas Berger, the head of the tenants' association.\n\n"
            '"Nobody asked us. Nobody told us. Nobody cared. We found out from the paper," he said.')
    assert run(models, text)[0].speaker == "Jonas Berger"
