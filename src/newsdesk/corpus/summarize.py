"""Extractive multi-source summaries: LexRank centrality over TF-IDF sentence vectors, MMR selection.

Nothing is generated: every summary item is a sentence span of a stored article, cited with its
offsets (``text == article_text[start:end]``). Copies (``duplicate_of``) are left out before
anything is scored, so a syndicated story cannot vote twice for its own sentences.
"""
from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from spacy.lang.en.stop_words import STOP_WORDS

from ..engine.blas import one_blas_thread

MIN_WORDS, MAX_WORDS = 6, 70  # shorter: fragments and headlines; longer: run-on scraping debris
EDGE_MIN = 0.08  # LexRank: cosine below this is no edge
DAMPING = 0.85
LEAD_WEIGHT = 0.25  # share of a sentence's score from its position (news puts the gist first)
MMR_LAMBDA = 0.7  # relevance vs novelty in MMR
REDUNDANT = 0.5  # a candidate this similar to a chosen sentence is never chosen
DENSE_CELLS = 200_000  # sentences x terms up to which the similarity is computed densely
MAX_UNITS = 500  # candidate sentences of one summary: LexRank is quadratic in them (time and memory)
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_OPEN_QUOTES = "\"'“”‘’«»"
DATA = Path(__file__).parent / "data" / "synthesis.json"


@functools.lru_cache(maxsize=1)
def _pronoun_attributions() -> tuple[str, ...]:
    return tuple(json.loads(DATA.read_text(encoding="utf-8")).get("pronoun_attributions", ()))


def unnamed_speaker(sentence: str) -> bool:
    """Whether a sentence ends in an attribution that names nobody (", he said.")."""
    tail = sentence.rstrip(" .!?" + _OPEN_QUOTES).lower()
    if not tail.endswith(_pronoun_attributions()):  # both tests below need one of them at the end
        return False
    return any(tail.endswith(", " + p) or tail.endswith(p) and tail[:-len(p)].rstrip().endswith(tuple(_OPEN_QUOTES[:4]))
               for p in _pronoun_attributions())


@dataclass
class Unit:
    """One candidate sentence of one article."""

    article: str
    start: int
    end: int
    text: str
    position: int  # index among the article's sentences
    date: str  # publication date ("" when unknown), for ordering
    outlet: str | None = None
    terms: Counter = field(default_factory=Counter)


@functools.lru_cache(maxsize=1 << 16)
def _term(word: str) -> str | None:
    """A lower-cased word as :func:`terms` counts it, or None (short, stop word); words recur
    across a story's sentences, so each is folded once."""
    w = word.replace("’", "'").removesuffix("'s")
    if len(w) < 3 or w in STOP_WORDS:
        return None
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w


def terms(text: str) -> Counter:
    """Content words, lower-cased, with a crude plural fold (enough for overlap, no parser needed)."""
    return Counter(filter(None, map(_term, _WORD.findall(text.lower()))))  # a term is never empty


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a sentence span past surrounding blanks and a stray quote mark left at its start."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start + 1 < end and text[start] in _OPEN_QUOTES and text[start + 1].isspace():
        start += 1
        while start < end and text[start].isspace():
            start += 1
    return start, end


def iter_units(article: dict[str, Any], with_terms: bool = True) -> Iterator[Unit]:
    """Candidate sentences of an article row (id, text, sentences, published, outlet), in reading order;
    without their terms when ``with_terms`` is off (tokenising is most of the cost, and a big story
    keeps only some). A generator: a big story reads only each article's first sentences."""
    text = article["text"]
    for pos, (s, e) in enumerate(article["sentences"] or []):
        s, e = trim(text, s, e)
        chunk = text[s:e]
        words = len(chunk.split())
        if not (MIN_WORDS <= words <= MAX_WORDS) or chunk[-1] not in ".!?" + _OPEN_QUOTES:
            continue
        if "\n" in chunk or not any(c.islower() for c in chunk):
            continue  # lists, captions glued to text, shouting headers
        if unnamed_speaker(chunk):
            continue  # out of its article, "..., he said." names no one
        yield Unit(article["id"], s, e, chunk, pos, article.get("published") or "", article.get("outlet"),
                   terms(chunk) if with_terms else Counter())


def units_of(article: dict[str, Any], with_terms: bool = True) -> list[Unit]:
    """All candidate sentences of an article row (see :func:`iter_units`)."""
    return list(iter_units(article, with_terms))


def similarity_matrix(units: list[Unit]) -> np.ndarray:
    """Cosine of TF-IDF vectors (IDF over these sentences)."""
    n = len(units)
    if not n:
        return np.zeros((0, 0))
    df: Counter = Counter()
    for u in units:
        df.update(u.terms.keys())
    vocab = {t: i for i, t in enumerate(df)}  # first-seen order, as the document frequencies were counted
    # each cell is tf(count) * idf(term), both computed by math.log as one cell at a time would, then
    # multiplied in numpy (the same IEEE products): no Python loop over a story's cells
    idf = np.array([math.log((1 + n) / (1 + k) + 1) for k in df.values()])
    cols = np.fromiter((vocab[t] for u in units for t in u.terms), dtype=np.intp)
    counts = np.fromiter((c for u in units for c in u.terms.values()), dtype=np.intp)
    rows = np.repeat(np.arange(n), [len(u.terms) for u in units])
    top = int(counts.max()) if len(counts) else 0
    tf = np.array([0.0] + [1 + math.log(c) for c in range(1, top + 1)])
    vals = tf[counts] * idf[cols]
    if n * len(vocab) <= DENSE_CELLS:  # a small story: dense arithmetic costs less than sparse set-up
        d = np.zeros((n, len(vocab)))
        d[rows, cols] = vals
        norms = np.linalg.norm(d, axis=1)
        norms[norms == 0] = 1
        d /= norms[:, None]
        return d @ d.T
    # sparse: a sentence holds a dozen of a big story's thousands of terms, and the product is then cheap
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    m = sparse.diags(1 / norms) @ m
    return (m @ m.T).toarray()


def lexrank(sim: np.ndarray) -> np.ndarray:
    """Stationary scores of the thresholded, row-normalised similarity graph (continuous LexRank)."""
    n = sim.shape[0]
    if n == 0:
        return np.zeros(0)
    w = np.where(sim >= EDGE_MIN, sim, 0.0)
    np.fill_diagonal(w, 0.0)
    rows = w.sum(axis=1)
    rows[rows == 0] = 1
    p = w / rows[:, None]
    r = np.full(n, 1.0 / n)
    for _ in range(100):
        nxt = (1 - DAMPING) / n + DAMPING * (p.T @ r)
        if np.abs(nxt - r).sum() < 1e-9:
            r = nxt
            break
        r = nxt
    return r / r.max()


def scores(units: list[Unit], sim: np.ndarray) -> np.ndarray:
    cent = lexrank(sim)
    lead = np.array([1.0 / (1 + u.position / 3) for u in units])
    return (1 - LEAD_WEIGHT) * cent + LEAD_WEIGHT * lead


def mmr(score: np.ndarray, sim: np.ndarray, k: int) -> list[int]:
    """Greedy maximal marginal relevance; candidates too close to a chosen sentence are skipped.

    ``red`` holds each sentence's greatest similarity to a chosen one, kept up to date as sentences
    are chosen; the first best candidate (lowest index) wins ties."""
    n = len(score)
    chosen: list[int] = []
    left = np.ones(n, dtype=bool)
    red = np.zeros(n)
    while left.any() and len(chosen) < k:
        gain = np.where(left, MMR_LAMBDA * score - (1 - MMR_LAMBDA) * red, -np.inf)
        best = int(np.argmax(gain))
        left[best] = False
        if chosen and red[best] >= REDUNDANT:
            continue
        chosen.append(best)
        red = np.maximum(red, sim[:, best])
    return chosen


def summary_length(n_sources: int) -> int:
    return min(7, 3 + n_sources)


def candidates(per_article: list[Iterable[Unit]], limit: int = MAX_UNITS) -> list[Unit]:
    """The candidate sentences, in article order: all of them when there are at most ``limit``; else
    the earliest sentences of every article first (each article's first candidate, then each one's
    second...), as news puts the gist in the lead, so that a story of hundreds of reports costs as much
    as one of ``limit`` sentences and its summary still draws on every article's lead. Each article's
    sentences are drawn only as far as they are kept."""
    its = [iter(us) for us in per_article]
    kept: list[list[Unit]] = [[] for _ in its]
    live, total = list(range(len(its))), 0
    while live and total < limit:
        still = []
        for i in live:
            if total >= limit:
                break
            u = next(its[i], None)
            if u is not None:
                kept[i].append(u)
                total += 1
                still.append(i)
        live = still
    return [u for us in kept for u in us]


def summarize(articles: list[dict[str, Any]], k: int | None = None) -> list[dict[str, Any]]:
    """Summary items ``{text, article, start, end}`` over the independent articles given, in reading order."""
    originals = [a for a in articles if not a.get("duplicate_of")]
    units = candidates([iter_units(a, with_terms=False) for a in originals])
    for u in units:
        u.terms = terms(u.text)
    if not units:
        return []
    with one_blas_thread():  # small products: BLAS threads would cost more than they share (engine.blas)
        sim = similarity_matrix(units)
        picked = mmr(scores(units, sim), sim, k or summary_length(len(originals)))
    picked.sort(key=lambda i: (units[i].date or "9999", units[i].position, units[i].article))
    return [{"text": units[i].text, "article": units[i].article, "start": units[i].start, "end": units[i].end}
            for i in picked]
