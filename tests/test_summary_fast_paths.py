"""The summary's fast paths give what the plain definitions give (issue 12: a touched big story's
summary is recomputed, so it must cost in the sentences kept, not in every sentence of every member)."""
from __future__ import annotations

import math

import numpy as np

from newsdesk.corpus import summarize as sm


def _unit(article: str, pos: int) -> sm.Unit:
    return sm.Unit(article, pos, pos + 1, f"{article} {pos}", pos, "")


def _reference_candidates(per_article: list[list[sm.Unit]], limit: int) -> list[sm.Unit]:
    """Round-robin by rank over fully built lists: the definition the lazy version must match."""
    if sum(len(us) for us in per_article) <= limit:
        return [u for us in per_article for u in us]
    keep, rank = set(), 0
    while len(keep) < limit:
        for i, us in enumerate(per_article):
            if rank < len(us) and len(keep) < limit:
                keep.add((i, rank))
        rank += 1
    return [u for i, us in enumerate(per_article) for r, u in enumerate(us) if (i, r) in keep]


def test_candidates_match_round_robin_definition_for_every_limit():
    sizes = [5, 0, 1, 9, 3, 2]
    per = [[_unit(f"a{i}", p) for p in range(n)] for i, n in enumerate(sizes)]
    for limit in range(0, sum(sizes) + 3):
        got = sm.candidates([iter(us) for us in per], limit)
        assert got == _reference_candidates(per, limit), limit


def test_candidates_draw_each_article_only_as_far_as_kept():
    drawn: list[tuple[int, int]] = []

    def gen(i: int, n: int):
        for p in range(n):
            drawn.append((i, p))
            yield _unit(f"a{i}", p)

    got = sm.candidates([gen(i, 50) for i in range(4)], limit=6)
    assert [(u.article, u.position) for u in got] == [("a0", 0), ("a0", 1), ("a1", 0), ("a1", 1),
                                                      ("a2", 0), ("a3", 0)]
    assert max(p for _, p in drawn) == 1 and len(drawn) == 6  # 200 sentences, six read


def _reference_mmr(score: np.ndarray, sim: np.ndarray, k: int) -> list[int]:
    chosen: list[int] = []
    left = set(range(len(score)))
    while left and len(chosen) < k:
        def gain(i: int) -> float:
            return sm.MMR_LAMBDA * score[i] - (1 - sm.MMR_LAMBDA) * max((sim[i, j] for j in chosen), default=0.0)
        best = max(sorted(left), key=gain)
        left.discard(best)
        if chosen and max(sim[best, j] for j in chosen) >= sm.REDUNDANT:
            continue
        chosen.append(best)
    return chosen


def test_mmr_matches_its_definition_including_ties_and_redundant_skips():
    rng = np.random.default_rng(7)
    for trial in range(200):
        n = int(rng.integers(1, 40))
        d = rng.random((n, 6)) * (rng.random((n, 6)) < 0.5)
        if trial % 3 == 0:
            d[n // 2:] = d[: n - n // 2]  # duplicated sentences: ties and redundant picks
        norms = np.linalg.norm(d, axis=1)
        norms[norms == 0] = 1
        d /= norms[:, None]
        sim = d @ d.T
        score = np.round(rng.random(n), 1)  # coarse scores: many ties
        for k in (1, 3, 7):
            assert sm.mmr(score, sim, k) == _reference_mmr(score, sim, k)


def _reference_terms(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for w in sm._WORD.findall(text.lower()):
        w = w.replace("’", "'").removesuffix("'s")
        if len(w) < 3 or w in sm.STOP_WORDS:
            continue
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out[w] = out.get(w, 0) + 1
    return out


def test_terms_fold_words_once_with_the_same_counts():
    text = ("The minister’s talks: Ministers met; the minister's class passes glass. Talks, talks! "
            "It was an ox's day, as is usual for the crisis-hit bus lines in 2024.")
    got = sm.terms(text)
    assert got == {"minister": 3, "talk": 3, "met": 1, "class": 1, "passe": 1, "glass": 1, "day": 1,
                   "usual": 1, "crisis-hit": 1, "bus": 1, "line": 1}
    assert list(got.items()) == list(_reference_terms(text).items())  # same counts, first-seen order
    assert sm.terms(text) == got  # folded words come from the cache the second time


def _reference_similarity(units: list[sm.Unit]) -> np.ndarray:
    """The cell-at-a-time definition: TF-IDF rows (first-seen vocabulary), L2-normalised, their cosines."""
    n = len(units)
    vocab: dict[str, int] = {}
    df: dict[str, int] = {}
    for u in units:
        for t in u.terms:
            df[t] = df.get(t, 0) + 1
            vocab.setdefault(t, len(vocab))
    d = np.zeros((n, len(vocab)))
    for i, u in enumerate(units):
        for t, c in u.terms.items():
            d[i, vocab[t]] = (1 + math.log(c)) * math.log((1 + n) / (1 + df[t]) + 1)
    norms = np.linalg.norm(d, axis=1)
    norms[norms == 0] = 1
    d /= norms[:, None]
    return d @ d.T


_SENTENCES = [
    "The central bank raised its main rate by half a point on Tuesday, the third rise this year.",
    "Analysts had expected the central bank to raise the rate by a quarter point at most.",
    "Shares of exporters fell after the bank's decision, while the currency rose against the dollar.",
    "The bank said inflation would stay above its target until the end of next year.",
    "Rate rise rate rise rate: the bank's rate decision surprised traders.",
    "Nothing here.",
]


def test_similarity_matrix_is_bit_equal_to_its_cell_at_a_time_definition(monkeypatch):
    units = [sm.Unit("a", i, i + 1, s, i, "", terms=sm.terms(s)) for i, s in enumerate(_SENTENCES)]
    units.append(sm.Unit("b", 0, 1, "x", 0, ""))  # a sentence without terms: a zero row
    want = _reference_similarity(units)
    dense = sm.similarity_matrix(units)
    assert dense.tobytes() == want.tobytes()  # the same floats, not merely close ones
    monkeypatch.setattr(sm, "DENSE_CELLS", 0)  # the sparse path: the same cosines up to rounding
    assert np.allclose(sm.similarity_matrix(units), want, rtol=0, atol=1e-12)
    assert sm.similarity_matrix(units[:1]).shape == (1, 1)


def _reference_unnamed(sentence: str) -> bool:
    tail = sentence.rstrip(" .!?" + sm._OPEN_QUOTES).lower()
    return any(tail.endswith(", " + p) or tail.endswith(p) and tail[:-len(p)].rstrip().endswith(tuple(sm._OPEN_QUOTES[:4]))
               for p in sm._pronoun_attributions())


def test_unnamed_speaker_matches_its_definition_with_and_without_an_ending():
    sentences = ["Prices will fall next year, he said.", '"Prices will fall," she said.',
                 "Prices will fall, the minister said.", "He said prices would fall.",
                 "Prices will fall, they added!", "The shed said nothing.", "", '"We will go," he said."']
    got = [sm.unnamed_speaker(s) for s in sentences]
    assert got == [_reference_unnamed(s) for s in sentences]
    assert got[:4] == [True, True, False, False]
