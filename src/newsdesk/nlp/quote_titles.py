"""Who a title refers to: "the adviser said", "Minister Kim said" when two Kims speak.

A role word names the person the article described with it: the head of an apposition ("X, an
adviser to the ministry") or a title before the name ("defence minister X", "Colonel X"). Only the
description's head phrase counts, so "an analyst ... not related to the adviser" is no adviser.
"""
from __future__ import annotations

import re
from typing import Protocol

# words that end the head phrase of a description ("an adviser | to the ministry")
_HEAD_STOP = re.compile(r"\b(?:at|of|to|for|in|on|with|from|who|whose|which|that|and|since)\b|[,;(]")


class _Cand(Protocol):
    start: int
    end: int
    text: str
    name: str
    type: str
    description: str | None


def head_words(description: str | None) -> set[str]:
    """Lower-case words of a description's head phrase: "an adviser to X" -> {"an", "adviser"}."""
    if not description:
        return set()
    head = _HEAD_STOP.split(description, maxsplit=1)[0]
    return {w.lower() for w in re.findall(r"[\w-]+", head)}


def titles_of(cands: list[_Cand], text: str) -> dict[str, set[str]]:
    """Person name -> role words the article gave them (description heads and titles before the name)."""
    out: dict[str, set[str]] = {}
    for c in cands:
        if c.type != "PERSON":
            continue
        words = out.setdefault(c.name, set())
        if len(c.text.split()) < 2:
            continue  # a bare "Kim" took its title from the very sentence being resolved
        words |= head_words(c.description)
        before = re.findall(r"[A-Za-z-]+", text[max(0, c.start - 30):c.start])[-3:]
        words |= {w.lower() for w in before}
    return out


def by_role(cands: list[_Cand], titles: dict[str, set[str]], role: str, pos: int) -> _Cand | None:
    """The most recent person before pos whose titles include the role word."""
    role = role.lower()
    for c in reversed(cands):
        if c.start < pos and c.type == "PERSON" and role in titles.get(c.name, ()):
            return c
    return None


def disambiguate(cands: list[_Cand], titles: dict[str, set[str]], surface: str, title: str | None,
                 chosen: str) -> str:
    """A bare name shared by several people ("Kim"): the one whose titles include the word before it."""
    if not title:
        return chosen
    word = surface.strip().split()[-1] if surface.strip() else ""
    sharing = {c.name for c in cands if c.type == "PERSON" and len(c.name.split()) > 1
               and word in c.name.replace("-", " ").split()}
    if len(sharing) < 2:
        return chosen
    fits = [n for n in sharing if title.lower() in titles.get(n, ())]
    return fits[0] if len(fits) == 1 else chosen
