"""The coder on hand-built Contexts: parties, symmetry, status, dates, places, evidence."""
import re

from newsdesk.events.coder import code_events
from newsdesk.nlp.context import Context, Resources
from newsdesk.nlp.model import load_nlp
from newsdesk.records import Entity, Meta, Mention, Place, TimeExpr


def make_ctx(text: str, anchor: str | None = None, actors: dict[str, tuple[str, str, str | None]] | None = None,
             times: dict[str, tuple[str | None, str | None]] | None = None,
             places: dict[str, tuple[str, str | None, float, float, str]] | None = None,
             dateline: str | None = None) -> Context:
    """actors: surface -> (key, type, iso3); times: surface -> (value, precision);
    places: surface -> (name, iso3, lat, lon, feature). Every occurrence of a surface is marked."""
    doc = load_nlp()(text)
    ctx = Context(doc=doc, meta=Meta(published=anchor, dateline=dateline), anchor=anchor,
                  resources=Resources(registry=None, gazetteer=None))
    for surface, (key, etype, iso) in (actors or {}).items():
        ctx.add_entity(Entity(key=key, name=surface, type=etype, country=iso))
        for m in re.finditer(rf"\b{re.escape(surface)}\b", text):
            ctx.mentions.append(Mention(m.start(), m.end(), surface, key, how="registry"))
    for surface, (value, precision) in (times or {}).items():
        for m in re.finditer(re.escape(surface), text):
            ctx.times.append(TimeExpr(m.start(), m.end(), surface, value, precision))
    for surface, (name, iso, lat, lon, feature) in (places or {}).items():
        for m in re.finditer(rf"\b{re.escape(surface)}\b", text):
            ctx.places.append(Place(m.start(), m.end(), surface, f"geo:{name}", name, iso, lat, lon, None, feature))
    ctx.mentions.sort(key=lambda m: m.start)
    return ctx


COUNTRIES = {"China": ("Q148", "GPE", "CHN"), "Russia": ("Q159", "GPE", "RUS"), "Japan": ("Q17", "GPE", "JPN"),
             "Iran": ("Q794", "GPE", "IRN"), "Ukraine": ("Q212", "GPE", "UKR"), "France": ("Q142", "GPE", "FRA"),
             "Germany": ("Q183", "GPE", "DEU"), "India": ("Q668", "GPE", "IND")}

PEOPLE = {"Li Wei": ("reg:li-wei", "PERSON", "CHN"), "Ivan Petrov": ("reg:ivan-petrov", "PERSON", "RUS")}


def _only(events, etype):
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, [(e.type, e.rule) for e in events]
    return found[0]


def test_events_coder_coordinated_subjects_meet_once_symmetric_with_time_and_place():
    text = "Li Wei and Ivan Petrov met in the port city of Harbin on Tuesday to discuss energy."
    ctx = make_ctx(text, "2021-05-14", actors=PEOPLE, times={"Tuesday": ("2021-05-11", "day")},
                   places={"Harbin": ("Harbin", "CHN", 45.75, 126.65, "city")})
    e = _only(code_events(ctx), "CONSULT")
    assert e.mode == "meet" and e.symmetric
    assert {e.actor.country, e.target.country} == {"CHN", "RUS"}
    assert (e.date, e.date_precision, e.status) == ("2021-05-11", "day", "happened")
    assert e.location == {"name": "Harbin", "country": "CHN", "lat": 45.75, "lon": 126.65}
    assert e.rule == "verb:meet>CONSULT/meet"
    ev = e.evidence[0]
    assert text[ev.start:ev.end] == ev.text and ev.text.startswith("Li Wei")


def test_events_coder_two_leaders_recalls_the_pair_and_history_keeps_its_year():
    text = ("Li Wei hosted Ivan Petrov for talks. The two leaders signed a treaty on grain. "
            "The two countries fought a short war in 1929.")
    ctx = make_ctx(text, "2021-05-14", actors={**PEOPLE, **COUNTRIES}, times={"1929": ("1929", "year")})
    events = code_events(ctx)
    agree = _only(events, "AGREE")
    assert agree.symmetric and {agree.actor.country, agree.target.country} == {"CHN", "RUS"}
    assert agree.date == "2021-05-14" and agree.rule.startswith("light:sign+treaty")
    war = _only(events, "ASSAULT")
    assert war.date == "1929" and war.date_precision == "year" and war.mode == "war"
    assert {war.actor.country, war.target.country} == {"CHN", "RUS"}


def test_events_coder_status_negated_planned_hypothetical():
    ctx = make_ctx("Japan did not sign the accord. France will visit India next month. "
                   "Iran could attack Ukraine if talks fail.", "2022-03-01", actors=COUNTRIES,
                   times={"next month": ("2022-04", "month")})
    events = code_events(ctx)
    assert _only(events, "AGREE").status == "negated"
    visit = _only(events, "CONSULT")
    assert visit.status == "planned" and visit.target.country == "IND" and visit.date == "2022-04"
    attack = _only(events, "ASSAULT")
    assert attack.status == "hypothetical" and attack.date is None


def test_events_coder_no_publication_date_for_background():
    text = ("At their last meeting, China and Russia agreed to cut tariffs. "
            "Japan had condemned Iran. Germany condemned Iran on the same day.")
    ctx = make_ctx(text, "2022-03-01", actors=COUNTRIES, times={"the same day": (None, None)})
    events = code_events(ctx)
    assert _only(events, "AGREE").date is None  # 'last meeting': another occasion
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert [(e.actor.country, e.date) for e in accuse] == [("JPN", None), ("DEU", None)]


def test_events_coder_when_clause_takes_the_time_it_hangs_on():
    text = "It was his first trip to Russia since March 2019, when Li Wei attended a summit in Moscow."
    ctx = make_ctx(text, "2021-05-14", actors={**PEOPLE, **COUNTRIES}, times={"March 2019": ("2019-03", "month")},
                   places={"Moscow": ("Moscow", "RUS", 55.75, 37.62, "city")})
    e = _only(code_events(ctx), "CONSULT")
    assert e.actor.country == "CHN" and e.date == "2019-03" and e.location["name"] == "Moscow"


def test_events_coder_joint_drills_cooperate_unilateral_drills_mobilize_and_targets():
    text = ("China and Russia held joint naval drills. Japan conducted military exercises. "
            "Germany imposed sanctions on Iran. France accused Iran of hacking. Russia urged Ukraine to withdraw.")
    events = code_events(make_ctx(text, "2022-03-01", actors=COUNTRIES))
    coop = _only(events, "COOPERATE")
    assert coop.mode == "military" and coop.symmetric
    assert _only(events, "MOBILIZE").actor.country == "JPN"
    sanction = _only(events, "SANCTION")
    assert (sanction.actor.country, sanction.target.country) == ("DEU", "IRN")
    accuse = _only(events, "ACCUSE")
    assert (accuse.actor.country, accuse.target.country, accuse.mode) == ("FRA", "IRN", "allege")
    assert (_only(events, "REQUEST").target.country) == "UKR"
    assert not any(e.type == "RETREAT" for e in events)  # the content of the request, not an event
    assert not any(e.type == "COERCE" for e in events)


def test_events_coder_dateline_places_the_lead_event_and_unresolved_actor_gives_nothing():
    text = "China and Russia held talks on Monday. Officials criticised the plan."
    ctx = make_ctx(text, "2022-03-01", actors=COUNTRIES, times={"Monday": ("2022-02-28", "day")},
                   places={}, dateline="Geneva")
    events = code_events(ctx)
    assert len(events) == 1
    assert events[0].location["name"] == "Geneva" and events[0].rule.endswith("+dateline")
    assert 0 < events[0].confidence <= 1
