"""An article with no date but a wire dateline's day ("LONDON, March 11 -", no year) is kept out of the
stories that no year's March 11 comes near: undated, it used to fall within every story's window, and in a
store of one month's wire copy it joined daily reports from weeks apart. Invented reports throughout."""
from __future__ import annotations

import datetime as dt
import json

from newsdesk.config import load_settings
from newsdesk.corpus.stories import ArticleFeatures, Clusterer, Story, days_in_years
from newsdesk.ingest import ingest_paths


def _story(date: str, end: str) -> Story:
    member = {"date": date, "source": "published", "place": None, "event": None, "copy": False, "pair": None,
              "actors": [], "score": None}
    return Story("s", {"terms": {"market": 1.0}, "members": {"m": member}, "date": date, "end_date": end})


def _undated(day: str | None) -> ArticleFeatures:
    return ArticleFeatures("a", None, "none", {"market": 1.0}, None, None, day=day)


def test_a_dateline_day_keeps_an_undated_article_to_the_stories_near_it():
    cl = Clusterer([], {}, load_settings(db=":memory:"))  # window 10 days; a filed report looks 30 days back
    st = _story("1987-03-25", "1987-03-31")
    assert cl.in_window(_undated(None), st)  # no day at all: any story, as before
    assert cl.in_window(_undated("03-26"), st)
    assert cl.in_window(_undated("04-20"), st)  # filed later, about what happened weeks before
    assert not cl.in_window(_undated("03-12"), st)  # filed before the story began: another happening
    assert not cl.in_window(_undated("06-30"), st)
    # the year is unknown: a day just across New Year is near, in the year before or after
    assert cl.in_window(_undated("12-30"), _story("1988-01-02", "1988-01-05"))
    assert cl.in_window(_undated("01-03"), _story("1987-12-28", "1987-12-30"))
    # an undated story has no window to keep anything out
    assert cl.in_window(_undated("03-12"), Story("u", {"terms": {}, "members": {}, "date": None, "end_date": None}))


def test_days_in_years_skips_a_february_29_that_a_year_lacks():
    span = (dt.date(1987, 3, 1).toordinal(), dt.date(1989, 3, 1).toordinal())
    assert [dt.date.fromordinal(d).year for d in days_in_years("02-29", span)] == [1988]
    assert len(days_in_years("03-01", span)) == 5  # 1986 to 1990


def test_undated_wire_reports_with_dateline_days_weeks_apart_are_different_stories(models, store, settings,
                                                                                  tmp_path):
    text = ("The Bank of England said it provided the money market with {n} mln stg of assistance in the "
            "morning session, buying bills outright in band one at 10-7/8 pct, after forecasting a shortage "
            "of around {s} mln stg in the system today, dealers said.")
    rows = [{"url": f"https://wire.example/{k}", "outlet": "Example Wire", "title": "U.K. MONEY MARKET GIVEN HELP",
             "dateline": dateline, "text": text.format(n=n, s=sh)}
            for k, dateline, n, sh in (("a", "LONDON, March 2 -", 215, 400), ("b", "LONDON, March 3 -", 216, 400),
                                       ("c", "LONDON, April 24 -", 97, 300))]
    rows.insert(0, {**rows[0], "url": "https://wire.example/dated", "published": "1987-03-02", "dateline": None,
                    "text": text.format(n=215, s=450)})
    src = tmp_path / "wire.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    ingest_paths([src], store, settings, workers=1)
    key = {r["id"]: r["url"].rsplit("/", 1)[-1] for r in store.table_rows("articles")}
    assert {r["dateline_day"] for r in store.table_rows("articles")} == {None, "03-02", "03-03", "04-24"}
    groups = sorted(sorted(key[a] for a in s["articles"]) for s in store.story_export_rows() if s["articles"])
    assert ["a", "b", "dated"] in groups and ["c"] in groups


def test_the_dateline_day_shows_in_the_api_and_on_the_article_page(models, store, settings, tmp_path):
    from fastapi.testclient import TestClient

    from api_fixtures import app_settings
    from newsdesk.server.app import create_app

    src = tmp_path / "one.jsonl"
    src.write_text(json.dumps({"url": "https://wire.example/x", "title": "U.K. MONEY MARKET GIVEN HELP",
                               "dateline": "LONDON, March 11 -",
                               "text": "The Bank of England said it provided the money market with 215 mln stg of "
                                       "assistance in the morning session, buying bills outright in band one at "
                                       "10-7/8 pct, after forecasting a shortage of around 400 mln stg in the system "
                                       "today. Dealers said the shortage had been expected and rates held steady."})
                   + "\n", encoding="utf-8")
    ingest_paths([src], store, settings, workers=1)
    aid = store.table_rows("articles")[0]["id"]
    with TestClient(create_app(app_settings(settings.db)), client=("127.0.0.1", 40000)) as c:
        assert c.get(f"/api/articles/{aid}").json()["dateline_day"] == "03-11"
        page = c.get(f"/articles/{aid}", headers={"accept": "text/html"}).text
    assert "undated <span" in page and "(dateline day 03-11)" in page
