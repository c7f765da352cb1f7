"""Constructions without a coded verb (meeting nouns as subjects, partitives), grievance dating, and a few
verb frames (go on strike, decline to, dateline subjects)."""
from test_events_coder_rules import make_ctx

from newsdesk.events.coder import code_events

STATES = {"Chile": ("Q298", "GPE", "CHL"), "Peru": ("Q419", "GPE", "PER"), "Kenya": ("Q114", "GPE", "KEN"),
          "Uganda": ("Q1036", "GPE", "UGA"), "Norway": ("Q20", "GPE", "NOR")}
DAYS = {"Tuesday": ("2024-05-14", "day"), "Monday": ("2024-05-13", "day"), "Thursday": ("2024-05-16", "day")}
ANCHOR = "2024-05-16"


def _events(text: str, places: dict | None = None):
    ctx = make_ctx(text, anchor=ANCHOR, actors=STATES, times=DAYS, places=places)
    evs = code_events(ctx)
    for e in evs:
        assert all(ctx.doc.text[s.start:s.end] == s.text for s in e.evidence)
    return evs


def _pairs(evs, etype):
    return {(e.actor.country, e.target.country if e.target else None, e.date) for e in evs if e.type == etype}


def test_meeting_noun_as_subject_of_an_event_verb():
    for text in ("Talks between Chile and Peru ended in Lima on Tuesday without a joint statement.",
                 "The meeting between Chile and Peru took place on Tuesday.",
                 "The exploratory talks between Chile and Peru on Tuesday produced no breakthrough."):
        assert _pairs(_events(text), "CONSULT") == {("CHL", "PER", "2024-05-14")}, text


def test_passive_talks_take_parties_from_between():
    assert _pairs(_events("Talks between Kenya and Uganda were held on Monday."), "CONSULT") == \
        {("KEN", "UGA", "2024-05-13")}


def test_non_meeting_subject_nouns_are_not_events():
    assert _events("The ceasefire between Kenya and Uganda ended on Tuesday.") == []
    assert _events("The conference hall in Norway opened on Monday to tourists.") == []


def test_partitive_round_of_talks():
    assert _pairs(_events("Chile and Peru held a fresh round of talks on Monday."), "CONSULT") == \
        {("CHL", "PER", "2024-05-13")}


def test_grievance_time_does_not_date_the_protest():
    evs = _events("Kenya lodged a protest on Thursday over Monday's shelling of its border posts.")
    assert {e.date for e in evs if e.type == "PROTEST"} == {"2024-05-16"}
    evs = _events("Kenya lodged a protest over Monday's shelling of its border posts.")
    assert {e.date for e in evs if e.type == "PROTEST"} == {ANCHOR}  # the report's own day, not Monday


def test_condemned_object_time_is_not_the_condemnation_date():
    evs = _events("Peru condemned Monday's attack on its embassy.")
    assert {e.date for e in evs if e.type == "ACCUSE"} == {ANCHOR}


def test_own_time_still_dates_a_meeting_noun_event():
    evs = _events("Chile and Peru held talks on Tuesday over the disputed fishing zone.")
    assert _pairs(evs, "CONSULT") == {("CHL", "PER", "2024-05-14")}


def test_go_on_strike_by_local_group():
    places = {"Kenya": ("Kenya", "KEN", 0.0, 38.0, "country")}
    evs = _events("Thousands of teachers went on strike across Kenya on Monday.", places=places)
    assert {(e.type, e.mode, e.actor.country, e.date) for e in evs} == {("PROTEST", "strike", "KEN", "2024-05-13")}


def test_decline_to_is_a_refusal_but_declining_figures_are_not():
    evs = _events("Norway declined to send a delegation to the meeting.")
    assert [(e.type, e.actor.country) for e in evs] == [("REJECT", "NOR")]
    assert _events("Exports from Norway declined sharply on Monday.") == []


def test_dateline_is_not_the_subject():
    evs = _events("LIMA (Andes Wire) - Chile and Peru sat down on Tuesday for a new round of talks.")
    assert _pairs(evs, "CONSULT") == {("CHL", "PER", "2024-05-14")}


def test_retaliation_targets_the_party_it_answers():
    text = "Kenya slapped duties on Ugandan sugar on Monday, and Uganda retaliated with tariffs of its own."
    evs = _events(text, places=None)
    got = {(e.actor.country, e.target.country if e.target else None) for e in evs if e.type == "SANCTION"}
    assert ("UGA", "KEN") in got


def test_appositive_meeting_noun_does_not_block_a_meeting():
    text = "Chile and Peru met in Lima on Tuesday, the first meeting between their presidents since 2019."
    assert ("CHL", "PER", "2024-05-14") in _pairs(_events(text), "CONSULT")


def test_grievance_target_is_the_agent_of_the_act_complained_of():
    evs = _events("Kenya lodged a protest over the shelling by Uganda of its border posts.")
    assert {(e.actor.country, e.target.country if e.target else None) for e in evs if e.type == "PROTEST"} == \
        {("KEN", "UGA")}


def test_raised_passive_subject_acts_in_the_infinitive():
    evs = _events("Norway is expected to announce new tariffs on Kenya.")
    assert {(e.type, e.actor.country, e.target.country if e.target else None, e.status) for e in evs} == \
        {("SANCTION", "NOR", "KEN", "planned")}
    assert _events("The envoy from Norway was greeted warmly.") == []


def test_trade_halts_are_sanctions():
    evs = _events("Chile halted imports from Peru on Monday.")
    assert _pairs(evs, "SANCTION") == {("CHL", "PER", "2024-05-13")}


def test_year_naming_the_object_does_not_date_the_request():
    text = "Kenya urged Uganda to respect the 2021 ceasefire understanding."
    ctx = make_ctx(text, anchor=ANCHOR, actors=STATES, times={"2021": ("2021", "year")})
    evs = [e for e in code_events(ctx) if e.type == "REQUEST"]
    assert [(e.actor.country, e.target.country, e.date) for e in evs] == [("KEN", "UGA", ANCHOR)]
