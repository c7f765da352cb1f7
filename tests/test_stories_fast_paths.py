"""The scoring shortcuts give exactly (==, not approximately) what their plain definitions give: an
article's weights computed once for all the stories it meets, terms one side lacks skipped (they add 0.0),
the rare-name test looking through the smaller centroid, the centroid norms read from the IDF cache."""
from __future__ import annotations

import math
import random

from newsdesk.corpus.stories import DOCS, W_FEAT, W_TEXT, ArticleFeatures, Clusterer, Story
from newsdesk.corpus.story_actors import COMMON_MIN, COMMON_SHARE
from newsdesk.corpus.story_merge import similarity, stories_apart
from newsdesk.corpus.story_profile import profile

WORDS = [f"w{i}" for i in range(60)] + [f"@e{i}" for i in range(20)] + [f"#k{i}" for i in range(10)]


def _plain_norms(cl, st):
    nw = nf = 0.0
    for t, w in st.features["terms"].items():
        if t[0] in "@#":
            nf += (w * cl.idf(t)) ** 2
        else:
            nw += (w * cl.idf(t)) ** 2
    return nw, nf


def _plain_score(cl, art, st):
    """Clusterer.score as it was written before the shortcuts."""
    parts = {"w": [0.0, 0.0, 0.0], "f": [0.0, 0.0, 0.0]}
    terms = st.features["terms"]
    for t, w in art.vector.items():
        kind = parts["f" if t[0] in "@#" else "w"]
        wi = w * cl.idf(t)
        kind[0] += wi * cl.idf(t) * terms.get(t, 0.0)
        kind[1] += wi * wi
    parts["w"][2], parts["f"][2] = _plain_norms(cl, st)
    cos = {k: (v[0] / math.sqrt(v[1] * v[2]) if v[1] and v[2] else 0.0) for k, v in parts.items()}
    same_day = art.source == "event" and art.date and art.date == st.features.get("date")
    w_feat = W_FEAT if parts["f"][1] and parts["f"][2] else 0.0
    text = cos["w"] * (W_TEXT + (W_FEAT - w_feat))
    return text + w_feat * cos["f"] + cl._day_term(art, st, bool(same_day)) + cl._place_term(art, st)


def _plain_similarity(cl, a, b):
    parts = {"w": [0.0, 0.0, 0.0], "f": [0.0, 0.0, 0.0]}
    ta, tb = a.features["terms"], b.features["terms"]
    for t, w in ta.items():
        kind = parts["f" if t[0] in "@#" else "w"]
        kind[0] += w * tb.get(t, 0.0) * cl.idf(t) ** 2
    (parts["w"][1], parts["f"][1]), (parts["w"][2], parts["f"][2]) = _plain_norms(cl, a), _plain_norms(cl, b)
    cos = {k: (v[0] / math.sqrt(v[1] * v[2]) if v[1] and v[2] else 0.0) for k, v in parts.items()}
    w_feat = W_FEAT if parts["f"][1] and parts["f"][2] else 0.0
    return cos["w"] * (W_TEXT + W_FEAT - w_feat) + w_feat * cos["f"]


def _plain_apart_by_names(cl, a, b):
    """stories_apart for two stories whose actors differ: apart unless they share a rare name."""
    common = max(COMMON_MIN, COMMON_SHARE * cl.df.get(DOCS, 0))
    tables = profile(a).tables | profile(b).tables
    return not any(t[0] == "@" and t in b.features["terms"] and cl.df.get(t, 0) <= common and t not in tables
                   for t in a.features["terms"])


def _vector(rng, n):
    return {t: rng.random() for t in rng.sample(WORDS, n)}


def _story(rng, sid, n):
    note = {"date": "2021-04-02", "source": "event", "place": None, "event": None, "copy": False, "pair": None,
            "actors": [f"actor {sid}"], "score": None}  # actors no other story has: the rare names decide
    if rng.random() < 0.5:
        note["tables"] = rng.sample(WORDS[60:80], 3)
    return Story(sid, {"terms": _vector(rng, n), "members": {f"{sid}-a": note}, "date": "2021-04-02",
                       "end_date": None})


def test_stories_fast_paths_equal_their_plain_definitions(settings):
    rng = random.Random(7)
    df = {t: rng.randint(1, 40) for t in WORDS[::2]}  # the other terms are in no document yet
    df[DOCS] = 50
    for trial in range(40):
        cl = Clusterer([], dict(df), settings)
        stories = [_story(rng, f"s{k}", rng.choice([0, 3, 30, 80])) for k in range(6)]
        art = ArticleFeatures("a", "2021-04-02", "event", _vector(rng, rng.choice([0, 2, 25])), None, None)
        for st in stories:
            assert cl.score(art, st) == _plain_score(cl, art, st)
            assert cl._norms(st) == _plain_norms(cl, st)
            for other in stories:
                assert similarity(cl, st, other) == _plain_similarity(cl, st, other)
                if other is not st:
                    assert stories_apart(cl, st, other) == _plain_apart_by_names(cl, st, other)
        art.vector = _vector(rng, 10)  # a new vector: weighed again, not read from the first one's weights
        assert all(cl.score(art, st) == _plain_score(cl, art, st) for st in stories)
