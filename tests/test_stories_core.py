"""A big story is joined only through what it is about: the main actors and event pairs that a share
(``story_core_share``) of its reports name, not through any name one of dozens of reports named.

A month of bond issues by different companies, gathered by their shared wording, names every lead
manager once or twice; a new issue by yet another company that shares one of those names is not
that story. A story of a dozen reports on one company's bid is joined by the next report on that bid.
Invented companies throughout."""
from __future__ import annotations

import dataclasses

from newsdesk.config import load_settings
from newsdesk.corpus.stories import ArticleFeatures, Clusterer, Story
from newsdesk.corpus.story_profile import core, profile

DF = {"#docs": 1000, "@loc:ORG:harwick securities": 4, "@loc:ORG:vantor": 6, "@loc:ORG:newco": 1}


def _member(actors: list[str], pair: str | None = None, copy: bool = False) -> dict:
    return {"date": None, "source": "none", "place": None, "event": None, "copy": copy, "pair": pair,
            "actors": actors, "score": None}


def _bonds(reports: int) -> Story:
    """Bond issues by different companies; one of them named Harwick Securities as lead manager."""
    members = {f"m{k}": _member([f"issuer {k}"]) for k in range(reports)}
    terms = {"bond": 6.0, "coupon": 5.0, "@loc:ORG:harwick securities": 0.4}
    terms.update({f"@loc:ORG:issuer {k}": 0.5 for k in range(reports)})
    return Story("bonds", {"terms": terms, "members": members, "date": None, "end_date": None})


def _bid(reports: int) -> Story:
    members = {f"v{k}": _member(["vantor", f"analyst {k}"]) for k in range(reports)}
    terms = {"bid": 5.0, "shares": 4.0, "@loc:ORG:vantor": 3.0 * reports / 10}
    return Story("bid", {"terms": terms, "members": members, "date": None, "end_date": None})


def _article(actors: list[str], names: set[str]) -> ArticleFeatures:
    vec = {"bond": 0.5, "coupon": 0.5, **{n: 0.3 for n in names}}
    return ArticleFeatures("new", None, "none", vec, None, None, actors=actors, names=set(names))


def _clusterer(**settings) -> Clusterer:
    return Clusterer([], dict(DF), dataclasses.replace(load_settings(db=":memory:"), **settings))


def test_a_big_story_is_joined_only_through_its_core():
    art = _article(["newco"], {"@loc:ORG:newco", "@loc:ORG:harwick securities"})
    cl = _clusterer(story_core_share=0.2, story_merge_big=8)
    assert cl.apart(art, _bonds(12))  # one of twelve reports named Harwick: no core name
    # off, or a story of a few reports: any rare name a member named holds them together, as before
    assert not _clusterer(story_core_share=0.0, story_merge_big=8).apart(art, _bonds(12))
    assert not cl.apart(art, _bonds(6))
    # an article with no main actor known is read through its rare names, as for any story
    assert not cl.apart(_article([], {"@loc:ORG:harwick securities"}), _bonds(12))


def test_a_big_story_keeps_the_reports_on_what_it_is_about():
    cl = _clusterer(story_core_share=0.2, story_merge_big=8)
    assert not cl.apart(_article(["vantor"], {"@loc:ORG:vantor"}), _bid(12))  # a core actor
    assert not cl.apart(_article(["vantor", "newco"], set()), _bid(12))
    assert cl.apart(_article(["analyst 3"], set()), _bid(12))  # an actor one report named


def test_core_counts_reports_not_copies():
    st = _bid(12)
    st.features["members"].update({f"c{k}": _member(["newco"], pair="A|B", copy=True) for k in range(30)})
    prof = profile(st)
    assert prof.reports == 12
    pairs, actors, names = core(prof, 0.2, 8)
    assert actors == ["vantor"] and pairs == set() and names is None  # members noted before names were
    assert core(prof, 0.2, 12) is None  # not past story_merge_big
    assert core(prof, 0.0, 8) is None


def test_an_article_with_no_actor_meets_a_big_story_through_the_names_its_reports_share():
    """Members' notes keep their rarest names: an article with no main actor known then needs a name a
    share of the reports named (a central bank's daily operations all name its dealing desk), not one a
    single report named."""
    st = _bonds(12)
    for k, note in enumerate(st.features["members"].values()):
        note["names"] = ["@loc:ORG:harwick securities"] if k == 0 else ["@loc:ORG:discount desk", f"@loc:ORG:issuer {k}"]
    cl = _clusterer(story_core_share=0.2, story_merge_big=8)
    assert core(profile(st), 0.2, 8)[2] == {"@loc:ORG:discount desk"}
    assert cl.apart(_article([], {"@loc:ORG:harwick securities"}), st)
    assert not cl.apart(_article([], {"@loc:ORG:discount desk"}), st)


def test_a_member_note_keeps_the_rarest_names_outside_tables():
    cl = _clusterer()
    art = _article(["newco"], {"@loc:ORG:newco", "@loc:ORG:harwick securities", "@loc:ORG:vantor"})
    art.names.add("@loc:GPE:everywhere")
    cl.df["@loc:GPE:everywhere"] = 900  # in most documents: no name that tells a report apart
    cl.assign(art)
    note = next(iter(cl.stories.values())).features["members"]["new"]
    assert note["names"] == ["@loc:ORG:newco", "@loc:ORG:harwick securities", "@loc:ORG:vantor"]  # rarest first
