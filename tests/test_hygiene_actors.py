"""Bylines, reporters, presenters, outlets and fragments are never event actors or targets."""
from __future__ import annotations

from newsdesk.events.hygiene import credited_names, drop_non_actors, is_fragment
from newsdesk.records import Event, Meta, Mention, Party, Span

TEXT = ("Ministers of Norland and Sudmark met in Vessby on Monday, said Anna Berg, a presenter on Coast TV.\n\n"
        "Reporting by Tom Ruiz and Lena Park; Editing by Sam Cole")


def ev(actor: str | None, target: str | None = None, *, entity: str | None = None, country: str | None = None) -> Event:
    return Event(type="CONSULT", mode="meet", actor=Party(actor, entity, country),
                 target=Party(target, None, None) if target else None, date="2031-03-03", date_precision="day",
                 location=None, status="happened", evidence=[Span(0, 10, TEXT[:10])], rule="test", confidence=0.9)


def keep(events, meta=None, mentions=()):
    kept = drop_non_actors(events, meta or Meta(outlet="Coast Gazette", authors=["Maria Lindqvist"]), TEXT, mentions)
    return [(e.actor.name, e.target.name if e.target else None) for e in kept]


def test_bylines_credits_outlets_and_presenters_are_dropped():
    presenter = Mention(start=TEXT.index("Anna"), end=TEXT.index("Anna") + 9, text="Anna Berg", entity="loc:anna",
                        description="a presenter on Coast TV")
    events = [ev("Norland", "Sudmark", country="NRL"),
              ev("Maria Lindqvist", "Sudmark"),  # the article's byline
              ev("Lindqvist", "Norland"),  # the byline's surname alone
              ev("Norland", "Tom Ruiz"), ev("Sam Cole"),  # credited reporter and editor
              ev("Norland", "Anna Berg", entity=None), ev("Anna Berg", entity="loc:anna"),  # a presenter
              ev("Reuters", "Norland"), ev("Norland", "CNN"), ev("Coast Gazette", "Sudmark")]  # outlets
    assert keep(events, mentions=[presenter]) == [("Norland", "Sudmark")]


def test_fragments_are_dropped_and_real_names_kept():
    names = ["minister", "'s Foreign Ministry", "J.", "J. R.", "he", "the", "x", "Putin'", "said Ivanov", "1987", "pro-Texaco"]
    assert all(is_fragment(n) for n in names)
    real = ["Moody's", "Vladimir Putin", "EU", "Texaco", "3M", "de Gaulle", "UN Security Council"]
    assert not any(is_fragment(n) for n in real)
    events = [ev(n, "Norland") for n in names] + [ev("Moody's", "Texaco"), ev("EU", "Norland")]
    assert keep(events) == [("Moody's", "Texaco"), ("EU", "Norland")]


def test_credit_lines_are_read_from_the_text():
    assert {"tom ruiz", "lena park", "sam cole"} <= credited_names(TEXT)
    assert credited_names("By Jane Doe\n\nThe council met.") == {"jane doe"}
    assert credited_names("Ministers met by the river.") == set()
    assert credited_names("By the end of the year, the council and the union will meet.") == set()
