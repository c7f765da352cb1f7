"""Quote grouping pairs only quotes whose speakers can match, and gives what testing every pair gives
(issue 12: a big story's quote groups are recomputed when it grows)."""
from __future__ import annotations

import random

from newsdesk.corpus import quote_groups as qg
from newsdesk.corpus.groups import DisjointSet

SPEAKERS = [("Jane Roe", "P:roe"), ("J. Roe", None), ("Roe", "P:roe2"), ("John Doe", "P:doe"),
            ("Doe", None), (None, "P:doe"), ("Mary Major", None), (None, "O:un"), ("", None)]
CANONICAL = {"P:roe2": "P:roe"}  # two entity keys of one person


def _quotes(rng: random.Random, n: int) -> list[dict]:
    out = []
    for i in range(n):
        speaker, entity = rng.choice(SPEAKERS)
        out.append({"id": f"q{i:03d}", "article_id": f"a{rng.randrange(n // 3 + 1)}", "speaker": speaker,
                    "speaker_entity": entity, "text": f"statement {rng.randrange(4)}",
                    "published": f"2024-03-{rng.randrange(1, 28):02d}", "story_id": rng.choice(["s1", "s2", None])})
    return out


def _reference(quotes: list[dict], canonical: dict[str, str]) -> list[dict]:
    """Every pair tested, as grouping did before it was blocked by speaker."""
    quotes = [q for q in quotes if q.get("speaker") or q.get("speaker_entity")]
    sets: DisjointSet[int] = DisjointSet(range(len(quotes)))
    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            a, b = quotes[i], quotes[j]
            if a["article_id"] == b["article_id"] or not qg.same_speaker(a, b, canonical) or not qg.close_in_time(a, b):
                continue
            if qg._similarity(a, b) >= qg.VARIANT_MIN:
                sets.union(i, j)
    return [sorted(quotes[i]["id"] for i in g) for g in sets.groups() if len(g) >= 2]


def test_speaker_pairs_are_exactly_the_pairs_same_speaker_accepts():
    rng = random.Random(3)
    quotes = [q for q in _quotes(rng, 60) if q["speaker"] or q["speaker_entity"]]
    want = [(i, j) for i in range(len(quotes)) for j in range(i + 1, len(quotes))
            if qg.same_speaker(quotes[i], quotes[j], CANONICAL)]
    assert qg._speaker_pairs(quotes, CANONICAL) == want


def test_blocked_grouping_equals_testing_every_pair(monkeypatch):
    # wording similarity stubbed by the statement number: the grouping logic is what is compared here
    monkeypatch.setattr(qg, "_similarity", lambda a, b, cache=None: 1.0 if a["text"] == b["text"] else 0.0)
    for seed in range(20):
        quotes = _quotes(random.Random(seed), 50)
        got = [sorted(r["quotes"]) for r in qg.group_quotes(quotes, CANONICAL)]
        assert sorted(got) == sorted(_reference(quotes, CANONICAL)), seed
        assert got  # the sample does group quotes


def test_stored_similarity_with_its_cache_equals_parsing_again(models):
    from newsdesk.corpus.quote_features import article_quote_features, stored_similarity
    from newsdesk.corpus.similarity import similarity
    from newsdesk.nlp.model import load_nlp

    texts = ["Our two countries have built relations of trust in trade, energy and security.",
             "We have a relationship of confidence between our countries in trade, energy and security.",
             "The harbour must be dredged before the winter storms close the shipping lanes.",
             "Our two countries have built relations of trust in trade, energy and security."]
    rows = []
    for n, t in enumerate(texts):
        doc = load_nlp()(t)
        span = type("Q", (), {"start": 0, "end": len(t) - 1})()
        (feat,), vectors = article_quote_features([span], doc)
        rows.append({"id": f"q{n}", "text": t[:-1], "content": {**feat, "vectors": vectors}})
    cache: dict = {}
    for a in rows:
        for b in rows:
            want = similarity(a["text"], b["text"])
            assert abs(stored_similarity(a, b) - want) < 1e-6
            assert stored_similarity(a, b, cache) == stored_similarity(a, b)  # the cache changes no float
    assert stored_similarity(rows[0], rows[3], cache) == 1.0  # a copy
    assert stored_similarity(rows[0], rows[1], cache) > stored_similarity(rows[0], rows[2], cache)
