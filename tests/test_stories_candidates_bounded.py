"""Story assignment loads at most ``story_candidates`` stored stories per article (those sharing the most
index-key weight within its date window), so its cost does not grow with the number of stories sharing a
common key; with the default the fixture's partition is unchanged."""
from __future__ import annotations

from fixtures.corpus.stories import ARTICLES
from test_stories_clustering import expected, ingest, partition

from newsdesk.corpus.stories import DOCS, ArticleFeatures, Clusterer
from newsdesk.corpus.story_assign import candidate_stories


def _record_loads(store, monkeypatch) -> list[int]:
    loads: list[int] = []
    real = store.story_features

    def spy(ids):
        ids = set(ids)
        loads.append(len(ids))
        return real(ids)

    monkeypatch.setattr(store, "story_features", spy)
    return loads


class _Store:
    """The read candidate_stories makes: key postings with the dates of the stories they name."""

    def __init__(self, hits, dates):
        self.hits, self.dates = hits, dates

    def stories_with_keys(self, keys, months=None):  # the exact window test is candidate_stories' own
        hits = {k: v for k, v in self.hits.items() if k in set(keys)}
        named = {i for v in hits.values() for i in v}
        return hits, {i: (d["date"], d["end_date"]) for i, d in self.dates.items() if i in named}


def test_stories_candidates_bounded_per_article(settings):
    # "rare" is in 2 documents, "common" in 500: a story sharing the rare key outranks one sharing the common
    df = {DOCS: 1000, "rare": 2, "common": 500}
    hits = {"common": [f"s{i}" for i in range(50)], "rare": ["s7", "late"]}
    dates = {f"s{i}": {"date": "2020-03-01", "end_date": None} for i in range(50)}
    dates["late"] = {"date": "2020-09-01", "end_date": None}  # far outside the article's window
    art = ArticleFeatures("a", "2020-03-02", "event", {"rare": 0.5, "common": 0.5}, None, None)
    probe = Clusterer([], df, settings)
    out = candidate_stories(_Store(hits, dates), [art], {"a": ["rare", "common"]}, probe, 5)
    assert out["a"][0] == "s7" and len(out["a"]) == 5 and "late" not in out["a"]
    assert out["a"][1:] == ["s0", "s1", "s10", "s11"]  # ties by id
    assert len(candidate_stories(_Store(hits, dates), [art], {"a": ["rare", "common"]}, probe, 100)["a"]) == 50


def test_stories_candidates_default_keeps_the_partition(store, settings, monkeypatch):
    loads = _record_loads(store, monkeypatch)
    ingest(store, settings, list(ARTICLES), one_by_one=True)
    assert partition(store) == expected()
    assert max(loads) <= settings.story_candidates
