"""The story vetoes compare an article's main actors with a story's through a word index
(:func:`newsdesk.corpus.story_actors.disjoint_indexed`): it must answer as the pairwise
:func:`disjoint` does, short forms ('cathay' / 'cathay pacific airways') included."""
from __future__ import annotations

import itertools
import random

from newsdesk.corpus.story_actors import actor_index, disjoint, disjoint_indexed

NAMES = ["cathay", "cathay pacific airways", "pacific", "swire", "swire pacific", "bank of england",
         "england", "bank", "federal reserve", "reserve bank of india", ""]


def test_the_word_index_answers_as_the_pairwise_test():
    rng = random.Random("story-actor-index")
    for _ in range(400):
        actors = rng.sample(NAMES, rng.randint(0, 3))
        story = rng.sample(NAMES, rng.randint(0, 5))
        assert disjoint_indexed(actors, story, actor_index(story)) == disjoint(actors, [story]), (actors, story)


def test_short_forms_and_empty_lists():
    story = ["cathay pacific airways", "swire"]
    index = actor_index(story)
    assert not disjoint_indexed(["cathay"], story, index)  # a short form of one of them
    assert disjoint_indexed(["bank of england"], story, index)
    assert not disjoint_indexed([], story, index) and not disjoint_indexed(["swire"], [], actor_index([]))
    for a, b in itertools.product([[""], ["england"]], [[""], ["bank of england"]]):
        assert disjoint_indexed(a, b, actor_index(b)) == disjoint(a, [b])
