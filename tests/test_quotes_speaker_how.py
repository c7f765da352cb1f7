"""How each quote's speaker was found (speaker_how, speaker_confidence), one short own text per pattern."""
from __future__ import annotations

from newsdesk.nlp.context import Context
from newsdesk.nlp.quotes import extract_quotes
from newsdesk.records import Meta


def run(models, text: str):
    ctx = Context(doc=models.nlp(text), meta=Meta(), anchor=None, resources=models.resources)
    quotes = extract_quotes(ctx)
    for q in quotes:
        assert text[q.start:q.end] == q.text
        assert (q.speaker_how is None) == (q.speaker is None and q.speaker_description is None)
        assert q.speaker_confidence is None if q.speaker_how is None else 0 < q.speaker_confidence <= 1
    return {q.text[:20]: q for q in quotes}


def test_quotes_speaker_how_explicit_said_x_and_x_said(models):
    q = run(models, '"The bridge will open in May," said Laura Brandt, the city engineer. '
                    'Tom Reyes said: "We will believe it when we see it."')
    assert q["The bridge will open"].speaker == "Laura Brandt" and q["The bridge will open"].speaker_how == "explicit"
    assert q["We will believe it w"].speaker == "Tom Reyes" and q["We will believe it w"].speaker_how == "explicit"


def test_quotes_speaker_how_pronoun_takes_the_compatible_person(models):
    text = ("Maria Keller met Peter Olsen at the harbour on Monday to discuss the new ferry contract.\n\n"
            '"We cannot wait another winter for this," she said.')
    quote = run(models, text)["We cannot wait anoth"]
    assert quote.speaker == "Maria Keller" and quote.speaker_how == "pronoun" and quote.speaker_inferred


def test_quotes_speaker_how_pronoun_skips_a_person_of_the_other_gender(models):
    text = ('"The vote was rigged," said Daniel Weiss. Anna Rossi listened to him in silence.\n\n'
            '"He knows that is not true," she said.')
    quote = run(models, text)["He knows that is not"]
    assert quote.speaker == "Anna Rossi" and quote.speaker_how == "pronoun"


def test_quotes_speaker_how_continuation_paragraph_keeps_the_speaker(models):
    text = ('"Our factories are running at full capacity," said Kenji Sato, the company\'s chief executive.\n\n'
            '"We will hire two hundred workers before the end of the year."')
    q = run(models, text)
    assert q["We will hire two hun"].speaker == "Kenji Sato"
    assert q["We will hire two hun"].speaker_how == "continuation"
    assert q["We will hire two hun"].speaker_confidence < q["Our factories are ru"].speaker_confidence


def test_quotes_speaker_how_role_speaker_is_kept_as_words(models):
    text = '"The claims are baseless and we reject them," a spokesman for the ministry said on Tuesday.'
    quote = run(models, text)["The claims are basel"]
    assert quote.speaker is None and quote.speaker_how == "role"
    assert quote.speaker_description == "a spokesman for the ministry"


def test_quotes_speaker_how_group_speaker(models):
    quote = run(models, '"Nobody was hurt in the fire," the fire brigade said.')["Nobody was hurt in t"]
    assert quote.speaker is None and quote.speaker_how == "role" and quote.speaker_description == "the fire brigade"


def test_quotes_speaker_how_according_to(models):
    text = '"The harvest is the worst in twenty years," according to Sofia Lindgren, a farmer in the valley.'
    quote = run(models, text)["The harvest is the w"]
    assert quote.speaker == "Sofia Lindgren" and quote.verb == "according to" and quote.speaker_how == "explicit"


def test_quotes_speaker_how_told(models):
    quote = run(models, '"We had no warning at all," Omar Haddad told reporters.')["We had no warning at"]
    assert quote.speaker == "Omar Haddad" and quote.verb == "tell"


def test_quotes_speaker_how_wrote(models):
    text = 'In a letter to the board, Helen Park wrote: "I can no longer support this plan."'
    quote = run(models, text)["I can no longer supp"]
    assert quote.speaker == "Helen Park" and quote.verb == "write"


def test_quotes_speaker_how_in_a_statement(models):
    text = 'In a statement, Victor Lund said: "The company acted within the law at all times."'
    quote = run(models, text)["The company acted wi"]
    assert quote.speaker == "Victor Lund" and quote.speaker_how == "explicit"


def test_quotes_speaker_how_question_then_speaker(models):
    text = '"Why should the farmers pay for this?" Rachel Moore asked. The minister did not reply.'
    quote = run(models, text)["Why should the farme"]
    assert quote.speaker == "Rachel Moore" and quote.verb == "ask"


def test_quotes_speaker_how_dash_signature(models):
    text = ('"The schools are better than they were ten years ago." ― Elena Duarte\n'
            '"Nobody asked the parents what they wanted." ― Samuel Okoye')
    q = run(models, text)
    assert q["The schools are bett"].speaker == "Elena Duarte"
    assert q["Nobody asked the par"].speaker == "Samuel Okoye"


def test_quotes_speaker_how_ascii_double_apostrophes(models):
    text = "''This is not tax reform,'' said Martin Falk, an economist. ''It is tinkering.''"
    q = run(models, text)
    assert q["This is not tax refo"].speaker == "Martin Falk"
    assert q["It is tinkering."].speaker == "Martin Falk"


def test_quotes_speaker_how_no_speaker_has_no_how(models):
    quote = run(models, "The so-called “green deal” was never signed.")["green deal"]
    assert quote.speaker is None and quote.speaker_how is None and quote.speaker_confidence is None


def test_quotes_speaker_how_full_pipeline_pronoun_and_continuation(models):
    from newsdesk.config import load_settings
    from newsdesk.pipeline import process_article
    from newsdesk.records import RawDoc

    text = ("Harbour workers end strike after pay deal\n\n"
            "Dock workers in the port city voted on Thursday to end a two-week strike after the port authority "
            "offered a pay rise of six percent over two years, union leaders said.\n\n"
            "Grace Mbeki, who chairs the union, met Carlos Ferreira, the port's director, on Wednesday night. "
            "The two sides signed the agreement shortly after midnight.\n\n"
            '"Our members held firm and it paid off," she said.\n\n'
            '"We expect the first ships to be unloaded by Saturday morning."\n\n'
            'The port authority said in a statement that the deal was "fair to both sides and to the city."')
    rec = process_article(RawDoc(source="strike.txt", text=text), models, load_settings(), strict=True)
    q = {x.text[:20]: x for x in rec.quotes}
    assert q["Our members held fir"].speaker == "Grace Mbeki" and q["Our members held fir"].speaker_how == "pronoun"
    assert q["We expect the first "].speaker == "Grace Mbeki"
    assert q["We expect the first "].speaker_how == "continuation"


def test_quotes_speaker_how_name_and_colon_line(models):
    text = ("Okafor: 'We Will Not Close A Single Library.'\n\n"
            "Council leader Ruth Okafor defended the budget on Monday.")
    quote = run(models, text)["We Will Not Close A "]
    assert quote.speaker == "Ruth Okafor" and quote.speaker_how == "explicit"


def test_quotes_speaker_how_continuation_never_crosses_gender(models):
    text = '"We won the final and we deserved it," said Paul Weber.\n\n"I am so proud of the whole team," she said.'
    quote = run(models, text)["I am so proud of the"]
    assert quote.speaker != "Paul Weber"
