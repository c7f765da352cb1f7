"""resolve_places on texts written for the tests: locative use, datelines, disambiguation, offsets."""
from __future__ import annotations

from pathlib import Path

from newsdesk.nlp.context import Context
from newsdesk.nlp.places import resolve_places
from newsdesk.records import Meta, Mention

FIX = Path(__file__).parent / "fixtures" / "extract"


def _places(models, text, mentions=()):
    ctx = Context(doc=models.nlp(text), meta=Meta(), anchor=None, resources=models.resources,
                  mentions=list(mentions))
    return ctx, resolve_places(ctx)


def test_places_offsets_and_entities(models):
    text = (FIX / "article_conflict.txt").read_text(encoding="utf-8")
    ctx, places = _places(models, text)
    assert places
    for p in places:
        assert text[p.start:p.end] == p.text
        assert p.entity in ctx.entities and ctx.entities[p.entity].type in ("GPE", "LOC")
    names = {p.text: p for p in places}
    assert names["GENEVA"].country == "CHE"  # dateline
    assert names["Goma"].country == "COD"
    assert names["Lake Kivu"].feature == "lake"


def test_places_dateline_with_country(models):
    _, places = _places(models, "NAIROBI, Kenya -- Kenya and Tanzania signed a pact in Arusha on Tuesday.")
    got = [(p.text, p.name, p.country) for p in places]
    assert got[0] == ("NAIROBI", "Nairobi", "KEN")
    assert ("Kenya", "Kenya", "KEN") in got
    assert any(p.text == "Arusha" and p.country == "TZA" for p in places)


def test_places_actor_use_is_not_a_place(models):
    _, places = _places(models, "China agreed to buy more wheat, and Canada's minister said exports to China would grow.")
    assert [p.text for p in places] == ["China"]
    assert places[0].start > 40  # only "exports to China"


def test_places_population_and_exact_names(models):
    _, places = _places(models, "Protesters gathered in Moscow and in Samarkand, and later in Kiev.")
    got = {p.text: p.country for p in places}
    assert got == {"Moscow": "RUS", "Samarkand": "UZB", "Kiev": "UKR"}


def test_places_georgia_country_or_state(models):
    _, p1 = _places(models, "Russian troops remain in Georgia, in the breakaway region near Tbilisi.")
    assert [p.country for p in p1 if p.text == "Georgia"] == ["GEO"]
    _, p2 = _places(models, "The candidate campaigned in Atlanta and across Georgia before flying to Ohio.")
    assert [p.feature for p in p2 if p.text == "Georgia"] == ["state"]


def test_places_seas_regions_and_country_points(models):
    _, places = _places(models, "Tankers waited in the Red Sea and off the coast of Yemen, far from Central Asia.")
    got = {p.text: p for p in places}
    assert got["Red Sea"].feature == "sea" and got["Red Sea"].entity.startswith("geo:x:")
    assert got["Yemen"].feature == "country" and got["Yemen"].lat is not None
    assert got["Central Asia"].feature == "region"


def test_places_metonym_mentions_are_skipped(models):
    text = "Officials travelled to Beijing on Monday."
    start = text.index("Beijing")
    _, places = _places(models, text, [Mention(start, start + 7, "Beijing", "reg:china", how="metonym")])
    assert places == []
