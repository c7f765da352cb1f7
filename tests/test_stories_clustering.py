"""Stories group the articles about one happening, even among unrelated stories on the same actors."""
from __future__ import annotations

import itertools

from fixtures.corpus.build import check_provenance
from fixtures.corpus.stories import ARTICLES, record

from newsdesk.corpus import update_corpus

MOSCOW = {"moscow_wire", "moscow_daily", "moscow_analysis"}


def partition(store):
    groups = {}
    for a in store.list_articles():
        groups.setdefault(a["story_id"], set()).add(a["id"])
    return sorted(sorted(g) for g in groups.values())


def expected():
    return sorted([sorted(MOSCOW)] + [[n] for n in ARTICLES if n not in MOSCOW])


def ingest(store, settings, names, with_events=True, one_by_one=False):
    recs = [record(n, with_events) for n in names]
    for r in recs:
        check_provenance(r)
        store.save_record(r)
        if one_by_one:
            update_corpus(store, [r.id], settings)
    if not one_by_one:
        update_corpus(store, [r.id for r in recs], settings)


def test_stories_one_per_happening_with_event_dates(store, settings):
    ingest(store, settings, list(ARTICLES))
    assert partition(store) == expected()
    rows = {tuple(r["articles"]): r for r in store.story_export_rows()}
    moscow = rows[tuple(sorted(MOSCOW))]
    assert moscow["date"] == "2019-06-05" and moscow["end_date"] == "2019-06-05"
    assert moscow["place"]["name"] == "Moscow" and moscow["place"]["lat"] > 50
    assert moscow["title"] in {t for _, t, *_ in ARTICLES.values()}
    assert rows[("beijing_2017",)]["date"] == "2017-05-14"
    assert moscow["events"] == ["moscow_analysis-e0", "moscow_wire-e0"]  # the daily's meeting was merged
    assert moscow["summary"] == []


def test_stories_other_xi_putin_meeting_in_another_year_is_its_own_story(store, settings):
    ingest(store, settings, ["moscow_wire", "beijing_2017", "moscow_daily"], one_by_one=True)
    assert partition(store) == [["beijing_2017"], ["moscow_daily", "moscow_wire"]]


def test_stories_text_alone_separates_happenings(store, settings):
    ingest(store, settings, list(ARTICLES), with_events=False)
    assert partition(store) == expected()


def test_stories_do_not_depend_on_arrival_order(store, settings, tmp_path):
    from newsdesk.config import load_settings
    from newsdesk.store import open_store

    names = list(ARTICLES)
    for n, order in enumerate(itertools.islice(itertools.permutations(names), 0, 3000, 1000)):
        s = load_settings(db=str(tmp_path / f"o{n}.db"))
        with open_store(s.db) as st:
            ingest(st, s, list(order), one_by_one=True)
            assert partition(st) == expected(), order


def test_stories_reprocessing_changes_nothing(store, settings):
    ingest(store, settings, list(ARTICLES))
    before = (partition(store), list(store.story_export_rows()), store.term_stats())
    update_corpus(store, list(ARTICLES), settings)
    assert (partition(store), list(store.story_export_rows()), store.term_stats()) == before


def test_stories_copy_joins_its_original_story_and_is_not_a_source(store, settings):
    ingest(store, settings, ["moscow_wire", "sanctions_2019"])
    copy = record("moscow_wire")
    copy.id, copy.clean.meta.outlet, copy.clean.meta.published = "copy", "Aggregator", "2019-06-07"
    store.save_record(copy)
    update_corpus(store, ["copy"], settings)
    listed = {tuple(sorted(r["articles"])): r for r in store.story_list()}
    row = listed[("copy", "moscow_wire")]
    assert row["sources"] == 1 and row["outlets"] == ["Wire"]
