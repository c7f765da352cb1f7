"""The coder over the real pipeline on the seed articles (read from ../shared, never copied).

The cleaner finds no publication date in these plain-text seeds, so relative dates ("on Tuesday",
"in February") cannot resolve there; the second group supplies the publication date as the anchor,
as the cleaner would for a dated page.
"""
from __future__ import annotations

import pytest

from newsdesk.config import load_settings
from newsdesk.events.coder import code_events
from newsdesk.nlp.context import Context
from newsdesk.pipeline import STAGES, prepare
from newsdesk.records import RawDoc


def _events(models, path, anchor=None):
    clean = prepare(RawDoc(source=str(path), text=path.read_text(encoding="utf-8")), load_settings())
    if anchor:
        clean.meta.published = anchor
    doc = models.nlp(clean.text)
    ctx = Context(doc=doc, meta=clean.meta, anchor=clean.meta.published, resources=models.resources)
    for name, stage, attr in STAGES:
        if name in {"events", "quotes"}:
            continue
        setattr(ctx, attr, stage(ctx))
    events = code_events(ctx)
    for e in events:
        for span in e.evidence:
            assert clean.text[span.start:span.end] == span.text
    return events


def _find(events, etype, countries, date=None, place=None):
    for e in events:
        got = {e.actor.country, e.target.country if e.target else None}
        if e.type == etype and got == set(countries) and (date is None or e.date == date) \
                and (place is None or (e.location or {}).get("name") == place):
            return e
    raise AssertionError(f"no {etype} {countries} {date} {place} in "
                         f"{[(e.type, e.actor.country, e.target and e.target.country, e.date) for e in events]}")


@pytest.fixture(scope="module")
def seeds(seed_paths):
    return {p.name[:3]: p for p in seed_paths}


def test_events_seeds_history_in_passing_keeps_its_own_dates(models, seeds):
    e004 = _events(models, seeds["004"])
    war = _find(e004, "ASSAULT", {"CHN", "RUS"}, date="1969")
    assert war.symmetric and war.status == "happened"
    assert _find(e004, "COOPERATE", {"CHN", "RUS"}, date="2012").mode == "military"
    e003 = _events(models, seeds["003"])
    assert _find(e003, "COOPERATE", {"CHN", "RUS"}, date="2001").rule.startswith("verb:found")
    e002 = _events(models, seeds["002"])
    assert _find(e002, "CONSULT", {"RUS", None}, date="2023-10").mode == "multilateral"


def test_events_seeds_summits_are_one_symmetric_meeting_in_place(models, seeds):
    e000 = _events(models, seeds["000"])
    lead = _find(e000, "CONSULT", {"CHN", "RUS"}, place="Vladivostok")
    assert lead.symmetric and lead.mode == "meet" and lead.location["lat"] is not None
    e002 = _events(models, seeds["002"])
    assert _find(e002, "CONSULT", {"CHN", "RUS"}, place="Beijing").symmetric
    # no publication date: relative dates stay unresolved rather than wrong
    assert all(e.date is None for e in e000 if e.type == "CONSULT")


def test_events_seeds_with_a_publication_anchor(models, seeds):
    e000 = _events(models, seeds["000"], anchor="2018-09-11")
    lead = _find(e000, "CONSULT", {"CHN", "RUS"}, place="Vladivostok")
    assert (lead.date, lead.date_precision) == ("2018-09-11", "day")
    e003 = _events(models, seeds["003"], anchor="2022-09-15")
    beijing = _find(e003, "CONSULT", {"CHN", "RUS"}, place="Beijing")
    assert beijing.date == "2022-02"
    assert _find(e003, "CONSULT", {"CHN", "RUS"}, date="2022-09-15").symmetric
    e004 = _events(models, seeds["004"], anchor="2018-10-01")
    assert _find(e004, "COOPERATE", {"CHN", "RUS"}, date="2017-07", place="Baltic Sea").mode == "military"
    assert _find(e004, "ASSAULT", {"CHN", "RUS"}, date="1969")
