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
