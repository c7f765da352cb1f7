"""Event titles say what happened in the event's own words (verb, object, place), not a type template."""
from __future__ import annotations

from newsdesk.coding import code

DAY = "2024-05-16"


def _titles(text: str) -> list[str]:
    return [e.title or "" for e in code(text, published=DAY)]


def test_events_titles_keep_the_event_noun_and_place(models):
    titles = _titles("In December 2017 Russia and China held joint anti-missile drills in Beijing.")
    assert any("hold joint anti-missile drills" in t and t.endswith("in Beijing") for t in titles), titles
    assert not any("cooperate militarily" in t for t in titles)


def test_events_titles_keep_the_path_to_the_noun(models):
    titles = _titles("China sent 3,000 soldiers to take part in the war games in Siberia.")
    assert any("takes part in war games" in t for t in titles), titles


def test_events_titles_show_modality(models):
    titles = _titles("Russia and China will hold joint naval drills in July.")
    assert titles and all(" will " in t for t in titles), titles


def test_events_every_event_keeps_its_evidence_sentence(models):
    text = "Russia and China held joint naval drills on Monday. Iran could attack Israel within days."
    evs = code(text, published=DAY)
    assert evs
    for e in evs:
        ev = e.evidence[0]
        assert text[ev.start:ev.end] == ev.text and e.title
