"""Times counted from the story's own dates, and tenses that look ahead (own sentences)."""
from __future__ import annotations

from newsdesk.nlp.context import Context
from newsdesk.nlp.times import extract_times
from newsdesk.records import Meta


def _times(models, text, anchor="2024-06-04"):
    ctx = Context(doc=models.nlp(text), meta=Meta(), anchor=anchor, resources=models.resources)
    got = extract_times(ctx)
    for t in got:
        assert text[t.start:t.end] == t.text
    return [(t.text, t.value) for t in got]


def test_times_offsets_count_from_the_last_date(models):
    got = _times(models, "Parliament was dissolved on Friday, May 10. Three days later, the speaker resigned. "
                         "The following day the cabinet met.")
    assert got == [("Friday, May 10", "2024-05-10"), ("Three days later", "2024-05-13"),
                   ("The following day", "2024-05-14")]


def test_times_offsets_relative_to_an_event_are_not_dated(models):
    got = _times(models, "Parliament was dissolved on May 10. The speaker resigned two days after the vote.")
    assert got == [("May 10", "2024-05-10")]


def test_times_offsets_without_a_date_stay_unresolved(models):
    assert _times(models, "The rebels withdrew. Two days later, fighting resumed.") == [("Two days later", None)]


def test_times_offsets_year_after_a_month(models):
    assert _times(models, "The war began in March 2020. A year later it ended.")[-1] == ("A year later", "2021")


def test_times_scheduled_and_subordinate_present_look_ahead(models):
    got = _times(models, "The vote is scheduled for October 3. The new chief takes office once parliament "
                         "approves her in February. The vote was scheduled for October 3 last time too.")
    assert got[0] == ("October 3", "2024-10-03") and ("February", "2025-02") in got
    assert got[-1][1] == "2023-10-03"


def test_times_bare_year_after_into(models):
    assert ("2026", "2026") in _times(models, "The cuts will run into 2026.")
