"""Quote content computed once per article, in the pipeline, so that grouping quotes never parses.

:func:`article_quote_features` keeps, per quote, what :func:`newsdesk.corpus.similarity.content` reads
from a parse (content lemmas and the averaged content-word vector) and, once per lemma, its word
vector (stored in ``lemma_vectors``: shared by every article, so the store grows with the vocabulary,
not with the quotes). :func:`stored_similarity` is :func:`newsdesk.corpus.similarity.similarity`
computed from those stored values (same arithmetic, same result).
"""
from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import numpy as np

from .similarity import CONTENT_POS, LEMMA_WEIGHT, MIN_CONTENT, _matches, cosine, norm, unit_rows


def _b64(vec: Any) -> str:
    return base64.b64encode(np.asarray(vec, dtype="<f4").tobytes()).decode("ascii")


def _vec(data: str | bytes | None) -> np.ndarray | None:
    if data is None:
        return None
    raw = base64.b64decode(data) if isinstance(data, str) else bytes(data)
    return np.frombuffer(raw, dtype="<f4").copy()


def article_quote_features(quotes: list[Any], doc: Any) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Per quote (in order): {"quote": index, "lemmas", "vector"}; and the word vector of every lemma.

    The quote's tokens come from the article's own parse (``doc``), not from parsing the quote again."""
    from .similarity import Content

    feats: list[dict[str, Any]] = []
    vectors: dict[str, str] = {}
    vocab = doc.vocab
    for n, q in enumerate(quotes):
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        toks = [t for t in (span if span is not None else ()) if t.is_alpha and not t.is_stop
                and t.pos_ in CONTENT_POS]
        c = Content(toks)
        feats.append({"quote": n, "lemmas": list(c.lemmas), "vector": None if c.vector is None else _b64(c.vector)})
        for w in c.lemmas:
            if w not in vectors and vocab[w].has_vector:
                vectors[w] = _b64(vocab[w].vector)
    return feats, vectors


class _Stored:
    """The attributes of :class:`newsdesk.corpus.similarity.Content`, from stored values."""

    __slots__ = ("lemmas", "matrix", "known", "vector")

    def __init__(self, lemmas: list[str], vector: str | None, vectors: dict[str, str], dim: int) -> None:
        self.lemmas = tuple(lemmas)
        rows = [_vec(vectors[w]) if w in vectors else None for w in self.lemmas]
        self.matrix, self.known = unit_rows(rows, dim)
        self.vector = _vec(vector)


def stored_similarity(a: dict[str, Any], b: dict[str, Any], cache: dict[Any, Any] | None = None) -> float:
    """:func:`~newsdesk.corpus.similarity.similarity` of two quote rows carrying stored ``content``.

    ``cache`` keeps, per quote, what it brings to every pair it is in (normalised text, vector size,
    decoded content) for a caller comparing each quote with many: a quote's lemma vectors are the same
    whichever quote it meets (one ``lemma_vectors`` table)."""
    cache = {} if cache is None else cache
    na, nb = _once(cache, "norm", a, lambda: norm(a["text"])), _once(cache, "norm", b, lambda: norm(b["text"]))
    if na and nb and (na in nb or nb in na) and min(len(na), len(nb)) >= 12:
        return 1.0  # one text copies the other
    fa, fb = a["content"], b["content"]
    if len(fa["lemmas"]) < MIN_CONTENT or len(fb["lemmas"]) < MIN_CONTENT:
        return 0.0
    da, db = (_once(cache, "dim", q, lambda f=f: _dim(f["vectors"])) for q, f in ((a, fa), (b, fb)))
    dim = da if da is not None else db if db is not None else 1  # the first vector of the two quotes'
    ca, cb = (_cached(cache, q, f, lambda: {**fa["vectors"], **fb["vectors"]}, dim) for q, f in ((a, fa), (b, fb)))
    overlap = (float(_matches(ca, cb).mean()) + float(_matches(cb, ca).mean())) / 2
    return LEMMA_WEIGHT * overlap + (1 - LEMMA_WEIGHT) * max(cosine(ca.vector, cb.vector), 0.0)


def _dim(vectors: dict[str, str]) -> int | None:
    """The size of the first of these stored word vectors (None: there is none)."""
    return next((len(base64.b64decode(v)) // 4 for v in vectors.values()), None)


def _once(cache: dict[Any, Any], what: str, q: dict[str, Any], make: Callable[[], Any]) -> Any:
    key = (what, q["id"])
    if key not in cache:
        cache[key] = make()
    return cache[key]


def _cached(cache: dict[Any, Any], q: dict[str, Any], f: dict[str, Any], vectors: Callable[[], dict[str, str]],
            dim: int) -> _Stored:
    key = (q["id"], dim)
    if key not in cache:
        cache[key] = _Stored(f["lemmas"], f["vector"], vectors(), dim)
    return cache[key]
