"""A dated article reads only the key postings of stories in the months its window reaches (and undated
stories), so that a key common across months and years of coverage costs the postings near the batch;
the exact window test then gives what reading every posting gave."""
from __future__ import annotations

from newsdesk.corpus.stories import DOCS, ArticleFeatures, Clusterer
from newsdesk.corpus.story_assign import candidate_stories
from newsdesk.store.stories import story_months

STORIES = {  # id: (date, end_date)
    "jun86": ("1986-06-01", None),
    "dec86": ("1986-12-29", "1987-01-02"),  # crosses the new year
    "jan87": ("1987-01", None),  # month precision: the whole month
    "mar87": ("1987-03-01", None),
    "y1987": ("1987", None),  # year precision: every month of it
    "mar90": ("1990-03-01", None),
    "undat": (None, None),
}


def _story(sid, date, end=None):
    return {"id": sid, "title": sid, "date": date, "end_date": end, "place": None, "summary": [],
            "features": {"terms": {}, "members": {}, "date": date, "end_date": end}}


def _fill(store) -> None:
    store.save_assignment([_story(sid, d, e) for sid, (d, e) in STORIES.items()], {}, {},
                          {sid: {"grain"} for sid in STORIES})


def _read(store, monkeypatch) -> list[dict]:
    seen: list[dict] = []
    real = store.stories_with_keys

    def spy(keys, months=None):
        hits, dates = real(keys, months=months)
        seen.append(dates)
        return hits, dates

    monkeypatch.setattr(store, "stories_with_keys", spy)
    return seen


def _candidates(store, settings, date, source="event"):
    art = ArticleFeatures("a", date, source, {"grain": 1.0}, None, None)
    probe = Clusterer([], {DOCS: 100, "grain": 5}, settings)
    return set(candidate_stories(store, [art], {"a": ["grain"]}, probe, 30)["a"])


def _months_of(store, sid, key):
    return sorted(r["month"] for r in store.table_rows("story_keys") if r["story_id"] == sid and r["key"] == key)


def test_stories_months_of_a_span():
    assert story_months("1987-03-17", None) == [1987 * 12 + 2]
    assert story_months("1986-12-29", "1987-01-02") == [1986 * 12 + 11, 1987 * 12]
    assert story_months("1987", None) == list(range(1987 * 12, 1987 * 12 + 12))
    assert story_months("1987-02", "1987-03-01") == [1987 * 12 + 1, 1987 * 12 + 2]
    assert story_months(None, None) == [0] and story_months("1987-02-29", None) == [0]  # names no day


def test_stories_candidates_read_only_the_months_the_window_reaches(store, settings, monkeypatch):
    _fill(store)
    seen = _read(store, monkeypatch)
    assert _candidates(store, settings, "1987-01-05") == {"dec86", "jan87", "y1987", "undat"}
    assert set(seen[-1]) == {"dec86", "jan87", "y1987", "undat"}  # December and January read, not March
    assert _candidates(store, settings, "1990-03-03") == {"mar90", "undat"}
    assert set(seen[-1]) == {"mar90", "undat"}


def test_stories_candidates_undated_article_reads_every_month(store, settings, monkeypatch):
    _fill(store)
    seen = _read(store, monkeypatch)
    assert _candidates(store, settings, None) == set(STORIES)
    assert set(seen[-1]) == set(STORIES)


def test_stories_candidates_by_month_equal_reading_every_posting(store, settings, monkeypatch):
    _fill(store)
    real = store.stories_with_keys
    for date in ("1986-12-20", "1987-01-05", "1987-01-30", "1987-02", "1987", "1988-01-02", "1990-02-27"):
        for source in ("event", "published"):
            by_month = _candidates(store, settings, date, source)
            monkeypatch.setattr(store, "stories_with_keys", lambda keys, months=None: real(keys))
            every = _candidates(store, settings, date, source)
            monkeypatch.setattr(store, "stories_with_keys", real)
            assert by_month == every, (date, source)


def test_stories_keys_follow_a_story_into_a_new_month(store, settings):
    mar, apr = 1987 * 12 + 2, 1987 * 12 + 3
    store.save_assignment([_story("s", "1987-03-28")], {}, {}, {"s": {"grain"}})
    assert _months_of(store, "s", "grain") == [mar]
    # the story grows into April with an article that has other keys: its older keys follow it
    store.save_assignment([_story("s", "1987-03-28", "1987-04-03")], {}, {}, {"s": {"corn"}})
    assert _months_of(store, "s", "grain") == [mar, apr] and _months_of(store, "s", "corn") == [mar, apr]
    assert _candidates(store, settings, "1987-04-12") == {"s"}  # its window reaches April only


def test_stories_keys_of_an_absorbed_story_go_under_the_months_of_the_one_it_joined(store, settings):
    mar, apr = 1987 * 12 + 2, 1987 * 12 + 3
    store.save_assignment([_story("old", "1987-03-30"), _story("new", "1987-04-02")], {}, {},
                          {"old": {"grain"}, "new": {"corn"}})
    store.save_assignment([_story("old", "1987-03-30", "1987-04-02")], {}, {}, {}, absorbed={"new": "old"})
    assert _months_of(store, "old", "corn") == [mar, apr] and _months_of(store, "old", "grain") == [mar, apr]
    assert not [r for r in store.table_rows("story_keys") if r["story_id"] == "new"]


def test_stories_keys_upgrade_from_one_row_per_key_indexes_each_month(store, settings):
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
    assert _months_of(store, "dec86", "grain") == [1986 * 12 + 11, 1987 * 12]
    assert len(_months_of(store, "y1987", "grain")) == 12 and _months_of(store, "undat", "grain") == [0]
    assert _candidates(store, settings, "1987-01-05") == {"dec86", "jan87", "y1987", "undat"}
