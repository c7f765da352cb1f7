"""A dated article reads only the key postings of stories in the years its window reaches (and undated
stories), so that a key common across years of coverage costs the postings near the batch; the exact
window test then gives what reading every posting gave."""
from __future__ import annotations

from newsdesk.corpus.stories import DOCS, ArticleFeatures, Clusterer
from newsdesk.corpus.story_assign import candidate_stories

STORIES = {  # id: (date, end_date)
    "y1986": ("1986-06-01", None),
    "dec86": ("1986-12-29", "1987-01-02"),  # crosses the new year
    "y1987": ("1987-03-01", None),
    "month": ("1987", None),  # a year-precision story spans the whole year
    "y1990": ("1990-03-01", None),
    "undat": (None, None),
}


def _fill(store) -> None:
    rows = [{"id": sid, "title": sid, "date": d, "end_date": e, "place": None, "summary": [],
             "features": {"terms": {}, "members": {}, "date": d, "end_date": e}} for sid, (d, e) in STORIES.items()]
    store.save_assignment(rows, {}, {}, {sid: {"grain"} for sid in STORIES})


def _read(store, monkeypatch) -> list[dict]:
    seen: list[dict] = []
    real = store.stories_with_keys

    def spy(keys, years=None):
        hits, dates = real(keys, years=years)
        seen.append(dates)
        return hits, dates

    monkeypatch.setattr(store, "stories_with_keys", spy)
    return seen


def _candidates(store, settings, date, source="event"):
    art = ArticleFeatures("a", date, source, {"grain": 1.0}, None, None)
    probe = Clusterer([], {DOCS: 100, "grain": 5}, settings)
    return set(candidate_stories(store, [art], {"a": ["grain"]}, probe, 30)["a"])


def test_stories_candidates_read_only_the_years_the_window_reaches(store, settings, monkeypatch):
    _fill(store)
    seen = _read(store, monkeypatch)
    assert _candidates(store, settings, "1987-01-05") == {"dec86", "month", "undat"}
    assert set(seen[-1]) == {"y1986", "dec86", "y1987", "month", "undat"}  # 1986 and 1987 read, 1990 not
    assert _candidates(store, settings, "1990-03-03") == {"y1990", "undat"}
    assert set(seen[-1]) == {"y1990", "undat"}


def test_stories_candidates_undated_article_reads_every_year(store, settings, monkeypatch):
    _fill(store)
    seen = _read(store, monkeypatch)
    assert _candidates(store, settings, None) == set(STORIES)
    assert set(seen[-1]) == set(STORIES)


def test_stories_candidates_by_year_equal_reading_every_posting(store, settings, monkeypatch):
    _fill(store)
    real = store.stories_with_keys
    for date in ("1986-12-20", "1987-01-05", "1987-06", "1987", "1988-01-02", "1990-02-27"):
        for source in ("event", "published"):
            by_year = _candidates(store, settings, date, source)
            monkeypatch.setattr(store, "stories_with_keys", lambda keys, years=None: real(keys))
            every = _candidates(store, settings, date, source)
            monkeypatch.setattr(store, "stories_with_keys", real)
            assert by_year == every, (date, source)
