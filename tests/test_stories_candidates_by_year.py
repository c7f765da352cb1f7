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


def _story(sid, date, end=None):
    return {"id": sid, "title": sid, "date": date, "end_date": end, "place": None, "summary": [],
            "features": {"terms": {}, "members": {}, "date": date, "end_date": end}}


def _years_of(store, sid, key):
    return sorted(r["year"] for r in store.table_rows("story_keys") if r["story_id"] == sid and r["key"] == key)


def test_stories_keys_follow_a_story_into_a_new_year(store, settings):
    store.save_assignment([_story("s", "1987-12-28")], {}, {}, {"s": {"grain"}})
    assert _years_of(store, "s", "grain") == [1987]
    # the story grows past new year with an article that has other keys: its older keys follow it
    store.save_assignment([_story("s", "1987-12-28", "1988-01-03")], {}, {}, {"s": {"corn"}})
    assert _years_of(store, "s", "grain") == [1987, 1988] and _years_of(store, "s", "corn") == [1987, 1988]
    assert _candidates(store, settings, "1988-01-12") == {"s"}  # its window reaches 1988 only


def test_stories_keys_of_an_absorbed_story_go_under_the_years_of_the_one_it_joined(store, settings):
    store.save_assignment([_story("old", "1987-12-30"), _story("new", "1988-01-02")], {}, {},
                          {"old": {"grain"}, "new": {"corn"}})
    store.save_assignment([_story("old", "1987-12-30", "1988-01-02")], {}, {}, {}, absorbed={"new": "old"})
    assert _years_of(store, "old", "corn") == [1987, 1988] and _years_of(store, "old", "grain") == [1987, 1988]
    assert not [r for r in store.table_rows("story_keys") if r["story_id"] == "new"]


def test_stories_keys_upgrade_from_one_row_per_key_indexes_each_year(store, settings):
    from alembic import command
    from sqlalchemy import text

    from newsdesk.store import core

    _fill(store)
    with store.engine.begin() as conn:
        command.downgrade(core._alembic_config(conn), "0016")
    with store.engine.connect() as conn:  # one row per key and story, as before 0017
        assert sorted(conn.execute(text("SELECT story_id FROM story_keys")).scalars()) == sorted(STORIES)
    with store.engine.begin() as conn:
        command.upgrade(core._alembic_config(conn), "head")
    assert _years_of(store, "dec86", "grain") == [1986, 1987] and _years_of(store, "month", "grain") == [1987]
    assert _years_of(store, "undat", "grain") == [0]
    assert _candidates(store, settings, "1987-01-05") == {"dec86", "month", "undat"}
