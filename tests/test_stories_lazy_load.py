"""A batch loads a stored story just before the first article that may join it and forgets it after the
last one, unless it changed: forgetting leaves no trace in the clusterer's indexes, and loading it again
gives the same story."""
from __future__ import annotations

from newsdesk.corpus.stories import ArticleFeatures, Clusterer
from pg_fixtures import pg_databases  # noqa: F401  (fixture)


def _row(sid, terms, members):
    return {"id": sid, "features": {"terms": terms, "members": members, "date": "2020-03-01", "end_date": None}}


def _note():
    return {"date": "2020-03-01", "source": "event", "place": None, "event": None, "copy": False, "pair": None,
            "actors": None, "score": None}


def test_stories_lazy_load_evict_forgets_only_unchanged_stored_stories(settings):
    cl = Clusterer([], {"#docs": 10, "tram": 1, "vote": 1}, settings)
    cl.load([_row("s1", {"tram": 1.0}, {"a1": _note()}), _row("s2", {"vote": 1.0}, {"a2": _note()})])
    assert cl.stored == {"s1", "s2"} and cl.member_of == {"a1": "s1", "a2": "s2"}
    art = ArticleFeatures("new", "2020-03-01", "event", {"vote": 1.0}, None, None, candidates={"s2"})
    assert cl.assign(art) == "s2"  # s2 grew: it must be saved, so it stays
    cl.evict("s1")
    cl.evict("s2")
    assert set(cl.stories) == {"s2"} and "a1" not in cl.member_of and "s1" not in cl.stored
    assert not cl.postings  # stored stories are reached through candidates, never through the postings
    cl.load([_row("s1", {"tram": 1.0}, {"a1": _note()})])  # loading it again gives the same story
    assert cl.member_of["a1"] == "s1"
    tram = ArticleFeatures("t", "2020-03-01", "event", {"tram": 1.0}, None, None, candidates={"s1"})
    assert cl.assign(tram) == "s1"
    other = ArticleFeatures("o", "2020-03-01", "event", {"tram": 1.0}, None, None, candidates=set())
    assert cl.assign(other) not in {"s1", "s2"}  # a stored story it was not given as a candidate: a new one
    again = ArticleFeatures("g", "2020-03-01", "event", {"tram": 1.0}, None, None, candidates=set())
    assert cl.assign(again) == cl.member_of["o"]  # ... which later articles of the batch find by its terms



def test_stories_lazy_load_reads_the_counts_of_each_loaded_story_before_scoring_it(tmp_path, pg_databases,  # noqa: F811
                                                                                     monkeypatch):
    """The counts of a stored story's centroid terms are read right after it is loaded (they weigh its
    terms), and the words of the batch's actor names with the batch's own terms (the actor test reads
    them), so nothing depends on which candidates a batch happens to load."""
    from fixtures.corpus.stories import ARTICLES
    from test_stories_clustering import ingest

    from newsdesk.config import load_settings
    from newsdesk.corpus import story_assign
    from newsdesk.store import open_store

    names, actors = sorted(ARTICLES), story_assign.actor_names
    for db in (str(tmp_path / "t.db"), pg_databases.create()):
        store = open_store(db)
        settings = load_settings(db=db, workers=1)
        ingest(store, settings, names[::2])
        log = []
        features, counts = store.story_features, store.term_counts
        monkeypatch.setattr(store, "story_features", lambda ids: log.append(("load", r := features(ids))) or r)
        monkeypatch.setattr(store, "term_counts", lambda terms: log.append(("count", set(terms))) or counts(terms))
        named: set[str] = set()
        monkeypatch.setattr(story_assign, "actor_names",
                            lambda art, info: named.update(n := actors(art, info)) or n)
        ingest(store, settings, names[1::2])
        loads = [k for k, (what, _) in enumerate(log) if what == "load"]
        assert loads, "the second batch loads stored stories"
        first_counts = next(terms for what, terms in log if what == "count")
        assert named and {w for n in named for w in n.split()} <= first_counts
        asked = set(first_counts)
        for k, (what, got) in enumerate(log):
            if what == "count":
                asked |= got
            elif what == "load":
                assert log[k + 1][0] == "count"  # read before the next article is scored
                terms = {t for r in got for t in r["features"]["terms"]}
                assert terms <= asked | log[k + 1][1]
        store.close()


def test_stories_lazy_load_story_sizes_count_members_without_reading_stories(tmp_path, pg_databases):  # noqa: F811
    """``story_sizes`` (what the scale bench prints) counts each story's members, biggest first."""
    from fixtures.corpus.stories import ARTICLES
    from test_stories_clustering import ingest

    from newsdesk.config import load_settings
    from newsdesk.store import open_store

    for db in (str(tmp_path / "t.db"), pg_databases.create()):
        store = open_store(db)
        ingest(store, load_settings(db=db, workers=1), list(ARTICLES))
        sizes = sorted((len(r["articles"]) for r in store.story_export_rows()), reverse=True)
        assert store.story_sizes() == sizes and sizes[0] > 1
        store.close()
