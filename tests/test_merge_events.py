"""One real-world event reported by several articles is one exported event with several sources."""
from __future__ import annotations

from fixtures.corpus.build import make_record, text_of
from fixtures.corpus.stories import PUTIN, XI, meet

from newsdesk.corpus import update_corpus
from newsdesk.corpus.merge import same_date, same_place
from newsdesk.export import event_rows

WIRE, DAILY = text_of("xi_moscow_2019_wire.txt"), text_of("xi_moscow_2019_daily.txt")


def merged(store):
    return {e["id"]: e["merged_into"] for e in store.items("events")}


def test_merge_same_meeting_reported_twice_in_either_order(store, settings):
    a = make_record("a", WIRE, published="2019-06-05", events=[meet(XI, PUTIN, "2019-06-05", "Moscow", "held talks")])
    b = make_record("b", DAILY, published="2019-06-06",
                    events=[meet(PUTIN, XI, "2019-06", None, "welcomed Xi Jinping")])
    store.save_record(b)
    update_corpus(store, ["b"], settings)
    store.save_record(a)
    update_corpus(store, ["a"], settings)
    assert merged(store) == {"a-e0": None, "b-e0": "a-e0"}  # the earliest published report is canonical
    (row,) = list(event_rows(store))
    assert row["articles"] == ["a", "b"] and {e["article"] for e in row["evidence"]} == {"a", "b"}
    assert set(row) >= {"id", "type", "mode", "actor", "target", "date", "date_precision", "location", "status",
                        "evidence", "rule", "confidence"}


def test_merge_keeps_different_events_apart(store, settings):
    base = meet(XI, PUTIN, "2019-06-05", "Moscow", "held talks")
    recs = [make_record("a", WIRE, published="2019-06-05", events=[base]),
            make_record("later", DAILY, events=[{**base, "date": "2019-06-15", "evidence": "welcomed Xi Jinping"}]),
            make_record("far", DAILY, events=[{**base, "place": "Vladivostok", "evidence": "welcomed Xi Jinping"}]),
            make_record("call", DAILY, events=[{**base, "mode": "phone", "evidence": "welcomed Xi Jinping"}]),
            make_record("plan", DAILY, events=[{**base, "status": "planned", "evidence": "welcomed Xi Jinping"}])]
    for r in recs:
        store.save_record(r)
    update_corpus(store, [r.id for r in recs], settings)
    assert set(merged(store).values()) == {None}


def test_merge_date_and_place_rules():
    assert same_date("2018-09-11", "2018-09") and same_date("2018-09-11", "2018-09-12")
    assert not same_date("2018-09-11", "2018-09-14") and not same_date("2018", None)
    moscow = {"name": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62}
    assert same_place(moscow, {"name": "Moscow Kremlin", "country": "RUS", "lat": 55.75, "lon": 37.61})
    assert same_place(moscow, None)
    assert not same_place(moscow, {"name": "Vladivostok", "country": "RUS", "lat": 43.1, "lon": 131.9})


def test_merge_date_index_meets_every_event_whose_date_can_agree():
    """DateIndex.near is a superset of the indexed events same_date accepts (so merging through it
    unites the same groups as comparing every pair), and leaves out other months of a busy year."""
    import datetime as dt
    import random

    from newsdesk.corpus.merge import DateIndex

    rng = random.Random(7)
    days = [dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(0, 800)) for _ in range(150)]
    dates = ([d.isoformat() for d in days] + [d.isoformat()[:7] for d in days[:40]] + ["2019", "2020", "2021"]
             + ["2019-12-31", "2020-01-01", "2020-02-29", "2020-03-01", "2020-12-31", "2021-01-01"])
    events = [{"id": f"e{k}", "type": rng.choice(["MEET", "ACCUSE"]), "date": d} for k, d in enumerate(dates)]
    for slack in (0, 1, 3, 40):
        index = DateIndex(slack)
        for ev in events:
            index.add(ev)
        for ev in events:
            near = {c["id"] for c in index.near(ev)}
            want = {c["id"] for c in events if c["type"] == ev["type"] and same_date(ev["date"], c["date"], slack)}
            assert want <= near, (slack, ev)
    index = DateIndex(1)
    for ev in events:
        index.add(ev)
    june = {"id": "x", "type": "MEET", "date": "2019-06-15"}
    assert {c["date"][:7] for c in index.near(june)} <= {"2019-06", "2019"}  # not the other months of 2019
