"""Meaning similarity of two short texts: lemma overlap blended with averaged word-vector cosine (spaCy md).

One place for what quote variants, measure alignment and "only in one source" all need:
:func:`parse` (cached spaCy parse), :func:`cosine`, :func:`mean_vector`, and :func:`similarity`, a blend
of a soft lemma overlap (same lemma, same 5-letter stem, or a strong word-vector cosine counts as a
match) and the cosine of the averaged content-word vectors.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import numpy as np

LEMMA_WEIGHT = 0.6  # share of lemma overlap; the rest is vector cosine
SYNONYM_MIN = 0.6  # word-vector cosine that counts as a loose synonym in the overlap
MIN_CONTENT = 3  # texts with fewer content words ("ally", "no limits") are too short to tell apart
STEM = 5  # words sharing this many leading letters are one word ("politics"/"political")
CONTENT_POS = ("NOUN", "PROPN", "VERB", "ADJ", "ADV")
_SPACE = re.compile(r"[\W_]+", re.UNICODE)


def norm(text: str) -> str:
    return _SPACE.sub(" ", text.lower()).strip()


@functools.lru_cache(maxsize=8192)
def parse(text: str) -> Any:
    """The spaCy doc of a text (cached: the same sentence is parsed once per process)."""
    from ..nlp.model import load_nlp

    return load_nlp()(text)


def cosine(a: np.ndarray | None, b: np.ndarray | None) -> float:
    if a is None or b is None:
        return 0.0
    n = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b) / n if n else 0.0


def mean_vector(tokens: Iterable[Any]) -> np.ndarray | None:
    vecs = [t.vector for t in tokens if t.has_vector]
    return np.mean(vecs, axis=0) if vecs else None


def unit_rows(rows: list[Any], dim: int) -> tuple[np.ndarray, np.ndarray]:
    """(matrix of unit-length word vectors, which rows have a vector); a missing vector is a zero row."""
    m = np.array([r if r is not None else np.zeros(dim) for r in rows], dtype=np.float32).reshape(-1, dim)
    norms = np.linalg.norm(m, axis=1)
    known = norms > 0
    norms[norms == 0] = 1
    return m / norms[:, None], known


class Content:
    """Content lemmas of a text, their unit word vectors (rows) and the averaged vector."""

    __slots__ = ("lemmas", "matrix", "known", "vector")

    def __init__(self, tokens: list[Any]) -> None:
        self.lemmas = tuple(dict.fromkeys(t.lemma_.lower() for t in tokens))
        from ..nlp.model import load_nlp

        vocab = load_nlp().vocab
        rows = [vocab[w].vector if vocab[w].has_vector else None for w in self.lemmas]
        dim = vocab.vectors.shape[1] if vocab.vectors.shape[1] else 1
        self.matrix, self.known = unit_rows(rows, dim)
        self.vector = mean_vector(tokens)


@functools.lru_cache(maxsize=16384)
def content(text: str) -> Content:
    toks = [t for t in parse(text) if t.is_alpha and not t.is_stop and t.pos_ in CONTENT_POS]
    return Content(toks)


def _matches(a: Content, b: Content) -> np.ndarray:
    """Per word of ``a``: 1 for the same lemma or stem in ``b``, else its best vector cosine if >= SYNONYM_MIN."""
    cos = a.matrix @ b.matrix.T if len(a.lemmas) and len(b.lemmas) else np.zeros((len(a.lemmas), 1))
    cos[~a.known, :] = 0.0
    if len(b.lemmas):
        cos[:, ~b.known] = 0.0
    best = cos.max(axis=1) if cos.size else np.zeros(len(a.lemmas))
    best = np.where(best >= SYNONYM_MIN, best, 0.0)
    others = set(b.lemmas)
    stems = {w[:STEM] for w in b.lemmas if len(w) >= STEM}
    for i, w in enumerate(a.lemmas):
        if w in others or (len(w) >= STEM and w[:STEM] in stems):
            best[i] = 1.0
    return best


def similarity(a: str, b: str) -> float:
    """Blend of soft lemma overlap (both directions) and averaged content-word vector cosine, in [0, 1]."""
    na, nb = norm(a), norm(b)
    if na and nb and (na in nb or nb in na) and min(len(na), len(nb)) >= 12:
        return 1.0  # one text copies the other
    ca, cb = content(a), content(b)
    if len(ca.lemmas) < MIN_CONTENT or len(cb.lemmas) < MIN_CONTENT:
        return 0.0
    # both directions: a short fragment fully inside a long text is not a rendering of it
    overlap = (float(_matches(ca, cb).mean()) + float(_matches(cb, ca).mean())) / 2
    return LEMMA_WEIGHT * overlap + (1 - LEMMA_WEIGHT) * max(cosine(ca.vector, cb.vector), 0.0)


def coverage(a: str, b: str) -> float:
    """How much of ``a`` ``b`` says: soft lemma overlap of ``a``'s words in ``b``, blended with vector cosine.

    One-directional on purpose: a short sentence restated inside a longer one is covered by it.
    """
    ca, cb = content(a), content(b)
    if len(ca.lemmas) < MIN_CONTENT or len(cb.lemmas) < MIN_CONTENT:
        return 0.0
    return LEMMA_WEIGHT * float(_matches(ca, cb).mean()) + (1 - LEMMA_WEIGHT) * max(cosine(ca.vector, cb.vector), 0.0)
