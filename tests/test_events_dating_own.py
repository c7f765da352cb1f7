"""Events are dated from their own time expression; passing mentions are not put on the article day."""
from __future__ import annotations

from newsdesk.coding import code

DAY = "2024-05-16"


def _one(text: str, etype: str):
    evs = [e for e in code(text, published=DAY) if e.type == etype]
    assert evs, f"no {etype} in {text!r}"
    return evs[0]


def test_events_dating_own_time_expression(models):
    e = _one("Russia and China held joint naval drills in the Sea of Japan in March 2021.", "COOPERATE")
    assert (e.date, e.date_from) == ("2021-03", "own")


def test_events_dating_lead_event_gets_article_day(models):
    e = _one("Russia and China signed a trade agreement in Moscow.", "AGREE")
    assert (e.date, e.date_from) == (DAY, "article")


def test_events_dating_measured_after_is_resolved_not_article_day(models):
    # "three years after X signed": dated three years before the governing event, never the article day
    e = _one("The new pact comes three years after Russia and China signed a friendship treaty.", "AGREE")
    assert e.date == "2021" and e.date_precision == "year" and e.date_from == "own"


def test_events_dating_relative_clause_of_a_noun_is_not_dated(models):
    text = ("For Xi, the summit comes on the heels of his tour of Europe, where he met French President "
            "Emmanuel Macron.")
    evs = [e for e in code(text, published=DAY) if e.type == "CONSULT"]
    assert evs and all(e.date is None and e.date_from is None for e in evs)


def test_events_dating_background_past_after_the_lead_is_not_dated(models):
    # after the lead, once the story has moved to another time ("in April"), a bare past is background
    text = ("Xi Jinping met Vladimir Putin in Beijing on Thursday. The two leaders discussed trade. "
            "They also talked about energy. Xi Jinping toured Europe in April. "
            "He also met leaders of Serbia and Hungary.")
    evs = [e for e in code(text, published=DAY) if e.type == "CONSULT" and e.target
           and e.target.country in {"SRB", "HUN"}]
    assert evs, "the meeting with Serbia/Hungary was not coded"
    assert all(e.date is None for e in evs)
    assert all(e.actor.name and "Xi" in e.actor.name for e in evs)  # 'He' continues the subject 'Xi'


def test_events_dating_past_after_the_lead_on_the_news_day_keeps_the_article_day(models):
    text = ("Xi Jinping met Vladimir Putin in Beijing on Thursday. The two leaders discussed trade. "
            "They also talked about energy. Later, Xi and Putin signed a joint statement on energy.")
    evs = [e for e in code(text, published=DAY) if e.type == "AGREE"]
    assert evs and all(e.date == DAY and e.date_from == "article" for e in evs)
