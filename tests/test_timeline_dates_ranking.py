"""A day's weight is how many distinct articles refer to it; publication days alone barely count."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from paths import FIXTURES, load_script

from newsdesk.cli import cli
from newsdesk.corpus.timeline import timeline, timeline_rows
from newsdesk.corpus.timeline_dates import is_happening_reference

HARBOUR = FIXTURES / "timeline" / "harbour.jsonl"
VOTE, MEETING = "2031-03-06", "2031-03-08"


@pytest.fixture()
def harbour(settings, models, tmp_path):
    """The fixture articles plus a syndicated copy of the second one, ingested through the CLI."""
    lines = HARBOUR.read_text(encoding="utf-8").splitlines()
    copy = json.loads(lines[1]) | {"url": "https://example.net/copy", "outlet": "Aggregator", "published": "2031-03-11"}
    path = tmp_path / "harbour.jsonl"
    path.write_text("\n".join(lines + [json.dumps(copy)]) + "\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["--db", settings.db, "ingest", str(path), "--workers", "1"])
    assert res.exit_code == 0, res.output
    return settings.db


def test_referred_days_outrank_publication_days_and_copies_count_once(harbour, store):
    data = timeline_rows(store, [])
    days = {d["date"]: d for d in data["dates"]}
    assert [d["date"] for d in data["dates"][:2]] == [VOTE, MEETING]
    assert days[VOTE]["score"] == 3 and len(days[VOTE]["sources"]) == 3  # the copy is not a fourth source
    assert days[MEETING]["score"] == 2
    # the days articles were published on, naming no happening of their own, stay below one article's weight
    assert all(d["score"] < 1 and not d["sources"] for d in data["dates"][2:])
    vote = next(r for r in data["rows"] if r["date"] == VOTE)
    assert vote["dated_by"] == "reference" and len(vote["sources"]) == 3
    ev = vote["evidence"]
    text = store.article_row(ev["article"])["text"]
    assert text[ev["start"]:ev["end"]] == ev["text"] and ("Thursday" in ev["text"] or "March 6" in ev["text"])
    assert {s["url"] for s in vote["sources"]} >= {"https://example.org/harbour/1", "https://example.org/harbour/3"}


def test_top_and_min_sources_select_days(harbour, store):
    assert [r.date for r in timeline(store, [], top=2)] == [VOTE, MEETING]
    assert [r.date for r in timeline(store, [], min_sources=3)] == [VOTE]
    assert [r.date for r in timeline(store, [], min_sources=2, since="2031-03-07")] == [MEETING]
    # without any publication weight only the referred-to days have rows
    assert [r.date for r in timeline(store, [], lead_weight=0)] == [VOTE, MEETING]


def test_period_bounds_levels_and_plans_are_not_happenings():
    def ok(sentence: str, expr: str, value: str, published: str = "2031-03-10") -> bool:
        i = sentence.index(expr)
        return is_happening_reference(sentence, i, i + len(expr), value, published)

    assert ok("The council voted on Thursday to close the harbour.", "Thursday", VOTE)
    assert not ok("Arrivals for the week ended March 6 were 155,221 bags.", "March 6", VOTE)
    assert not ok("Shares fell from Thursday's close of 31 dlrs.", "Thursday", VOTE)
    assert not ok("At March 6 the firm had 2.9 billion dlrs in cash.", "March 6", VOTE)
    assert ok("The plan was approved at Thursday's meeting.", "Thursday", VOTE)
    assert not ok("The union will march on March 12.", "March 12", "2031-03-12")  # after publication: a plan
    assert not ok("The council voted in 2031.", "2031", "2031")  # not a day


def test_timeline_cli_formats_carry_evidence_sources_and_scores(harbour):
    runner = CliRunner()
    res = runner.invoke(cli, ["--db", harbour, "timeline", "--all", "--json", "--top", "1"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert [d["date"] for d in data["dates"]] == [VOTE] and data["rows"][0]["score"] == 3
    res = runner.invoke(cli, ["--db", harbour, "timeline", "--format", "jsonl", "--min-sources", "2"])
    lines = [json.loads(x) for x in res.output.splitlines()]
    assert [x["date"] for x in lines] == [VOTE, MEETING]
    assert {"score", "evidence", "sources", "dated_by"} <= set(lines[0]) and lines[0]["evidence"]["url"]
    res = runner.invoke(cli, ["--db", harbour, "timeline", "--format", "csv", "--top", "2"])
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert [r["date"] for r in rows] == [VOTE, MEETING] and rows[0]["score"] == "3.0" and rows[0]["evidence_text"]
    res = runner.invoke(cli, ["--db", harbour, "timeline", "CHN", "--all"])
    assert res.exit_code == 2


def test_date_selection_score_and_publication_baseline():
    score = load_script("score_timeline_dates")
    ref = [VOTE, MEETING]
    assert score.f1([VOTE, "2031-03-12", MEETING], ref) == 0.5
    data = {"dates": [{"date": MEETING, "score": 2}, {"date": VOTE, "score": 1}, {"date": "2031-03", "score": 5}]}
    assert score.ranked_days(data) == [MEETING, VOTE]
    arts = [{"published": "2031-03-12", "text": "a"}, {"published": "2031-03-12", "text": "b"},
            {"published": "2031-03-07", "text": "c"}, {"published": "2031-03-07", "text": "c"}]
    assert score.baseline_days(arts) == ["2031-03-12", "2031-03-07"]  # the repeated story counts once


def test_actor_timeline_counts_days_named_beside_the_actor(harbour, store):
    # only the union article names Petra Holm, in the sentence about the vote and (as "her") the meeting
    data = timeline_rows(store, ["Petra Holm"])
    assert [(d["date"], d["score"]) for d in data["dates"]] == [(VOTE, 1), (MEETING, 1)]
    assert {s["url"] for r in data["rows"] for s in r["sources"]} == {"https://example.org/harbour/3"}
