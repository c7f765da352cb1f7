"""Two stories that a later report bridges are merged, incrementally, with the older id kept.

Short texts written for this test (an invented ferry strike). The first two reports share few words,
so they open two stories; a third names both sides' details and joins one, after which the two
centroids are close and the stories merge. Template reports on different companies never merge.
"""
from __future__ import annotations

from fixtures.corpus.build import make_record

from newsdesk.config import load_settings
from newsdesk.corpus import update_corpus
from newsdesk.corpus.stories import ArticleFeatures, Clusterer
from newsdesk.corpus.story_assign import assign_stories

DOCKS = ("Dockworkers at Brakmund harbour walked out at dawn, halting the ferry terminal and leaving "
         "trailers stranded on the quay as the union demanded overtime pay.")
CREWS = ("Crews of the Velsund ferry line refused to sail, anchoring vessels offshore; their guild said "
         "rosters had been cut and pensions frozen.")
BOTH = ("Dockworkers at Brakmund harbour walked out at dawn, halting the ferry terminal and leaving "
        "trailers stranded on the quay; the union demanded overtime pay. Crews of the Velsund ferry line "
        "then refused to sail, anchoring vessels offshore, and their guild said rosters had been cut and "
        "pensions frozen.")
OTHER = ("A museum in Orlenz reopened its gallery of medieval maps after a year of restoration work "
         "on the painted ceiling and the oak floors.")


def _records():
    return [make_record(n, t, title=None, outlet="Wire", published=None)
            for n, t in (("docks", DOCKS), ("crews", CREWS), ("both", BOTH), ("other", OTHER))]


def _partition(store):
    groups = {}
    for a in store.list_articles():
        groups.setdefault(a["story_id"], set()).add(a["id"])
    return sorted(sorted(g) for g in groups.values())


def _consistent(store):
    ids = {s["id"] for s in store.table_rows("stories")}
    assert {a["story_id"] for a in store.list_articles()} == ids  # no story without members, none dangling
    assert {k["story_id"] for k in store.table_rows("story_keys")} == ids
    for s in store.table_rows("stories"):
        assert set(s["features"]["members"]) == set(store.story_members([s["id"]])[s["id"]])


def test_stories_merge_bridged_stories_incrementally_and_keep_the_older_id(store, tmp_path):
    settings = load_settings(db=store_path(store), workers=1)
    docks, crews, both, other = _records()
    for r in (docks, crews, other):
        store.save_record(r)
    update_corpus(store, ["docks", "crews", "other"], settings)
    first = {a["id"]: a["story_id"] for a in store.list_articles()}
    assert first["docks"] != first["crews"]  # apart before the bridge
    store.save_record(both)
    update_corpus(store, ["both"], settings)
    after = {a["id"]: a["story_id"] for a in store.list_articles()}
    # the older story's id survives: "crews" opened first (a batch is assigned in id order)
    assert after["docks"] == after["crews"] == after["both"] == first["crews"]
    assert after["other"] == first["other"]
    _consistent(store)
    # idempotent: assigning again changes nothing
    rows = {t: store.table_rows(t) for t in ("stories", "story_keys", "term_stats")}
    assert assign_stories(store, ["docks", "crews", "both", "other"], settings) == after
    assert {t: store.table_rows(t) for t in rows} == rows
    # from scratch, in one batch, the same partition
    part = _partition(store)
    store.reset_stories()
    assign_stories(store, ["docks", "crews", "both", "other"], settings)
    assert _partition(store) == part == [["both", "crews", "docks"], ["other"]]
    _consistent(store)


def store_path(store):
    return str(store.engine.url.database)


def _feat(aid, terms, actors):
    w = 1 / len(terms) ** 0.5
    return ArticleFeatures(aid, None, "none", {t: w for t in terms}, None, None, actors=actors)


def test_stories_merge_clusterer_folds_close_stories_not_stories_of_other_companies():
    settings = load_settings(db=":memory:")
    cl = Clusterer([], {}, settings)
    a = cl.assign(_feat("a", ["alpha", "beta", "gamma"], ["acme"]))
    b = cl.assign(_feat("b", ["delta", "epsilon", "zeta"], ["acme"]))
    assert a != b
    c = cl.assign(_feat("c", ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"], ["acme"]))
    assert c == a and cl.absorbed == {b: a} and b not in cl.stories
    assert set(cl.stories[a].features["members"]) == {"a", "b", "c"}
    assert cl.assign(_feat("b", ["delta"], ["acme"])) == a  # a member stays where it is
    # the same words on two companies: the bridging report names one of them, the stories stay apart
    cl = Clusterer([], {}, settings)
    x = cl.assign(_feat("x", ["alpha", "beta", "gamma"], ["acme"]))
    y = cl.assign(_feat("y", ["delta", "epsilon", "zeta"], ["globex"]))
    z = cl.assign(_feat("z", ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"], ["acme"]))
    assert z == x and y in cl.stories and not cl.absorbed


def test_stories_merge_an_undated_story_never_bridges_two_dates_months_apart():
    """An undated story is within every date window; when it grows close to a March story and to an
    October one, it merges with the closer and the other stays apart (its dates are months away from
    the merged story's)."""
    settings = load_settings(db=":memory:")
    cl = Clusterer([], {}, settings)
    dated = lambda aid, day, terms: ArticleFeatures(aid, day, "event", _feat(aid, terms, ["acme"]).vector,  # noqa: E731
                                                    None, None, actors=["acme"])
    march = cl.assign(dated("march", "1987-03-10", ["alpha", "beta", "gamma"]))
    october = cl.assign(dated("october", "1987-10-20", ["delta", "epsilon", "zeta"]))
    undated = cl.assign(_feat("u", ["eta", "theta", "iota"], ["acme"]))
    assert len({march, october, undated}) == 3
    bridge = {**{t: 0.4 for t in ("alpha", "beta", "gamma")}, **{t: 0.36 for t in ("delta", "epsilon", "zeta")},
              **{t: 0.2 for t in ("eta", "theta", "iota")}}
    grown = cl.stories[undated]
    cl._add(grown, ArticleFeatures("bridge", None, "none", bridge, None, None, actors=["acme"]), copy=False)
    from newsdesk.corpus.story_merge import in_window, merge_close, similarity
    # both are close enough and within the undated story's window: the old test alone merged all three
    assert all(in_window(cl, grown, cl.stories[s]) for s in (march, october))
    sims = {s: similarity(cl, grown, cl.stories[s]) for s in (march, october)}
    assert min(sims.values()) >= settings.story_merge_threshold and sims[march] > sims[october]
    kept = merge_close(cl, grown, sorted([march, october]))
    assert kept.id == march  # the oldest of the merged stories keeps its id
    assert set(kept.features["members"]) == {"march", "u", "bridge"}
    assert october in cl.stories and cl.absorbed == {undated: march}
    assert kept.features["date"] == "1987-03-10"
