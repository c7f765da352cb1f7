"""Gender evidence for pronoun attribution: he/she only resolves to a compatible named person.

Evidence per canonical name, from the article itself and data/speaker_gender.json: an honorific or
gendered title right before a mention ("Mrs. Roe", "Congresswoman Roe"), a gendered role word in
the person's description ("a spokeswoman for ..."), else the given name when the list knows it.
Unknown stays unknown: it never blocks a match.
"""
from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Protocol


class _Cand(Protocol):
    start: int
    name: str
    type: str
    description: str | None


@functools.lru_cache(maxsize=1)
def gender_data() -> dict:
    raw = resources.files("newsdesk.data").joinpath("speaker_gender.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    data["female_names"] = frozenset(data["female_names"])
    data["male_names"] = frozenset(data["male_names"])
    data["relative_markers"] = frozenset(data.get("relative_markers", ()))  # "whose husband": another person
    return data


def pronoun_gender(word: str) -> str | None:
    """'m' or 'f' for he/she/his/her..., None for anything else."""
    return gender_data()["pronouns"].get(word.lower())


def name_gender(name: str) -> str | None:
    first = re.findall(r"[A-Za-z]+", name)
    if not first:
        return None
    word = first[0].lower()
    data = gender_data()
    if word in data["female_names"]:
        return "f"
    if word in data["male_names"]:
        return "m"
    return None


def description_gender(description: str | None) -> str | None:
    """'m' | 'f' from the first gendered role word of an unnamed speaker's description ("a
    29-year-old woman", "a spokesman for X"), else None."""
    data = gender_data()
    words, relatives = data["role_words"], data["relative_markers"]
    prev = ""
    for word in re.findall(r"[a-z]+", (description or "").lower())[:6]:
        if prev in relatives:
            return None  # "Jane Roe, whose husband ...": the relative's gender, not the person's
        if word in words:
            return words[word]
        prev = word
    return None


def person_genders(cands: list[_Cand], text: str) -> dict[str, str]:
    """Canonical person name -> 'm' | 'f' where the article or the name says so; conflicts drop out.
    An honorific ("Mrs. Roe") or a role word of a description ("a spokeswoman") outranks the given
    name, which outranks a generic "-man" title ("spokesman Susan Park": it is used for women too)."""
    data = gender_data()
    votes: dict[str, tuple[set[str], set[str]]] = {}
    for c in cands:
        if c.type != "PERSON":
            continue
        strong, weak = votes.setdefault(c.name, (set(), set()))
        before = re.findall(r"([A-Za-z]+\.?)\s*$", text[max(0, c.start - 16):c.start])
        # the mention may hold it ("Ms. Roe"), unless the given name it was linked to says otherwise
        # (the actors may link "Mrs. Roe" to her son John Roe: that is her honorific, not his gender)
        own = re.match(r"([A-Za-z]+\.?)\s+\S", text[c.start:getattr(c, "end", c.start)])
        if own and own.group(1).lower() in data["honorifics"] \
                and name_gender(c.name) in (None, data["honorifics"][own.group(1).lower()]):
            before = [own.group(1)]
        if before and before[0].lower() in data["honorifics"]:
            strong.add(data["honorifics"][before[0].lower()])
        g = description_gender(c.description)
        if g:
            generic = any(w.endswith("man") and not w.endswith("woman") and data["role_words"].get(w) == g
                          for w in re.findall(r"[a-z]+", (c.description or "").lower())[:6])
            (weak if generic else strong).add(g)
    out: dict[str, str] = {}
    for name, (strong, weak) in votes.items():
        g = next(iter(strong)) if len(strong) == 1 else None if strong else name_gender(name)
        if g is None and not strong and len(weak) == 1:
            g = next(iter(weak))
        if g:
            out[name] = g
    return out


def compatible(genders: dict[str, str], name: str | None, pronoun: str | None,
               description: str | None = None) -> bool:
    """False only when both the pronoun and the person have a known, different gender (an unnamed
    speaker's from its description: "the man" is not "she")."""
    if not pronoun or not (name or description):
        return True
    g = (genders.get(name) or name_gender(name)) if name else description_gender(description)
    return g is None or g == pronoun
