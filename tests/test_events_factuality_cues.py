"""Factuality of coded events, on sentences written for this test (not from any dev set): each value comes
from the parse, and status stays consistent with it (only asserted/reported events 'happened')."""
from __future__ import annotations

import pytest

from newsdesk.coding import code
from newsdesk.events.factuality import VALUES, status_for

DAY = "2024-05-16"


def _events(text: str, etype: str | None = None) -> list:
    evs = code(text, published=DAY)
    return [e for e in evs if etype is None or e.type == etype]


@pytest.mark.parametrize("text, etype, want", [
    ("Russia and China signed a trade agreement in Moscow on Tuesday.", "AGREE", "asserted"),
    ("Russia and China signed a trade agreement on Tuesday, the Kremlin said.", "AGREE", "reported"),
    ("The Kremlin said that Russia and China signed a trade agreement on Tuesday.", "AGREE", "reported"),
    ("According to the Kremlin, Russia and China signed a trade agreement on Tuesday.", "AGREE", "reported"),
    ("If Iran attacks Israel, the United States will impose sanctions on Iran.", "SANCTION", "hypothetical"),
    ("Iran could attack Israel within days.", "ASSAULT", "hypothetical"),
    ("China has not fought a war with Vietnam since 1979.", "ASSAULT", "negated"),
    ("Russia and China will hold joint naval drills in July.", None, "planned"),
    ("Russia and China plan to hold joint naval drills in July.", None, "planned"),
    ("India and Pakistan are expected to meet in Geneva next week.", "CONSULT", "planned"),
])
def test_events_factuality_from_the_parse(models, text, etype, want):
    evs = _events(text, etype)
    assert evs, f"no {etype} event coded in {text!r}"
    assert {e.factuality for e in evs} == {want}, [(e.type, e.factuality) for e in evs]


def test_events_factuality_analyst_view_is_opinion_not_agreement(models):
    # a commentator's present-tense 'agree on who ...' is a shared view, not an AGREE that happened
    text = ('"They do share a worldview, and Russia and China agree on who their main threats are," said '
            'Jane Doe, a senior fellow at a defence think tank.')
    for e in _events(text, "AGREE"):
        assert e.factuality == "opinion" and e.status != "happened"


def test_events_factuality_commentator_speaker_is_opinion(models):
    text = ("Russia and China have deepened their partnership, said John Roe, an analyst at the "
            "Institute for Strategic Studies.")
    evs = _events(text)
    assert evs and all(e.factuality == "opinion" and e.status == "hypothetical" for e in evs)


def test_events_factuality_status_contract(models):
    texts = ["Russia and China signed a trade agreement in Moscow on Tuesday.",
             "If Iran attacks Israel, the United States will impose sanctions on Iran.",
             "China has not fought a war with Vietnam since 1979.",
             "Russia and China will hold joint naval drills in July."]
    for text in texts:
        for e in _events(text):
            assert e.factuality in VALUES
            assert e.status == status_for(e.factuality)
            assert (e.status == "happened") == (e.factuality in {"asserted", "reported"})


def test_events_negated_war_gives_no_plain_assault(models):
    evs = _events("The Chinese military has not fought a war since 1979.", "ASSAULT")
    assert evs and all(e.status == "negated" for e in evs)
