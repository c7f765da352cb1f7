"""The coder's clause-level rules on hand-built Contexts (own sentences): denied conjuncts, pending clauses,
assent without an agreement, earlier visits, simultaneous clauses, bounds, attack places, story places."""
from test_events_coder_rules import make_ctx

from newsdesk.events.coder import code_events

PEOPLE = {"Lula": ("p:lula", "PERSON", "BRA"), "Modi": ("p:modi", "PERSON", "IND"),
          "Ramaphosa": ("p:rama", "PERSON", "ZAF")}
COUNTRIES = {"Chile": ("c:chl", "GPE", "CHL"), "Peru": ("c:per", "GPE", "PER"), "Bolivia": ("c:bol", "GPE", "BOL"),
             "Ghana": ("c:gha", "GPE", "GHA"), "Togo": ("c:tgo", "GPE", "TGO"), "Brazil": ("c:bra", "GPE", "BRA"),
             "Argentina": ("c:arg", "GPE", "ARG"), "Ecuador": ("c:ecu", "GPE", "ECU")}


def _one(events, etype):
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, [(e.type, e.actor.country, e.target and e.target.country) for e in events]
    return found[0]


def test_events_context_denied_conjunct_is_negated():
    text = "The conference has been attended by ministers from Chile and Peru, but never Bolivia."
    ev = code_events(make_ctx(text, "2021-05-01", actors=COUNTRIES))
    assert any(e.type == "CONSULT" and e.status == "happened" for e in ev)
    assert not any("BOL" in {e.actor.country, e.target and e.target.country} and e.status == "happened" for e in ev)


def test_events_context_until_clause_is_not_a_report():
    text = "Ghana said it would keep its border closed until Togo withdraws its troops."
    ev = code_events(make_ctx(text, "2020-02-03", actors=COUNTRIES))
    assert _one(ev, "RETREAT").status == "hypothetical"


def test_events_context_past_until_clause_stays_a_report():
    text = "Ghana kept its border closed until Togo withdrew its troops in March."
    ev = code_events(make_ctx(text, "2020-06-03", actors=COUNTRIES, times={"March": ("2020-03", "month")}))
    retreat = _one(ev, "RETREAT")
    assert retreat.status == "happened" and retreat.date == "2020-03"


def test_events_context_assent_without_object_is_no_agreement():
    bare = code_events(make_ctx("Lula agreed, noting that trade had doubled.", "2023-04-14", actors=PEOPLE))
    assert not any(e.type == "AGREE" for e in bare)
    real = code_events(make_ctx("Lula agreed to lower tariffs on fertiliser.", "2023-04-14", actors=PEOPLE))
    assert _one(real, "AGREE").status == "happened"


def test_events_context_first_visit_since_when_is_an_earlier_visit():
    text = ("Modi visited Accra on Monday, his first trip to Ghana since 2016, "
            "when he attended a regional summit.")
    ctx = make_ctx(text, "2023-07-04", actors={**PEOPLE, **COUNTRIES}, times={"Monday": ("2023-07-03", "day"),
                   "2016": ("2016", "year")}, places={"Accra": ("Accra", "GHA", 5.6, -0.2, "city"),
                                                      "Ghana": ("Ghana", "GHA", 8.0, -1.0, "country")})
    ev = code_events(ctx)
    dates = sorted((e.mode, e.date, e.target and e.target.country) for e in ev if e.type == "CONSULT")
    assert ("visit", "2016", "GHA") in dates and ("visit", "2023-07-03", "GHA") in dates


def test_events_context_simultaneous_clause_dates_the_main_clause():
    text = "As ministers gathered in Quito in May 2019, Lula and Ramaphosa met ahead of the summit in Lima."
    ctx = make_ctx(text, "2019-09-01", actors=PEOPLE, times={"May 2019": ("2019-05", "month")},
                   places={"Quito": ("Quito", "ECU", -0.2, -78.5, "city"), "Lima": ("Lima", "PER", -12.0, -77.0, "city")})
    meet = _one(code_events(ctx), "CONSULT")
    assert meet.date == "2019-05" and meet.location["name"] == "Lima"


def test_events_context_bounds_do_not_date_the_event():
    text = "Chile and Peru hope to resume talks before the end of the year."
    ev = code_events(make_ctx(text, "2022-03-01", actors=COUNTRIES, times={"the end of the year": ("2022", "year")}))
    assert _one(ev, "CONSULT").date is None


def test_events_context_time_on_governing_verb_dates_participle():
    text = "Argentina expelled two diplomats from Ecuador on Friday, accusing Ecuador of meddling."
    ev = code_events(make_ctx(text, "2022-03-06", actors=COUNTRIES, times={"Friday": ("2022-03-04", "day")}))
    assert _one(ev, "ACCUSE").date == "2022-03-04"


def test_events_context_attack_on_a_place_targets_its_country():
    text = "Chilean jets bombed a depot in Bolivia on Sunday."
    ctx = make_ctx(text, "2020-01-06", actors={"Chilean": ("c:chl", "GPE", "CHL")},
                   places={"Bolivia": ("Bolivia", "BOL", -16.0, -64.0, "country")})
    assert _one(code_events(ctx), "ASSAULT").target.country == "BOL"


def test_events_context_definite_summit_place_locates_the_lead_meeting():
    text = ("Lula and Ramaphosa met on Tuesday for the first time in two years. "
            "The summit in Durban, which ends on Friday, will also admit two new members.")
    ctx = make_ctx(text, "2024-03-05", actors=PEOPLE, times={"Tuesday": ("2024-03-05", "day")},
                   places={"Durban": ("Durban", "ZAF", -29.9, 31.0, "city")})
    meet = next(e for e in code_events(ctx) if e.type == "CONSULT")
    assert meet.location["name"] == "Durban" and meet.rule.endswith("+story_place")
