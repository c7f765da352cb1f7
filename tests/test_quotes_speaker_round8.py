"""Round eight speakers (own sentences, no web-page text): behaviours the fresh web-news set
(tests/fixtures/speakers_web) showed missing."""
from __future__ import annotations

from test_quotes_speaker_patterns import run


def test_quotes_speaker_round8_participle_after_a_coordinated_that_clause_goes_with_the_speech_verb(models):
    # "adding" hangs on "forgave", joined to the side clause by "and that": Penn adds it, not Colby
    quotes = run(models, "The row over the seating plan ran for weeks.\n\nLaura Penn said Ann Colby sent her a card"
                         " and apologized, and that she forgave her, adding that \"she is a decent and kind person.\"")
    assert quotes[0].speaker == "Laura Penn"


def test_quotes_speaker_round8_a_conjunct_with_its_own_subject_and_no_mark_still_speaks(models):
    # no 'that' before "Doe added": a clause of its own, its participle is Doe's
    quotes = run(models, "The panel met on Friday.\n\nJohn Roe said the plan was late, and Mark Doe added a"
                         " warning, saying \"we cannot wait another year for this road.\"")
    assert quotes[0].speaker == "Mark Doe"


def test_quotes_speaker_round8_he_never_stands_for_a_pair(models):
    quotes = run(models, "Jon Ravel and his wife spoke at length about the move.\n\n\"We were tired, basically,\""
                         " Ravel said. But the pair insisted they \"never really went away\" from the town.\n\n"
                         "\"Lack of money and lack of help\" was the plain reason they moved, he said.")
    by_text = {q.text: q for q in quotes}
    assert by_text["never really went away"].speaker_description == "the pair"
    assert by_text["Lack of money and lack of help"].speaker == "Jon Ravel"
