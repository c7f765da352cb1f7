"""End to end over the seeds with the real pipeline: three happenings, three stories."""
from __future__ import annotations

from newsdesk.corpus import timeline
from newsdesk.ingest import ingest_paths

# seed file prefix -> the happening it reports (see ../shared/corpus/README.md)
HAPPENINGS = {"000": "vladivostok-2018", "001": "vladivostok-2018", "004": "vladivostok-2018",
              "003": "samarkand-2022", "002": "beijing-2024"}
EVENT_DATES = {"vladivostok-2018": "2018-09-11", "samarkand-2022": "2022-09-15", "beijing-2024": "2024-05-16"}


def test_stories_seeds_one_story_per_happening(store, settings, seed_paths):
    report = ingest_paths(seed_paths, store, settings)
    by_source = {store.article_row(a)["source"]: a for a in report.added}
    happening_of = {aid: HAPPENINGS[p.name[:3]] for p in seed_paths for s, aid in by_source.items() if s == str(p)}
    assert len(happening_of) == 5
    stories = list(store.story_export_rows())
    got = sorted(sorted(happening_of[a] for a in st["articles"]) for st in stories)
    assert got == [["beijing-2024"], ["samarkand-2022"], ["vladivostok-2018"] * 3]
    for st in stories:
        want = EVENT_DATES[happening_of[st["articles"][0]]]
        # dated by the event, never by a page header (003's is 2022-10-06) or a background year
        assert st["date"] == want, (st["title"], st["date"])
        assert st["title"] and st["summary"]
        for item in st["summary"]:
            assert store.article_row(item["article"])["text"][item["start"]:item["end"]] == item["text"]
    vlad = next(st for st in stories if len(st["articles"]) == 3)
    assert vlad["place"]["name"] == "Vladivostok"
    rows = timeline(store, ["CHN", "RUS"])
    assert rows == sorted(rows, key=lambda r: r.date)
    assert all(r.date and r.articles and set(r.articles) <= set(report.added) for r in rows)
