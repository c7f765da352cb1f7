"""Quote variants: one statement rendered differently by different outlets (translations, trims, copies).

Two quotes are variants of one statement when their speakers are compatible (same canonical entity,
or the same surname when an entity is missing), they belong to one story or were published within
``DAY_WINDOW`` days, and their wording is close: a blend of lemma overlap and the cosine of averaged
content-word vectors (spaCy md; :mod:`.similarity`). Exact copies (normalised text contained in the other) always match.
Groups are the connected components of that relation; only groups of 2+ quotes are stored.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any

from .similarity import similarity
from .story_state import components, signature

__all__ = ["VARIANT_MIN", "group_quotes", "similarity"]

DAY_WINDOW = 3
VARIANT_MIN = 0.68  # blended similarity for two renderings of one statement (seeds+demo: variants 0.72-0.77, other statements by the same speaker <= 0.63)


def _surname(name: str | None) -> str | None:
    parts = (name or "").split()
    return parts[-1].lower() if parts else None


def same_speaker(a: dict[str, Any], b: dict[str, Any], canonical: dict[str, str]) -> bool:
    ka, kb = a.get("speaker_entity"), b.get("speaker_entity")
    if ka and kb:
        return canonical.get(ka, ka) == canonical.get(kb, kb)
    sa, sb = _surname(a.get("speaker")), _surname(b.get("speaker"))
    return bool(sa and sa == sb)


def _days_apart(a: str | None, b: str | None) -> int | None:
    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days) if a and b else None
    except ValueError:
        return None


def close_in_time(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("story_id") and a.get("story_id") == b.get("story_id"):
        return True
    days = _days_apart(a.get("published"), b.get("published"))
    return days is not None and days <= DAY_WINDOW


def _similarity(a: dict[str, Any], b: dict[str, Any], cache: dict[Any, Any] | None = None) -> float:
    """From the content the pipeline stored with each quote when both have it (no parse), else a parse now;
    ``cache`` keeps each quote's decoded content across the pairs it is in."""
    if a.get("content") and b.get("content"):
        from .quote_features import stored_similarity

        return stored_similarity(a, b, cache)
    return similarity(a["text"], b["text"])


def _speaker_pairs(quotes: list[dict[str, Any]], canonical: dict[str, str],
                   fresh: set[int] | None = None) -> list[tuple[int, int]]:
    """The pairs :func:`same_speaker` can accept, in index order: quotes with the same canonical entity,
    and quotes with the same surname where one has no entity (a big story's quotes are not all paired);
    ``fresh``: only the pairs holding one of these quotes."""
    by_entity: dict[str, list[int]] = {}
    by_surname: dict[str, list[int]] = {}
    for i, q in enumerate(quotes):
        if k := q.get("speaker_entity"):
            by_entity.setdefault(canonical.get(k, k), []).append(i)
        if s := _surname(q.get("speaker")):
            by_surname.setdefault(s, []).append(i)

    def within(idx: list[int]) -> Iterable[tuple[int, int]]:
        if fresh is None:
            return ((i, j) for n, i in enumerate(idx) for j in idx[n + 1:])
        return ((min(i, j), max(i, j)) for i in idx if i in fresh for j in idx if j != i and (j not in fresh or i < j))

    pairs = {p for idx in by_entity.values() for p in within(idx)}
    pairs |= {(i, j) for idx in by_surname.values() for i, j in within(idx)
              if not (quotes[i].get("speaker_entity") and quotes[j].get("speaker_entity"))}
    return sorted(pairs)


def quote_signature(q: dict[str, Any], canonical: dict[str, str]) -> str:
    """What the pair test reads of a quote that can change once stored: its speaker's entity link and its
    article's story and date (:mod:`.story_state`)."""
    key = q.get("speaker_entity")
    return signature(canonical.get(key, key) if key else None, q.get("speaker"), q["article_id"],
                     q.get("story_id"), q.get("published"), q.get("text"))


def group_quotes(quotes: list[dict[str, Any]], canonical: dict[str, str], kept: Iterable[Iterable[str]] = (),
                 fresh: set[str] | None = None) -> list[dict[str, Any]]:
    """Quote rows (with ``published``/``story_id`` of their article) -> quote_groups rows of 2+ quotes.
    ``kept``/``fresh``: groups found before and the quote ids new since (:mod:`.story_state`)."""
    return quote_group_rows(*quote_components(quotes, canonical, kept, fresh), canonical)


def quote_components(quotes: list[dict[str, Any]], canonical: dict[str, str], kept: Iterable[Iterable[str]] = (),
                     fresh: set[str] | None = None) -> tuple[list[dict[str, Any]], list[list[int]]]:
    """The quotes with a speaker, and their groups (index lists, 2+ quotes)."""
    quotes = [q for q in quotes if q.get("speaker") or q.get("speaker_entity")]
    cache: dict[Any, Any] = {}

    def test(i: int, j: int) -> bool:
        a, b = quotes[i], quotes[j]
        if a["article_id"] == b["article_id"] or not close_in_time(a, b):
            return False
        return _similarity(a, b, cache) >= VARIANT_MIN

    new = None if fresh is None else {i for i, q in enumerate(quotes) if q["id"] in fresh}
    return quotes, components([q["id"] for q in quotes], _speaker_pairs(quotes, canonical, new), test, kept)


def quote_group_rows(quotes: list[dict[str, Any]], groups: list[list[int]], canonical: dict[str, str]
                     ) -> list[dict[str, Any]]:
    rows = []
    for members in ([quotes[i] for i in group] for group in groups):
        members.sort(key=lambda q: (q.get("published") or "", q["id"]))
        stories = {q.get("story_id") for q in members}
        key = members[0].get("speaker_entity")
        rows.append({"id": "qg-" + hashlib.sha1("|".join(sorted(q["id"] for q in members)).encode()).hexdigest()[:16],
                     "speaker": next((q["speaker"] for q in members if q.get("speaker")), None),
                     "speaker_entity": canonical.get(key, key) if key else None,
                     "story_id": stories.pop() if len(stories) == 1 else None,
                     "quotes": [q["id"] for q in members]})
    return sorted(rows, key=lambda r: r["id"])
