"""Timelines list an actor's or a dyad's dated events once each, with distinct original sources."""
from __future__ import annotations

import json

from click.testing import CliRunner
from fixtures.corpus.stories import ARTICLES, record

from newsdesk.cli import cli
from newsdesk.corpus import timeline, update_corpus
from newsdesk.corpus.timeline import describe_event


def load(store, settings, names=tuple(ARTICLES)):
    for n in names:
        store.save_record(record(n))
    update_corpus(store, list(names), settings)


def test_timeline_dyad_is_chronological_and_merges_reports(store, settings):
    load(store, settings)
    rows = timeline(store, ["CHN", "RUS"])
    assert [(r.date, r.type) for r in rows] == [("2017-05-14", "CONSULT"), ("2019-06", "CONSULT"),
                                                ("2019-06-05", "CONSULT")]
    meeting = rows[-1]
    assert meeting.articles == ["moscow_daily", "moscow_wire"] and meeting.events == ["moscow_wire-e0"]
    assert meeting.title == "Xi Jinping and Vladimir Putin meet in Moscow" and meeting.place == "Moscow"
    # a person ref matches that person, not every event of their country
    assert [r.date for r in timeline(store, ["Q148", "Vladimir Putin"], since="2018")] == ["2019-06-05"]
    assert timeline(store, ["RUS", "CHN"], until="2019-05") == rows[:1]


def test_timeline_single_actor_and_copies_count_once(store, settings):
    load(store, settings)
    copy = record("moscow_wire")
    copy.id, copy.clean.meta.outlet, copy.clean.meta.published = "copy", "Aggregator", "2019-06-08"
    store.save_record(copy)
    update_corpus(store, ["copy"], settings)
    rows = timeline(store, ["Narendra Modi"])
    assert [(r.date, r.title) for r in rows] == [("2021-12-06", "Vladimir Putin and Narendra Modi meet in New Delhi")]
    china = timeline(store, ["CHN"])
    assert {r.type for r in china} == {"CONSULT", "MOBILIZE", "SANCTION"}
    moscow = next(r for r in china if r.date == "2019-06-05")
    assert moscow.articles == ["moscow_daily", "moscow_wire"]  # the copy is not a second source


def test_timeline_describes_events_without_a_target():
    row = {"type": "MOBILIZE", "mode": "exercise", "actor_name": "China", "target_name": None,
           "location": {"name": "Fujian"}}
    assert describe_event(row) == "China holds military exercises in Fujian"


def test_timeline_cli_jsonl_and_unknown_actor(store, settings):
    load(store, settings)
    runner = CliRunner()
    res = runner.invoke(cli, ["--db", settings.db, "timeline", "CHN", "RUS", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.output.splitlines()]
    assert [x["date"] for x in lines] == ["2017-05-14", "2019-06", "2019-06-05"]
    assert set(lines[0]) == {"date", "date_precision", "title", "type", "place", "articles", "events", "score",
                             "dated_by", "evidence", "sources"}
    res = runner.invoke(cli, ["--db", settings.db, "timeline", "Nobody Atall"])
    assert res.exit_code == 2 and "no actor" in res.output
    res = runner.invoke(cli, ["--db", settings.db, "stories"])
    assert res.exit_code == 0 and "Daily Courier" in res.output
