"""A batch reads the stored stories its next articles may join together, up to ``LOAD_STORIES`` at a time:
the number of story reads no longer grows with the number of articles, and the stories are exactly those
that loading article by article gives."""
from __future__ import annotations

import pytest
from fixtures.corpus.build import make_record, save_and_link
from fixtures.corpus.stories import stored_stories

from newsdesk.config import load_settings
from newsdesk.corpus import story_assign, update_corpus
from newsdesk.store import open_store
from pg_fixtures import pg_databases  # noqa: F401  (fixture)

SYLLABLES = ["bar", "ven", "dol", "kir", "mas", "tup", "rel", "gon", "fis", "lam", "qua", "zet"]


def _word(i: int, j: int) -> str:
    """A made-up word, one per (happening, slot): the happenings share none of them."""
    n = i * 8 + j
    return "".join(SYLLABLES[n // len(SYLLABLES) ** k % len(SYLLABLES)] for k in range(3)) + "o"


def _article(i: int, n: int):
    """Report ``n`` of made-up happening ``i``: a town council voting on a tram line, all in one spring."""
    w = [_word(i, j) for j in range(8)]
    day = f"2021-04-{1 + (i * 3) % 27:02d}"
    text = (f"The {w[0]} council of {w[1].capitalize()} voted on the {w[2]} {w[3]} line. {w[4].capitalize()} "
            f"{w[5]} said the {w[2]} {w[6]} would open and that {w[7]} {w[3]} would follow. The {w[1]} {w[0]} "
            f"{w[4]} {w[6]} {w[5]} {w[7]}. Report {'one two three'.split()[n]}.")
    return make_record(f"h{i:02d}-{n}", text, title=f"{w[1].capitalize()} {w[0]} backs {w[2]} {w[3]}",
                       outlet="Wire", published=day)


def _fill(db: str, happenings: int, load_stories: int, monkeypatch) -> tuple[object, list[tuple[str, int]]]:
    """Two reports of each happening in a first batch, the third of each in a second; the second batch's
    story reads are logged (what, how many ids or terms)."""
    monkeypatch.setattr(story_assign, "LOAD_STORIES", load_stories)
    store, settings = open_store(db), load_settings(db=db, workers=1)
    first = [_article(i, n) for i in range(happenings) for n in (0, 1)]
    save_and_link(store, first, settings)
    log: list[tuple[str, int]] = []
    features, counts = store.story_features, store.term_counts
    monkeypatch.setattr(store, "story_features", lambda ids: log.append(("load", len(set(ids)))) or features(ids))
    monkeypatch.setattr(store, "term_counts", lambda terms: log.append(("count", len(set(terms)))) or counts(terms))
    second = [_article(i, 2) for i in range(happenings)]
    save_and_link(store, second, settings)
    monkeypatch.undo()
    return store, log


def test_stories_load_window_reads_do_not_grow_with_the_articles(tmp_path, monkeypatch):
    store, log = _fill(str(tmp_path / "w.db"), 24, 256, monkeypatch)
    loads = [n for what, n in log if what == "load"]
    assert loads and sum(loads) >= 24  # each third report has its happening's story among its candidates
    assert len(loads) == 1  # one read for the batch, not one per article
    assert len([w for w, _ in log if w == "count"]) == 2  # the batch's own terms, then the loaded centroids'
    assert all(len(r["articles"]) == 3 for r in store.story_export_rows())
    store.close()


@pytest.mark.parametrize("load_stories", [1, 5])
def test_stories_load_window_gives_the_stories_loading_one_by_one_gives(tmp_path, monkeypatch, load_stories):
    whole, log = _fill(str(tmp_path / "a.db"), 24, 256, monkeypatch)
    small, small_log = _fill(str(tmp_path / "b.db"), 24, load_stories, monkeypatch)
    assert stored_stories(small) == stored_stories(whole)
    assert {a["id"]: a["story_id"] for a in small.list_articles()} == {a["id"]: a["story_id"]
                                                                       for a in whole.list_articles()}
    loads = [n for what, n in small_log if what == "load"]
    # the same stories, read once each, in more reads of at most LOAD_STORIES (or one article's candidates)
    assert sum(loads) == sum(n for what, n in log if what == "load") and len(loads) > 1
    assert max(loads) <= max(load_stories, 30)
    whole.close()
    small.close()


def test_stories_load_window_store_reads_equal_the_tables(tmp_path, pg_databases):  # noqa: F811
    """What assignment reads (SQLite: the driver's own statements) is what the tables hold, on both stores."""
    for db in (str(tmp_path / "r.db"), pg_databases.create()):
        store, settings = open_store(db), load_settings(db=db, workers=1)
        recs = [_article(i, n) for i in range(6) for n in (0, 1)]
        for r in recs:
            store.save_record(r)
        update_corpus(store, [r.id for r in recs], settings)
        stats = {r["term"]: r["df"] for r in store.table_rows("term_stats")}
        asked = sorted(stats)[::3] + ["not-a-term"]
        assert store.term_counts(asked) == {t: stats[t] for t in asked if t in stats} and len(asked) > 10
        stories = {r["id"]: r for r in store.table_rows("stories")}
        ids = sorted(stories)[::2] + ["no-such-story"]
        want_rows = [{"id": i, "features": stories[i]["features"]} for i in sorted(stories)[::2]]
        assert store.story_features(ids) == want_rows
        postings = store.table_rows("story_keys")
        keys = sorted({p["key"] for p in postings})[::2] + ["no-such-key"]
        months = sorted({p["month"] for p in postings if p["month"]})
        assert len(months) >= 1 and len(keys) > 10
        far = (months[-1] + 5, months[-1] + 9)
        for runs in (None, [(months[0], months[0])], [(0, 0)], [(months[0], months[-1]), far]):
            want: dict[str, set[str]] = {}
            for p in postings:
                m = p["month"]
                if p["key"] in keys and (runs is None or m == 0 or any(lo <= m <= hi for lo, hi in runs)):
                    want.setdefault(p["key"], set()).add(p["story_id"])
            hits, dates = store.stories_with_keys(keys, runs)
            assert hits == {k: sorted(v) for k, v in want.items()}
            assert dates == {i: (stories[i]["date"], stories[i]["end_date"]) for v in want.values() for i in v}
        store.close()
