"""A date that names no real day (29 February of a common year, a 30 February from a feed) dates nothing:
the article falls back to its other dates, and a story holding such a date (stored before) still links."""
from __future__ import annotations

from newsdesk.config import load_settings
from newsdesk.corpus.stories import main_date, summarise_dates


def _art(events, published, times=()):
    return {"events": events, "published": published, "times": list(times)}


def _event(date, eid="e1"):
    return {"id": eid, "status": "happened", "date": date, "confidence": 0.9, "location": None}


def test_stories_impossible_event_date_gives_way_to_a_real_one():
    art = _art([_event("1998-02-29", "bad1"), _event("1998-02-29", "bad2"), _event("1998-02-27", "good")],
               "1998-03-01")  # two reports of the impossible day would outvote the real one
    assert main_date(art) == ("1998-02-27", "event", "good")


def test_stories_impossible_dates_everywhere_leave_the_article_undated():
    lead = {"start": 10, "end": 20, "value": "2023-02-30", "text": "30 Feb"}
    assert main_date(_art([_event("2023-02-30")], "2023-02-30", [lead])) == (None, "none", None)
    assert main_date(_art([], "2023-02-30", [lead]))[0] is None


def test_stories_impossible_stored_date_does_not_stop_linking():
    f = {"members": {"a": {"copy": False, "date": "1998-02-29", "source": "event"},
                     "b": {"copy": False, "date": "1998-02-29", "source": "event"}}}
    summarise_dates(f, load_settings(db="unused.db"))
    assert f["date"] == "1998-02-29" and f["end_date"] == "1998-02-29"
