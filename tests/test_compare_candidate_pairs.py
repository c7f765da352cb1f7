"""compare.discrepancies tests only same-unit pairs within MAX_CONFLICT_RATIO: the groups and rows must be
those of testing every pair."""
from __future__ import annotations

import itertools
import random

import numpy as np

from newsdesk.corpus.compare import Claim, discrepancies, rows_of_pairs


def _all_pairs(claims: list[Claim]) -> list[dict]:
    return rows_of_pairs(claims, itertools.combinations(range(len(claims)), 2))


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
