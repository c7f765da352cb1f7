"""compare.discrepancies tests only same-unit pairs within MAX_CONFLICT_RATIO: the groups and rows must be
those of testing every pair."""
from __future__ import annotations

import itertools
import random

import numpy as np

from newsdesk.corpus.compare import (SAME_VALUE, Claim, _candidate_pairs, aligned, claim_groups, discrepancies, group_rows,
                                     relative_difference, rows_of_groups)
from newsdesk.corpus.story_state import components


def _all_pairs(claims: list[Claim]) -> list[dict]:
    test = lambda i, j: aligned(claims[i], claims[j])  # noqa: E731
    return rows_of_groups(claims, components([c.id for c in claims], itertools.combinations(range(len(claims)), 2), test))


def _claims(seed: int, n: int) -> list[Claim]:
    rnd = random.Random(seed)
    rng = np.random.default_rng(seed)
    words = ["export", "import", "profit", "cost", "grow", "kill", "injure"]
    values = [0.0, -2.0, 1.0, 2.0, 2.9, 3.0, 3.1, 9.0, 10.0, 30.0, 1e6, 2.5e6]
    out = []
    for k in range(n):
        v = rnd.choice(values) * rnd.choice([1, 1, 1.004, 1.2])
        unit = rnd.choice(["percent", "USD", "troops"])
        c = Claim(f"art{k % 9}-a{k}", f"art{k % 9}", f"outlet{k % 4}", rnd.choice([None, "s1", "s2"]),
                  rnd.choice([None, None, "art0"]), v, unit, v, unit, rnd.random() < 0.3, None, None,
                  rnd.choice([None, "2024", "2024-03"]), (0, 10, "A sentence."), (0, 3, str(v)),
                  vector=rng.standard_normal(8).astype("<f4"))
        c.terms = set(rnd.sample(words, rnd.randint(0, 2)))
        c.common = set(c.terms)
        out.append(c)
    return out


def test_windowed_pairs_give_the_rows_of_all_pairs() -> None:
    found = 0
    for seed in range(30):
        claims = _claims(seed, 60)
        rows = discrepancies(claims)
        assert rows == _all_pairs(claims)
        found += len(rows)
    assert found > 50  # the fixture does align claims: the comparison is not between two empty lists


def test_a_nan_value_falls_back_to_every_pair_of_its_unit() -> None:
    claims = _claims(7, 40)
    claims[3].value = float("nan")
    assert discrepancies(claims) == _all_pairs(claims)


def test_fresh_pairs_are_the_full_windows_pairs_that_hold_a_fresh_claim() -> None:
    for seed in range(20):
        claims = _claims(seed, 60)
        if seed % 5 == 0:
            claims[seed].value = float("nan")
        fresh = set(random.Random(seed).sample(range(60), 7))
        every = {p for p in _candidate_pairs(claims) if p[0] in fresh or p[1] in fresh}
        assert sorted(set(_candidate_pairs(claims, fresh))) == sorted(every)
        assert len(_candidate_pairs(claims, fresh)) == len(every)  # each pair once


def test_groups_kept_from_before_plus_fresh_pairs_give_the_rows_of_all_pairs() -> None:
    grew = 0
    for seed in range(30):
        claims = _claims(seed, 60)
        old = claims[:45]  # the story before, then 15 new claims
        kept = [[old[i].id for i in g] for g in claim_groups(old)]
        fresh = set(range(45, 60))
        assert discrepancies(claims, kept, fresh) == _all_pairs(claims)
        grew += len(claim_groups(claims)) != len(kept)
    assert grew  # new claims did join or open groups


def _reference_conflict(group: list[Claim]) -> bool:
    """The definition: two bins at least, two sources at least, and no source in two bins."""
    ordered = sorted(group, key=lambda c: (c.value, c.article, c.figure[0]))
    bins: list[list[Claim]] = []
    for c in ordered:
        if bins and relative_difference(bins[-1][0].value, c.value) <= SAME_VALUE:
            bins[-1].append(c)
        else:
            bins.append([c])
    sources = {c.source for c in group}
    return len(bins) >= 2 and len(sources) >= 2 and \
        not any(sum(src in {c.source for c in b} for b in bins) > 1 for src in sources)


def test_group_rows_list_a_conflict_exactly_when_no_source_gives_two_of_its_figures() -> None:
    seen = set()
    for seed in range(200):
        claims = [c for c in _claims(seed, 14) if c.unit == "percent"][: 2 + seed % 6]
        if len(claims) < 2:
            continue
        want = _reference_conflict(claims)
        assert any(r["kind"] == "conflict" for r in group_rows(claims)) == want, seed
        seen.add(want)
    assert seen == {True, False}
