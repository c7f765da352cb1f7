"""claim_actors reads the mentions inside a claim's actor spans by bisecting their starts: the same keys,
added in the same order, as testing every mention against every span."""
from __future__ import annotations

import random

from newsdesk.corpus.claims import claim_actors


def _plain(f, mentions, country, canonical, about):
    """The loop claim_actors replaced: every mention against every span."""
    out: set[str] = set()
    if not f.get("described"):
        return out
    for m in mentions:
        for a, b in f["actor_spans"]:
            if m["start"] >= a and m["end"] <= b:
                out.add(canonical.get(m["entity"], m["entity"]))
                if country.get(m["entity"]):
                    out.add(country[m["entity"]])
    if about and f["about_kept"]:
        out.add(canonical.get(about, about))
        if country.get(about):
            out.add(country[about])
    return out


def _mentions(rng: random.Random, n: int, keys: list[str]) -> list[dict]:
    out = []
    for i in range(n):
        start = rng.randrange(0, 400)
        out.append({"id": i, "start": start, "end": start + rng.randrange(0, 25), "entity": rng.choice(keys)})
    return out


def test_claim_actors_bisect_equals_the_plain_loop_on_random_spans():
    rng = random.Random(7)
    keys = [f"e{k}" for k in range(40)]
    country = {k: rng.choice([None, "", "FRA", "DEU", "USA"]) for k in keys}
    canonical = {k: rng.choice(keys) for k in keys if rng.random() < 0.3}
    for trial in range(600):
        ms = _mentions(rng, rng.randrange(0, 60), keys)
        ordered = sorted(ms, key=lambda m: (m["start"], str(m["id"])))
        spans = []
        for _ in range(rng.randrange(0, 4)):
            a = rng.randrange(0, 420)
            spans.append([a, a + rng.randrange(0, 80)])
        f = {"described": trial % 9 != 0, "actor_spans": spans, "about_kept": rng.random() < 0.5}
        about = rng.choice([None, *keys])
        for given in (ordered, ms):  # sorted as synthesis_items gives them, and any order
            got = claim_actors(f, given, country, canonical, about)
            want = _plain(f, given, country, canonical, about)
            assert got == want
            assert list(got) == list(want)  # same insertion order: the set iterates alike


def test_claim_actors_takes_a_mention_ending_on_the_span_end_and_leaves_one_crossing_it():
    ms = [{"start": 0, "end": 5, "entity": "a"}, {"start": 10, "end": 20, "entity": "b"},
          {"start": 12, "end": 21, "entity": "c"}, {"start": 20, "end": 20, "entity": "d"}]
    f = {"described": True, "actor_spans": [[10, 20]], "about_kept": False}
    assert claim_actors(f, ms, {"b": "NOR"}, {}, None) == {"b", "NOR", "d"}
