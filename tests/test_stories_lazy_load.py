"""A batch loads a stored story just before the first article that may join it and forgets it after the
last one, unless it changed: forgetting leaves no trace in the clusterer's indexes, and loading it again
gives the same story."""
from __future__ import annotations

from newsdesk.corpus.stories import ArticleFeatures, Clusterer


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
    assert set(cl.stories) == {"s2"} and "tram" not in cl.postings and "a1" not in cl.member_of
    cl.load([_row("s1", {"tram": 1.0}, {"a1": _note()})])  # loading it again gives the same story
    assert cl.postings["tram"] == {"s1"} and cl.member_of["a1"] == "s1"

