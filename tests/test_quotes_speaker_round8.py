"""Round eight speakers (own sentences, no web-page text): behaviours the fresh web-news set
(tests/fixtures/speakers_web) showed missing."""
from __future__ import annotations

import pytest

from test_quotes_speaker_patterns import run

# (what it shows, text, which quote, its speaker)
SPEAKERS = [
    # "adding" hangs on "forgave", joined to the side clause by "and that": Penn adds it, not Colby
    ("participle_after_a_coordinated_that_clause_goes_with_the_speech_verb",
     "The row over the seating plan ran for weeks.\n\nLaura Penn said Ann Colby sent her a card and apologized,"
     " and that she forgave her, adding that \"she is a decent and kind person.\"", 0, "Laura Penn"),
    # no 'that' before "Doe added": a clause of its own, its participle is Doe's
    ("a_conjunct_with_its_own_subject_and_no_mark_still_speaks",
     "The panel met on Friday.\n\nJohn Roe said the plan was late, and Mark Doe added a warning, saying"
     " \"we cannot wait another year for this road.\"", 0, "Mark Doe"),
    # no reply verb: "she said" after a woman's question is still the asker
    ("a_pronoun_that_only_says_keeps_the_last_speaker",
     "The new judge, Ana Ruiz, met the press on her first day at the state court in the capital.\n\n\"Will you"
     " hear the water case this year or wait for the next term?\" asked Lisa Park, a reporter.\n\n\"I think the"
     " court owes people an answer soon,\" she said.", 1, "Lisa Park"),
    ("remembers_attributes",
     "The island was overrun by goats for more than a century before the clean-up began.\n\n\"Those goats were"
     " far too smart for us,\" remembers Ana Ruiz, a coordinator for the project, with a laugh.", 0, "Ana Ruiz"),
]


@pytest.mark.parametrize("text,index,speaker", [c[1:] for c in SPEAKERS], ids=[c[0] for c in SPEAKERS])
def test_quotes_speaker_round8_speaker(models, text, index, speaker):
    assert run(models, text)[index].speaker == speaker


def test_quotes_speaker_round8_he_never_stands_for_a_pair(models):
    quotes = run(models, "Jon Ravel and his wife spoke at length about the move.\n\n\"We were tired, basically,\""
                         " Ravel said. But the pair insisted they \"never really went away\" from the town.\n\n"
                         "\"Lack of money and lack of help\" was the plain reason they moved, he said.")
    by_text = {q.text: q for q in quotes}
    assert by_text["never really went away"].speaker_description == "the pair"
    assert by_text["Lack of money and lack of help"].speaker == "Jon Ravel"


def test_quotes_speaker_round8_a_statement_as_the_verbs_object_introduces_the_next_quote(models):
    lead = ("The state appeals court ruled against the online retailer on Friday in a case that could change"
            " how marketplaces sell goods made by others.\n\n")
    quote = " \"It is hard to overstate what this ruling means for shoppers. People will feel it.\""
    for intro in ("The buyer's lawyer, Tom Keller, had a short and blunt statement after the ruling.",
                  "The buyer's lawyer, Tom Keller, made a statement after the ruling."):
        assert run(models, lead + intro + quote)[0].speaker == "Tom Keller"
    # a statement that is no object of the verb introduces nothing
    other = run(models, lead + "The buyer's lawyer, Tom Keller, had lunch before the statement was read." + quote)
    assert other[0].speaker is None


def test_quotes_speaker_round8_a_quote_left_open_runs_on_through_a_broken_paragraph(models):
    lead = ("The retailer lost its case in the appeals court on Thursday, and lawyers expect a long fight.\n\n"
            "\"The retailer has dodged this for years,\" said Nina Clark, a product lawyer in Dallas.")
    tail = "\n\n\"But remember, the retailer has a lot of fight in it, so it will appeal.\""
    open_run = lead + " \"Most courts have said it is not a seller at all.\n\nA very costly change. It is that big." + tail
    assert run(models, open_run)[-1].speaker == "Nina Clark"
    # the quote was closed: the paragraph between is the writer's, the last quote has no speaker
    closed = lead + "\n\nThe company did not answer calls on Thursday. Its shares fell in late trading." + tail
    assert run(models, closed)[-1].speaker is None


def test_quotes_speaker_round8_which_said_after_a_story_about_something_is_the_story(models):
    lead = ("The host showed the singer a pile of old headlines about her, some kind and some cruel, from"
            " papers in three countries.\n\n")
    quotes = run(models, lead + "In one example, the host read a story about her eating mangoes which said the fruit"
                                " was \"tied to water shortages and forest loss in poor farming areas\" -- while"
                                " another story praised a rival for the same habit.")
    assert quotes[0].speaker is None and quotes[0].speaker_description == "a story"
    gerund = run(models, lead.replace("singer", "actor").replace("about her", "about him")
                 + "In one example, Dan Lyle read a story about him eating avocados which said the fruit was"
                   " \"linked to water shortages, illegal deforestation and environmental devastation\" in farm areas.")
    assert gerund[0].speaker is None and gerund[0].speaker_description == "a story"
    # a text its subject issued still speaks as the issuer
    issued = run(models, lead + "Later the singer, Maria Lenz, released a statement on the tour which said \"every"
                                " show will go ahead as planned this summer.\"")
    assert issued[0].speaker == "Maria Lenz"


def test_quotes_speaker_round8_who_replies_is_not_who_asked(models):
    quotes = run(models, "The new judge, Ana Ruiz, met the press on her first day at the state court in the capital."
                         "\n\nAt the press conference, a reporter asked Ruiz, \"What do you see as the hardest part of"
                         " the job right now?\"\n\n\"The hardest part is getting people to see that we all bring our"
                         " own biases to the bench,\" she replied.")
    assert quotes[0].speaker_description == "a reporter"
    assert quotes[1].speaker == "Ana Ruiz"


def test_quotes_speaker_round8_for_someone_to_verb_reports_nothing(models):
    quotes = run(models, "Lena Cole says she hopes that people will come to see the island for themselves one day."
                         "\n\nIt is easy, she says, for people to marvel at how green the island has become. \"But"
                         " they do not know the work that goes into keeping it that way.\"")
    assert quotes[0].speaker == "Lena Cole" and quotes[0].speaker_description is None


def test_quotes_speaker_round8_the_one_who_was_asked_answers(models):
    # a passive "was asked": the subject is the one asked, so "he answered" is that person
    quotes = run(models, "Former adviser Tom Blake said he had no idea whether he would have warned the governor"
                         " about the deal.\n\nBlake was asked, \"If you had known about the deal, would you have told"
                         " her it was a bad idea?\" He answered, \"I have no idea. We are old friends, and friends of"
                         " people in politics get caught up in politics too.\"")
    assert quotes[-1].speaker == "Tom Blake"
