"""Round seven speakers (own sentences, no PolNeAR text): sentence bounds in texts typed with ''
quote pairs, and an honorific inside the mention as gender evidence."""
from __future__ import annotations

from test_quotes_speaker_patterns import run


def test_quotes_speaker_round7_sentence_bounds_see_two_apostrophe_marks():
    from newsdesk.nlp.quote_text import sentence_bounds
    text = "Mr. Roe was blunt. ''We lost,'' he said. ''It is over.'' Ms. Doe left. He said ``yes.'' Then he left."
    starts = sentence_bounds(text)
    assert text.index("''We lost") in starts  # an opening '' after the stop
    assert text.index("Ms. Doe") in starts  # a closing '' before the space
    assert text.index("''It is over") in starts
    assert text.index("Then he") in starts
    assert text.index("he said") not in starts and text.index("Doe left") not in starts
    bracket = "Mr. Roe agreed. (''We won,'' he said.) It rained."
    assert bracket.index("(''We") in sentence_bounds(bracket)  # a bracket before the opening pair


def test_quotes_speaker_round7_question_closed_by_two_apostrophes_attributed_in_next_sentence(models):
    quotes = run(models, "The meeting ran late on Monday.\n\n''Can we still win Ohio?'' Mr. Harlan Voss asked."
                         " ''I do not think so.''")
    assert quotes[0].speaker == "Harlan Voss" and quotes[0].source_text == "Harlan Voss"


def test_quotes_speaker_round7_pronoun_does_not_cross_a_two_apostrophe_quote_boundary(models):
    # the sentence with the side clause ends before the quote: 'he' is the main subject, not Obama-like
    # side-clause subject (with the old bounds the quote joined that sentence)
    quotes = run(models, "Mr. Carl Denton was just as blunt at the rally, claiming without evidence that Governor"
                         " Paul Bright wanted to take in more refugees. ''You'd have to be insane,'' he said.")
    assert quotes[0].speaker == "Carl Denton" and quotes[0].source_text == "he"


def test_quotes_speaker_round7_honorific_inside_the_mention_sets_the_gender():
    from types import SimpleNamespace as C

    from newsdesk.nlp.quote_gender import person_genders
    text = "Ms. Ronda Quill spoke. Ms. Quill left. Mrs. Vance came with her son John Vance."
    cands = [C(start=0, end=15, name="Ronda Quill", type="PERSON", description=None),
             C(start=23, end=32, name="Ronda Quill", type="PERSON", description=None),
             C(start=text.index("John"), end=len(text) - 1, name="John Vance", type="PERSON", description=None),
             C(start=text.index("Mrs."), end=text.index(" came"), name="John Vance", type="PERSON", description=None)]
    got = person_genders(cands, text)
    assert got["Ronda Quill"] == "f"
    assert got.get("John Vance") == "m"  # her honorific on a mention linked to her son is not his gender


def test_quotes_speaker_round7_paragraph_opening_two_apostrophe_quote_continues_its_speaker(models):
    quotes = run(models, "The vote is on Tuesday.\n\n''We will win the state,'' said Dora Ames, a lawyer in Dayton.\n\n"
                         "''Nobody can stop us now, not in the fall and not later.''\n\nThe polls open at six.")
    assert [q.speaker for q in quotes] == ["Dora Ames", "Dora Ames"]
    assert quotes[1].speaker_how == "continuation"


def test_quotes_speaker_round7_given_names_the_list_knows_outrank_a_generic_title(models):
    # "Hope" is a woman's given name: a generic "spokesman" before it does not make her 'he'
    quotes = run(models, "Rita Vale asked about the plan on Monday. Campaign spokesman Hope Hicksley confirmed it in an"
                         " email.\n\n\"It is done and it will not change,\" she said.")
    assert quotes[0].speaker == "Hope Hicksley" and quotes[0].source_text == "she"
    from newsdesk.nlp.quote_gender import name_gender
    assert name_gender("Glenn Sharp") == "m" and name_gender("Jenna Sharp") == "f" and name_gender("Dana Sharp") is None


def test_quotes_speaker_round7_namesake_surname_skips_a_suffix(models):
    from test_quotes_speaker_clauses import _article

    from newsdesk.nlp.quote_pronouns import _surname
    assert _surname("Harry B. Harris Jr.") == "Harris" and _surname("Jane Roe III") == "Roe" and _surname("Jr.") == "Jr."
    # the actors link the bare "Harris" to the senator in the registry; 'he' is the admiral, whose
    # full name ends in "Jr." (a she-senator cannot be 'he'), not the governor named before him
    quotes = _article(models, "Pacific talks\n\nAdm. Harry B. Harris Jr. runs the Pacific Command from Hawaii. He took"
                              " the post last year. Senator Kamala Harris visited the command in May. Gov. Tom Reed"
                              " toured the base in June.\n\n"
                              "Behind his desk, Admiral Harris keeps maps of the islands.\n\n"
                              "''It is those countries with ready militaries that fare much better,'' he said.")
    assert quotes[-1].speaker == "Harry B. Harris Jr." and quotes[-1].source_text == "he"


def test_quotes_speaker_round7_it_may_be_a_text_someone_wrote(models):
    quotes = run(models, "The vote is on Friday.\n\nA letter from the nurses reached the hospital board on Monday."
                         "\n\n\"We have waited far too long for this change,\" it said.")
    assert quotes[0].speaker is None and quotes[0].speaker_how == "pronoun"
    assert "letter" in quotes[0].speaker_description and quotes[0].source_text == "it"


def test_quotes_speaker_round7_recommend_reports_words(models):
    quotes = run(models, "The panel met twice.\n\nOwen Pratt chairs it.\n\n\"Keep the tax at its current level for"
                         " the decade,\" Carla Munez recommended.")
    assert quotes[0].speaker == "Carla Munez" and quotes[0].verb == "recommend"


def test_quotes_speaker_round7_text_sent_to_someone_speaks_as_its_sender(models):
    # the parser hangs the participle on the recipient ("to employees explaining", "to supporters stating")
    quotes = run(models, "The merger closed on Monday.\n\nAs the chief executive, Lena Voss, put it in her memo to"
                         " employees explaining the deal, \"Imagine a world where we lead the market.\"\n\n"
                         "Dora Ames quickly blasted out an email to supporters stating, \"The governor has lost his way"
                         " on taxes.\"\n\nRita Gold posted her note under a headline that said, \"Storm Closes Every"
                         " School In The County.\"")
    assert [q.speaker for q in quotes[:2]] == ["Lena Voss", "Dora Ames"]
    assert quotes[2].speaker != "Rita Gold"  # a headline over her note is not her words


def test_quotes_speaker_round7_who_after_a_list_is_its_last_item(models):
    quotes = run(models, "The museum opened on Saturday with guests such as Nora Quist, Paul Dane, Rita Lowe and Omar"
                         " Haddad, who joked of the building, ''I have not seen all of it yet, but I am going to.''")
    assert quotes[0].speaker == "Omar Haddad"


def test_quotes_speaker_round7_given_name_alone_takes_the_surname_ner_left_out(models):
    # pinned NER and tags: "“It flows off the lips,” wrote Larry O’Dwyer." with only "Larry" a person and the
    # surname tagged as an adverb
    from test_quotes_speaker_clauses import _parsed
    words = ["“", "It", "flows", "off", "the", "lips", ",", "”", "wrote", "Larry", "O’Dwyer", "."]
    spaces = [False, True, True, True, True, False, False, True, True, True, False, False]
    tags = ["``", "PRP", "VBZ", "IN", "DT", "NNS", ",", "''", "VBD", "NNP", "RB", "."]
    deps = ["punct", "nsubj", "ccomp", "prep", "det", "pobj", "punct", "punct", "ROOT", "nsubj", "advmod", "punct"]
    heads = [2, 2, 8, 2, 5, 3, 8, 8, 8, 8, 8, 8]
    lemmas = ["“", "it", "flow", "off", "the", "lip", ",", "”", "write", "Larry", "O’Dwyer", "."]
    ents = ["O"] * 9 + ["B-PERSON", "O", "O"]
    quotes = _parsed(models, words, spaces, tags, deps, heads, lemmas, ents)
    assert quotes[0].speaker == "Larry O’Dwyer" and quotes[0].source_text == "Larry O’Dwyer"
    # a one-word name that is no given name keeps its own words ("Roe" stays "Roe")
    ents2 = ["O"] * 9 + ["B-PERSON", "O", "O"]
    words2 = words[:9] + ["Roe", "Today", "."]
    lemmas2 = lemmas[:9] + ["Roe", "today", "."]
    other = _parsed(models, words2, spaces, tags, deps, heads, lemmas2, ents2)
    assert other[0].speaker == "Roe"


def test_quotes_speaker_round7_signature_after_a_quote_that_runs_over_paragraphs(models):
    quotes = run(models, "Readers wrote in after the debate.\n\n“The debate was a mess from start to finish.” ― Tom"
                         " Berle\n\n“The moderators lost control of the stage in the first ten minutes.\n\nNobody answered"
                         " a single question about the budget all night long!” ― Nina Castell.\n\n“We need better"
                         " debates than this one in the fall.” ― Paul Varga")
    assert [q.speaker for q in quotes] == ["Tom Berle", "Nina Castell", "Paul Varga"]


def test_quotes_speaker_round7_next_sentence_name_with_its_party_tag(models):
    quotes = run(models, "The hall was loud all night.\n\n\"Perpetual motion!\" Rep. Glenn Tomlin, R-Pa., said of the"
                         " parties.\n\n\"Not again!\" At the door, guards checked the bags.")
    assert quotes[0].speaker == "Glenn Tomlin"
    assert quotes[1].speaker_how != "explicit"  # "At the door, guards ...": a new sentence, not an attribution


def test_quotes_speaker_round7_he_is_never_a_name_used_only_as_a_modifier(models):
    from test_quotes_speaker_clauses import _article
    quotes = _article(models, "Scholarship row\n\nThe candidate spoke in Ohio on Friday. The candidate also continued to"
                              " refute a Politico story about his claim that he had been offered a full scholarship to"
                              " West Point.\n\n\"If a recruiter is trying to get you to come there, those are the words"
                              " that they would use,\" he said.")
    assert quotes[-1].speaker != "Politico"


def test_quotes_speaker_round7_name_ner_ran_into_a_title_case_word(models):
    # pinned NER: '“We won it all,” said Reed Speech.' with "Reed Speech" one person (as in a title-case line)
    from test_quotes_speaker_clauses import _parsed
    words = ["“", "We", "won", "it", "all", ",", "”", "said", "Reed", "Speech", "."]
    spaces = [False, True, True, True, False, False, True, True, True, False, False]
    tags = ["``", "PRP", "VBD", "PRP", "DT", ",", "''", "VBD", "NNP", "NNP", "."]
    deps = ["punct", "nsubj", "ccomp", "dobj", "advmod", "punct", "punct", "ROOT", "compound", "nsubj", "punct"]
    heads = [2, 2, 7, 2, 2, 7, 7, 7, 9, 7, 7]
    lemmas = ["“", "we", "win", "it", "all", ",", "”", "say", "Reed", "Speech", "."]
    ents = ["O"] * 8 + ["B-PERSON", "I-PERSON", "O"]
    quotes = _parsed(models, words, spaces, tags, deps, heads, lemmas, ents)
    assert quotes[0].speaker == "Reed"
    assert quotes[0].speaker_how == "explicit"
