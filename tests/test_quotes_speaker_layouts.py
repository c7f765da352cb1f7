"""Speakers given by layout (own sentences, no PolNeAR text): a dash signature on a line or
paragraph of its own after the quote, and transcript lines with a title, initials or a party tag."""
from __future__ import annotations

from test_quotes_speaker_patterns import run

BODY = "The debate ran long on Thursday night.\n\n"


def test_quotes_speaker_layouts_dash_signature_paragraph(models):
    quotes = run(models, BODY + '"Our schools are failing the children who need them most."\n\n- Maria Lopez.\n\n'
                               'The claim is half true.\n\n"I never voted for that bill, not once in my life."\n\n'
                               '- Lopez.\n\nThe record says otherwise.')
    assert [q.speaker for q in quotes] == ["Maria Lopez", "Maria Lopez"]
    assert quotes[1].source_text == "Lopez" and quotes[1].speaker_how == "explicit"


def test_quotes_speaker_layouts_dash_line_needs_a_name_only(models):
    quotes = run(models, BODY + '"Our schools are failing the children who need them most."\n\n'
                               '- Additional reporting by Tom Reyes')
    assert quotes[0].speaker is None


def test_quotes_speaker_layouts_transcript_line_with_title_and_party_tag(models):
    quotes = run(models, BODY + 'Rep. Carl Meyers (R-Ohio): "Who told you that the figure was ninety percent?"\n\n'
                               'Former state senator Ellen J. Voss: "We learned it from the department itself."')
    assert quotes[0].speaker == "Carl Meyers" and quotes[1].speaker == "Ellen J. Voss"


def test_quotes_speaker_layouts_long_line_without_a_name_is_no_speaker(models):
    quotes = run(models, BODY + 'Angry Farmers Gather In The Capital: "We cannot sell our grain this year."')
    assert quotes[0].speaker is None


def test_quotes_speaker_layouts_more_speech_verbs(models):
    quotes = run(models, BODY + '"If they sue us in a court in Tampa, they are going to lose," Dana Ortiz fired back.'
                               '\n\n"We were never serious about this bill at all," Carl Webb fumed on Tuesday.'
                               '\n\n"Would it be negotiable for the eleven million?" Ann Holt pressed.')
    assert [q.speaker for q in quotes] == ["Dana Ortiz", "Carl Webb", "Ann Holt"]
