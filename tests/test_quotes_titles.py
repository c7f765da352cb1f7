"""Speakers named by title, apposition or pronoun: own sentences, run after the actors stage like the pipeline."""
from __future__ import annotations

from newsdesk.nlp.actors import link_actors
from newsdesk.nlp.context import Context
from newsdesk.nlp.quote_titles import head_words
from newsdesk.nlp.quotes import extract_quotes
from newsdesk.records import Meta


def run(models, text: str, actors: bool = True):
    ctx = Context(doc=models.nlp(text), meta=Meta(published="2024-05-02"), anchor="2024-05-02",
                  resources=models.resources)
    if actors:
        ctx.mentions = link_actors(ctx)
    quotes = extract_quotes(ctx)
    for q in quotes:
        assert text[q.start:q.end] == q.text
    return {q.text[:20]: q for q in quotes}


def test_quotes_titles_trailing_attribution_first_name_speaks(models):
    text = "“The harvest was a disaster,” Tomasz Nowak, a Polish Farmers Union official, told reporters."
    assert run(models, text)["The harvest was a di"].speaker == "Tomasz Nowak"


def test_quotes_titles_country_adjective_is_not_the_speaker(models):
    text = "“Nothing is agreed until everything is agreed,” a French diplomat said after the meeting in Vienna."
    q = run(models, text)["Nothing is agreed un"]
    assert q.speaker is None and "diplomat" in (q.speaker_description or "")


def test_quotes_titles_the_role_resolves_by_description(models):
    text = ("Omar Haddad, an adviser to the finance ministry, presented the budget on Monday. "
            "Leila Farouk, an analyst who has criticised the adviser for years, called it timid. "
            "Markets rose on the news. Bond yields fell to their lowest level since March.\n\n"
            "The adviser said the plan was “on track”.")
    assert run(models, text)["on track"].speaker == "Omar Haddad"


def test_quotes_titles_shared_surname_follows_the_title(models):
    text = ("Interior minister Choi Young-soo said the border was calm. Major Choi Dong-hyun, an army spokesman, "
            "said patrols had been doubled. “Every unit is on alert,” Major Choi said.\n\n"
            "Minister Choi later said the government would act “with restraint”.")
    got = run(models, text)
    assert got["Every unit is on ale"].speaker == "Choi Dong-hyun"
    assert got["with restraint"].speaker.startswith("Choi Young")  # the right Choi (name span is NER's)


def test_quotes_titles_unnamed_speaker_blocks_the_pronoun(models):
    text = ("Chile's mining minister, Rodrigo Vidal, has said the strike must end. "
            "A union spokeswoman said workers had “no reason to trust” the company. "
            "“We will stay out,” she added.")
    got = run(models, text)
    assert got["We will stay out"].speaker is None


def test_quotes_titles_split_quote_second_half_is_whole(models):
    text = "“The deal is fair,” the envoy, Marta Silva, said, “and it protects both sides.”"
    got = run(models, text)
    assert not got["and it protects both"].partial and got["and it protects both"].speaker == "Marta Silva"


def test_quotes_titles_fragments_of_one_sentence_share_the_speaker(models):
    text = "Marta Silva said Lisbon wanted “a fair price” that reflected its “real costs”."
    got = run(models, text)
    assert got["a fair price"].speaker == got["real costs"].speaker == "Marta Silva"


def test_quotes_titles_according_to_a_name_ner_missed(models):
    text = "“Rents will keep rising,” according to Ines Carvalho, an economist at the Lisbon Housing Institute."
    assert run(models, text, actors=False)["Rents will keep risi"].speaker == "Ines Carvalho"


def test_quotes_titles_description_head_only():
    assert "adviser" in head_words("an adviser to the finance ministry")
    assert "adviser" not in head_words("an analyst who has criticised the adviser")
