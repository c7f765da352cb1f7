"""Briefings a journalist can forward: key events, citations with links, statements once, no stray marks.

Invented articles for the parts, the seeds (read from ../shared) for the whole actor briefing.
"""
from __future__ import annotations

import re

import pytest
from paths import SEEDS

from newsdesk.corpus.brief import Briefing, _quote_section, brief_actors, render_html, render_jsonl, render_markdown
from newsdesk.corpus.brief_cites import background_year, source_labels, text_fragment, trivial_figure
from newsdesk.corpus.brief_render import quoted
from newsdesk.corpus.summarize import unnamed_speaker


def _quote(qid, article, outlet, text, copy_of=None, speaker="Ana Ruiz"):
    return {"id": qid, "article_id": article, "outlet": outlet, "text": text, "speaker": speaker, "partial": False,
            "duplicate_of": copy_of, "start": 0, "end": len(text), "published": "2024-05-02", "story_id": "s"}


def test_brief_journalist_statement_once_with_every_outlet_and_copies_marked():
    text = "We will sign the water treaty before the rains come"
    quotes = [_quote("a-q1", "a", "Lake Post", text), _quote("b-q1", "b", "Hill Times", text + "."),
              _quote("c-q1", "c", "Copy Wire", text, copy_of="a")]
    groups = [{"id": "g1", "quotes": ["a-q1", "b-q1"]}]
    arts = {k: {"id": k, "published": "2024-05-02", "text": text} for k in "abc"}
    section = _quote_section(quotes, groups, arts)
    (speaker,) = section
    (st,) = speaker["statements"]
    assert st["outlets"] == ["Hill Times", "Lake Post"]  # the copy is listed, never counted
    assert [v["copy"] for v in st["variants"]] == [False, False, True]
    b = Briefing(title="T", quotes=section, sources=[
        {"article": k, "outlet": o, "published": "2024-05-02", "date": "2024-05-02", "date_estimated": False,
         "date_basis": None, "title": f"Title {k}", "url": None, "copy_of": "a" if k == "c" else None,
         "copy_of_outlet": "Lake Post" if k == "c" else None}
        for k, o in (("a", "Lake Post"), ("b", "Hill Times"), ("c", "Copy Wire"))])
    md = render_markdown(b)
    assert md.count(text) == 1 and "(copy)" in md
    assert "not counted as an independent source" in md and "2 independent, 1 copy (not counted)" in md


def test_brief_journalist_labels_links_and_marks():
    srcs = [{"article": "x1", "outlet": "Lake Post", "date": "2024-05-02", "title": "Ministers meet at the dam"},
            {"article": "x2", "outlet": "Lake Post", "date": "2024-05-02", "title": "Dam talks end without a deal"},
            {"article": "y1", "outlet": "Hill Times", "date": None, "title": "Talks"}]
    labels = source_labels(srcs)
    assert len(set(labels.values())) == 3 and labels["y1"] == "Hill Times, undated"
    assert "Ministers meet at the dam" in labels["x1"]
    url = text_fragment("https://news.example/a#top", "The ministers met at the dam on Thursday and agreed on "
                        "new quotas for the two-year period.")
    assert url.startswith("https://news.example/a#:~:text=The%20ministers%20met%20at%20the,")
    assert "two%2Dyear" in url
    assert quoted('"We agree," she said.') == '"We agree," she said.' and quoted("We agree") == "“We agree”"
    assert unnamed_speaker("The talks went well, he said.") and not unnamed_speaker("Ruiz said the talks went well.")
    assert trivial_figure({"claims": [{"value": 2, "unit": "countries"}, {"value": 2, "unit": "countries"}]})
    assert not trivial_figure({"claims": [{"value": 3000, "unit": "troops"}, {"value": 3500, "unit": "troops"}]})
    art = {"published": "2018-09-11", "text": "They first met in 2013. In June 2015 Ruiz said \"we are friends\"."}
    assert background_year(art, 47, 62) == "2015"
    assert background_year({**art, "text": "Ruiz said \"we are friends\" today."}, 11, 26) is None
    # a quote read in the context of the earlier event reported just before it is background
    art = {"published": "2018-09-11", "text": "Ruiz and Vik met in Lima in June. Ruiz called Vik \"a true friend\"."}
    assert background_year(art, 50, 65, [(0, 33, "2018-06", False)]) == "2018-06"
    assert background_year(art, 50, 65, [(0, 33, "2018-09-11", True)]) is None


@pytest.fixture(scope="module")
def seeds_brief(tmp_path_factory, models):
    from newsdesk.config import load_settings
    from newsdesk.ingest import ingest_paths
    from newsdesk.store import open_store

    settings = load_settings(db=str(tmp_path_factory.mktemp("seedbrief") / "s.db"), workers=1)
    store = open_store(settings.db)
    ingest_paths([SEEDS], store, settings, workers=1)
    b = brief_actors(store, ["CHN", "RUS"])
    yield b
    store.close()


def test_brief_journalist_seeds_key_events_are_dated_meetings_of_both(seeds_brief):
    b = seeds_brief
    dates = [e["date"] for e in b.events]
    assert dates == sorted(dates) and all(dates)
    assert all(e["status"] == "happened" for e in b.events + b.background)
    # the 2022 Samarkand meeting is a key event
    assert any(e["date"].startswith("2022-09") and e["meeting"] and "Samarkand" in e["label"] for e in b.events)
    assert b.events[0]["meeting"]
    labels = " ".join(e["label"] for e in b.events + b.background)
    assert "Macron" not in labels and "Serbia" not in labels and "Hungary" not in labels
    # a meeting years before its article is background, not a key event
    assert all(e["date"][:4] in {"2018", "2022", "2024"} for e in b.events)


def test_brief_journalist_seeds_every_line_cites_a_linked_unique_source(seeds_brief):
    b = seeds_brief
    md = render_markdown(b)
    labels = [s["label"] for s in b.sources]
    assert len(set(labels)) == len(labels) == 5
    body = md.split("## Sources")[0]
    for line in body.splitlines():
        if line.startswith(("- ", "  - ")) and not line.startswith("- **"):
            assert re.search(r"\]\(/articles/[0-9a-f]{16}#c\d+-\d+\)", line), line
        assert not re.search(r"[“\"]{2}|[”\"]{2}", line), line
    assert all(not unnamed_speaker(s["text"]) for s in b.summary)
    html = render_html(b)
    assert html.count('href="/articles/') >= len(b.summary) + len(b.events)
    assert any(s["url"] for s in b.sources) and "#:~:text=" in html
    assert all('"cite"' in line for line in render_jsonl(b).splitlines() if '"section": "summary"' in line)


def test_brief_journalist_seeds_one_statement_per_wording_with_its_outlets(seeds_brief):
    for sp in seeds_brief.quotes:
        texts = [st["text"] for st in sp["statements"]]
        assert len(texts) == len(set(texts))
        assert all(st["date"] for st in sp["statements"])
    # a quote from an earlier meeting recalled in a later article is dated background, not this event's
    recalled = [st for sp in seeds_brief.quotes for st in sp["statements"] if st["background"]]
    assert recalled and all(st["background"] < st["date"] for st in recalled)
    assert "— background, " in render_markdown(seeds_brief)
    putin = next(sp for sp in seeds_brief.quotes if sp["speaker"] == "Vladimir Putin")
    assert any(len(st["outlets"]) >= 2 for st in putin["statements"])
