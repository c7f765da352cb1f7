"""Name strings and span boundaries: normalisation, honorifics, the cue vocabulary file."""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CUES_FILE = Path(__file__).resolve().parents[1] / "data" / "actor_cues.json"
_POSSESSIVE = {"'s", "’s", "'", "’"}
_QUOTE_CHARS = "\"'“”‘’«»"


@dataclass(frozen=True)
class Cues:
    honorific_gender: dict[str, str | None]
    role_nouns: frozenset[str]
    generic_roles: frozenset[str]
    pronoun_gender: dict[str, str]
    actor_preps: frozenset[str]
    location_preps: frozenset[str]
    place_nouns: frozenset[str]
    combining_forms: dict[str, str]
    determiners: frozenset[str]
    span_honorifics: frozenset[str]


@functools.lru_cache(maxsize=1)
def cues() -> Cues:
    data: dict[str, Any] = json.loads(CUES_FILE.read_text(encoding="utf-8"))
    hon: dict[str, str | None] = {w: None for w in data["honorifics_neutral"]}
    hon.update({w: "m" for w in data["honorifics_male"]})
    hon.update({w: "f" for w in data["honorifics_female"]})
    pron = {w: "m" for w in data["male_pronouns"]}
    pron.update({w: "f" for w in data["female_pronouns"]})
    return Cues(
        honorific_gender=hon, role_nouns=frozenset(data["role_nouns"]),
        generic_roles=frozenset(data["generic_roles"]), pronoun_gender=pron,
        actor_preps=frozenset(data["actor_preps"]), location_preps=frozenset(data["location_preps"]),
        place_nouns=frozenset(data["place_nouns"]), combining_forms=dict(data["combining_forms"]),
        determiners=frozenset(data["determiners"]), span_honorifics=frozenset(data["span_honorifics"]),
    )


def fold(text: str) -> str:
    """Accents folded, lowercase, punctuation dropped (hyphens kept as spaces), single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").lower()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[-‐‑–—_/]", " ", text)
    text = re.sub(r"[^\w\s]", "", text)
    return " ".join(text.split())


def name_tokens(text: str) -> list[str]:
    """The folded words of a person name, honorifics and initials-with-dots kept as letters."""
    words = fold(text).split()
    hon = cues().honorific_gender
    while words and (words[0] in hon or words[0] + "." in hon) and len(words) > 1:
        words = words[1:]
    return words


def is_span_honorific(token: Any) -> bool:
    """Mr./Ms./Dr. and the like: part of the referring expression, not a title."""
    return token.lower_ in cues().span_honorifics


def honorific_gender(token: Any) -> str | None:
    h = cues().honorific_gender
    return h.get(token.lower_, h.get(token.lower_.rstrip(".")))


def trim(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Token bounds without a leading determiner, trailing possessive, punctuation or quote marks."""
    det = cues().determiners
    while start < end and (doc[start].lower_ in det or doc[start].is_punct or doc[start].is_space
                           or doc[start].text in _QUOTE_CHARS):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_space
                           or (doc[end - 1].is_punct and doc[end - 1].text != ".")
                           or doc[end - 1].text in _QUOTE_CHARS):
        end -= 1
    # a final "." belongs to an abbreviation ("U.S.") but not to a sentence end after a word
    if end > start and doc[end - 1].text == "." and end - 1 > start and "." not in doc[end - 2].text:
        end -= 1
    return start, end


def char_span(doc: Any, start: int, end: int) -> tuple[int, int, str]:
    """Character offsets of tokens [start, end), with any trailing possessive mark in a token removed."""
    a = doc[start].idx
    text = doc[start:end].text  # Doc.text rebuilds the whole text on every call: stay on the span
    b = a + len(text)
    for mark in ("'s", "’s"):
        if text.endswith(mark) and len(text) > len(mark) + 1:
            b -= len(mark)
            text = text[: -len(mark)]
    return a, b, text
