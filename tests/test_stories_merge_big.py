"""A big story needs a closer centroid to merge: in a dense store a story that grew to dozens of reports
has a centroid leaning to its topic (a month of one central bank's daily operations, every takeover on
one exchange), so being as close to another story as two small stories of one happening are says less.
Up to ``story_merge_big`` reports together the threshold is ``story_merge_threshold``, beyond it
``story_merge_threshold_big``."""
from __future__ import annotations

import dataclasses

from newsdesk.config import load_settings
from newsdesk.corpus import story_merge
from newsdesk.corpus.stories import Clusterer, Story


def _story(sid: str, reports: int, copies: int = 0) -> Story:
    members = {f"{sid}-{k}": {"date": None, "source": "none", "place": None, "event": None, "copy": k >= reports,
                              "pair": None, "actors": [], "score": None} for k in range(reports + copies)}
    return Story(sid, {"terms": {"harbour": 1.0}, "members": members, "date": None, "end_date": None,
                       "opened": f"2021-01-01T00:00:00.{sid}"})


def _clusterer(stories: list[Story], **settings) -> Clusterer:
    cl = Clusterer([], {}, dataclasses.replace(load_settings(db=":memory:"), **settings))
    for st in stories:
        cl.stories[st.id] = st
    return cl


def test_merge_threshold_rises_past_a_few_reports():
    cl = _clusterer([], story_merge_threshold=0.28, story_merge_threshold_big=0.4, story_merge_big=8)
    assert story_merge.merge_threshold(cl, _story("a", 5), _story("b", 3)) == 0.28
    assert story_merge.merge_threshold(cl, _story("a", 5), _story("b", 4)) == 0.4
    # copies are the same report again: they do not make a story big
    assert story_merge.merge_threshold(cl, _story("a", 5, copies=20), _story("b", 3)) == 0.28
    # a "big" threshold below the base one never makes merging easier
    cl = _clusterer([], story_merge_threshold=0.28, story_merge_threshold_big=0.1, story_merge_big=2)
    assert story_merge.merge_threshold(cl, _story("a", 5), _story("b", 4)) == 0.28


def _merged(grown: Story, other: Story, sim: float, monkeypatch) -> bool:
    cl = _clusterer([grown, other], story_merge_threshold=0.28, story_merge_threshold_big=0.4, story_merge_big=8)
    monkeypatch.setattr(story_merge, "similarity", lambda cl, a, b: sim)
    monkeypatch.setattr(story_merge, "stories_apart", lambda cl, a, b: False)
    story_merge.merge_close(cl, grown, [other.id])
    return len(cl.stories) == 1


def test_small_stories_merge_at_the_base_threshold_big_ones_need_more(monkeypatch):
    assert _merged(_story("a", 3), _story("b", 2), 0.33, monkeypatch)
    assert not _merged(_story("a", 30), _story("b", 2), 0.33, monkeypatch)
    assert _merged(_story("a", 30), _story("b", 2), 0.45, monkeypatch)
    assert not _merged(_story("a", 3), _story("b", 2), 0.25, monkeypatch)
