"""Group and sector actors, nominal and light-verb events and the CAMEO-derived patterns, through the
pure per-article path (pipeline.extract on a CleanDoc: no ingest, so one sentence is enough)."""
from __future__ import annotations

import json

from newsdesk.events.plover import DATA, load_lexicon, validate
from newsdesk.pipeline import extract
from newsdesk.records import CleanDoc, Meta, RawDoc


def _code(models, text: str, published: str = "2024-03-07", dateline: str | None = None):
    clean = CleanDoc(text=text, source_text=text, offsets=[(0, 0, len(text))],
                     meta=Meta(published=published, dateline=dateline, language="en"))
    rec = extract(RawDoc(source="test", text=text), clean, models.nlp(text), models, strict=True)
    for e in rec.events:
        assert all(text[s.start:s.end] == s.text for s in e.evidence)
    return rec.events


def _one(events, etype):
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, [(e.type, e.actor, e.target) for e in events]
    return found[0]


def test_riot_police_and_protesting_farmers_in_nairobi(models):
    events = _code(models, "Riot police fired tear gas at thousands of farmers protesting outside parliament "
                           "in Nairobi on Tuesday.")
    protest = _one(events, "PROTEST")
    assert protest.actor.country == "KEN" and protest.actor.sector == "AGR" and "farmers" in protest.actor.name
    assert protest.date == "2024-03-05" and protest.status == "happened"
    force = [e for e in events if e.type in {"COERCE", "ASSAULT"}]
    assert len(force) == 1
    assert force[0].actor.country == "KEN" and force[0].actor.sector == "COP"
    assert force[0].target is not None and force[0].target.sector == "AGR" and force[0].target.country == "KEN"
    assert force[0].date == "2024-03-05"


def test_group_country_from_demonym_owner_and_place(models):
    spanish = _one(_code(models, "Thousands of Spanish students staged demonstrations on Monday."), "PROTEST")
    assert (spanish.actor.country, spanish.actor.sector) == ("ESP", "EDU")
    assert spanish.rule.startswith("light:stage+demonstration")  # 'staged' lemmatised 'stag' by the parser
    workers = _one(_code(models, "Thousands of workers went on strike in South Korea on Monday."), "PROTEST")
    assert (workers.actor.country, workers.actor.sector, workers.mode) == ("KOR", "LAB", "strike")
    arrest = _one(_code(models, "Iraqi police detained three journalists in Baghdad."), "COERCE")
    assert (arrest.actor.country, arrest.actor.sector) == ("IRQ", "COP")
    assert (arrest.target.country, arrest.target.sector) == ("IRQ", "MED")


def test_group_without_any_country_is_no_party(models):
    assert _code(models, "Officials criticised the plan.") == []


def test_nominal_events_carry_their_own_actor(models):
    resign = _one(_code(models, "The resignation of Brazilian Planning Minister Joao Sayad was announced on Monday."),
                  "CONCEDE")
    assert resign.actor.country == "BRA"
    sanction = _one(_code(models, "Chinese sanctions on Lithuania hurt exporters."), "SANCTION")
    assert (sanction.actor.country, sanction.target.country) == ("CHN", "LTU")
    # a noun in an adjunct is a mention, not a report
    assert not [e for e in _code(models, "Exports rose in response to the visit by the Chinese premier.")
                if e.type == "CONSULT"]


def test_light_verb_events_and_capability_threats(models):
    offensive = _one(_code(models, "Turkish troops launched an offensive against Kurdish rebels in northern Iraq."),
                     "ASSAULT")
    assert (offensive.actor.country, offensive.actor.sector) == ("TUR", "MIL")
    assert offensive.target.sector == "REB"
    threat = _one(_code(models, "North Korea said it has the capability to strike the United States with "
                                "nuclear missiles."), "THREATEN")
    assert (threat.actor.country, threat.target.country) == ("PRK", "USA")
    assert not [e for e in _code(models, "North Korea said it has the capability to strike the United States.")
                if e.type == "ASSAULT"]


def test_dictionary_verbs_code_and_commerce_verbs_do_not(models):
    kidnap = _one(_code(models, "Rebels kidnapped two Italian engineers in Nigeria on Monday."), "ASSAULT")
    assert kidnap.rule.startswith("cameo_verb:kidnap") and kidnap.actor.sector == "REB"
    # CAMEO lists 'supply' and 'increase' as cooperation; in wire news they are commerce
    assert _code(models, "Saudi Arabia will supply Brazil with oil and increase output.") == []


def test_generated_data_is_valid_and_licensed():
    assert validate() == []
    lex = load_lexicon()
    assert lex.agents["police"] == "COP" and lex.agents["student"] == "EDU"
    assert lex.verbs["kidnap"].extra["cameo"].startswith("181")
    notice = (DATA / "NOTICE.md").read_text(encoding="utf-8")
    assert "MIT License" in notice and "CC BY-SA 4.0" in notice
    about = json.loads((DATA / "cameo_patterns.json").read_text(encoding="utf-8"))["about"]
    assert "NOTICE.md" in about
