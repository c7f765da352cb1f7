"""he/she attributions (own sentences, no PolNeAR text): an inverted "said X" over a pronoun of a
side clause, the actors' pronoun link drawn only from a name inside the quote, and the gender of
unnamed speakers ("a 29-year-old woman" is not "he")."""
from __future__ import annotations

from test_quotes_speaker_clauses import _article
from test_quotes_speaker_patterns import run


def test_quotes_speaker_pronouns_inverted_said_beats_side_clause_pronoun(models):
    quotes = run(models, 'Polls show Laura Brandt ahead by ten points in the state.\n\n'
                         '"Many voters would call that a defeat for Laura Brandt" if she won by less, '
                         'said Daniel Okafor, a pollster at Civic Data.')
    assert quotes[-1].speaker == "Daniel Okafor" and quotes[-1].source_text == "Daniel Okafor"


def test_quotes_speaker_pronouns_actors_link_from_quoted_name_is_dropped(models):
    quotes = _article(models, "Budget fight\n\nSenator Paul Weber has led the finance committee since 2010. "
                              "He spoke to reporters in Dayton on Monday.\n\nThe vote is set for June.\n\n"
                              "“Let me say it once more: Frank Morrow is not fit to run this state,” he said.")
    assert quotes[-1].speaker == "Paul Weber" and quotes[-1].source_text == "he"


def test_quotes_speaker_pronouns_unnamed_speaker_gender(models):
    quotes = run(models, 'A 31-year-old man from Leeds was fined in May. "I regret nothing," he wrote.\n\n'
                         'A 29-year-old woman from York was fined in June for a post on the same forum. '
                         '"Send them all home!" she wrote.')
    assert "man" in quotes[0].speaker_description
    assert quotes[1].speaker is None and "woman" in (quotes[1].speaker_description or "")
    assert quotes[1].speaker_how == "pronoun" and quotes[1].source_text == "she"


def test_quotes_speaker_pronouns_agent_of_a_passive_main_verb_acts(models):
    quotes = run(models, 'The plan was backed on Friday by Senator Paul Alder, who said none of the money '
                         'came from Frank Lund.\n\n"It has never been a question of money," he said.')
    assert quotes[-1].speaker == "Paul Alder" and quotes[-1].speaker_how == "pronoun"


def test_quotes_speaker_pronouns_main_clause_subject_over_a_relative_clause_subject(models):
    quotes = run(models, 'Walter Ames said the delay helped Nina Lund, who does not need to prove herself '
                         'the way Oscar Cole did last year.\n\n"There is nothing left to prove," he said.')
    assert quotes[-1].speaker == "Walter Ames"


def test_quotes_speaker_pronouns_plural_noun_is_not_he_or_she(models):
    quotes = run(models, 'A spokeswoman for the clinic said she was relieved. She fears that the generals will '
                         'ignore the result.\n\n"We have to be careful about it," she said.')
    assert quotes[-1].speaker is None and "spokeswoman" in (quotes[-1].speaker_description or "")


def test_quotes_speaker_pronouns_name_the_parser_made_the_root(models):
    # "Name, apposition, verbed ..." parsed as a noun phrase with the verb hung under the name
    quotes = run(models, 'Oregon Gov. Peter Hale, a Democratic contender, predicted at the last debate that '
                         'Democrats will take "every county" if Tom Briggs wins the nomination.\n\n'
                         '"That is not even a question," he said to applause.')
    assert quotes[-1].speaker == "Peter Hale"


def test_quotes_speaker_pronouns_verb_own_pronoun_over_side_clause_pronoun(models):
    quotes = run(models, 'Polls put Laura Brandt ahead in the state. Daniel Okafor, a pollster, studies the race.\n\n'
                         '"It would seal the nomination for Laura Brandt" because she would widen her lead, he said.')
    assert quotes[-1].speaker == "Daniel Okafor" and quotes[-1].source_text == "he"


def test_quotes_speaker_pronouns_there_is_introduces_the_speaker(models):
    quotes = run(models, 'Frank Moss has praised the plan. Then there is Victor Hale.\n\n'
                         '"It is a bad plan and everybody knows it," he wrote on Monday.')
    assert quotes[-1].speaker == "Victor Hale"


def test_quotes_speaker_pronouns_side_clause_subject_under_another_he(models):
    # "He said Moss needs ...": the side clause's subject is not the 'he' of the next attribution
    quotes = _article(models, "Budget talks\n\nIt was a partial reversal for the Ohio senator, who had backed the "
                              "plan before. He said on Monday that Frank Moss needs to do more work to win him over."
                              "\n\n“I think a lot of members want to see a real budget,” he said.")
    assert quotes[-1].speaker != "Frank Moss"


def test_quotes_speaker_pronouns_inverted_subject_after_a_long_title(models):
    quotes = run(models, '"We had to admit that the trade deal hurt our members," said United Steel Workers '
                         'Secretary-Treasurer Gary Morton.')
    assert quotes[0].speaker.endswith("Gary Morton")  # not the union that modifies the title


def test_quotes_speaker_pronouns_ner_took_the_verb_after_the_name(models):
    # NER tags "Hollis added" as one PERSON: the name is "Hollis", the mention stops before the verb
    from test_quotes_speaker_clauses import _parsed

    quotes = _parsed(models, ['"', "We", "will", "win", "it", ",", '"', "Hollis", "added", "."],
                     [False, True, True, True, False, False, True, True, False, False],
                     ["``", "PRP", "MD", "VB", "PRP", ",", "''", "NNP", "VBD", "."],
                     ["punct", "nsubj", "aux", "ccomp", "dobj", "punct", "punct", "nsubj", "ROOT", "punct"],
                     [3, 3, 3, 8, 3, 3, 3, 8, 8, 8],
                     ['"', "we", "will", "win", "it", ",", '"', "Hollis", "add", "."],
                     ["O", "O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"])
    assert quotes[0].speaker == "Hollis" and quotes[0].source_text == "Hollis"


def test_quotes_speaker_pronouns_bare_surname_of_two_people_follows_the_gender(models):
    quotes = run(models, 'In May, a letter to Senator Paul Dunne from Lisa Dunne, a teacher, made the news. '
                         'She has never met him.\n\nDunne called the vote a disgrace on Tuesday. '
                         '"We owe these families more than silence," he said.')
    assert quotes[-1].speaker == "Paul Dunne" and quotes[-1].source_text == "he"


def test_quotes_speaker_pronouns_surname_that_is_a_demonym(models):
    quotes = _article(models, "Investor weighs a run\n\nRobert Cuban, the owner of a basketball team in Texas, "
                              "says he is open to a bid for the White House in a later year, though not this one.\n\n"
                              "\"It is certainly more of a consideration than it was,\" Cuban said in an interview "
                              "on Sunday. He has never held office and has said he would fund his own campaign.")
    assert quotes[-1].speaker == "Robert Cuban"


def test_quotes_speaker_pronouns_inverted_name_before_a_title_only_modifies_it(models):
    quotes = run(models, 'The debate ended late.\n\n"That was a very long night for everyone," tweeted Weber '
                         'spokesman Alan Cortez.')
    assert quotes[-1].speaker == "Alan Cortez"
