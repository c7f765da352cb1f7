"""Actor hygiene: a pure post-pass over an article's coded events (issue 11).

Bylines, credited reporters, presenters, outlets and news agencies report events; they are never
their actors or targets. Names that NER cut up ("'s Foreign", "minister", "J.") are not parties
either. An event with such a party on either side is dropped: without its real actor it would read
as something that did not happen ("United Kingdom attacks <a presenter>"). The rules live in
``events/data/hygiene.json``; outlets come from the bundled outlet registry.
"""
from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

from ..records import Event, Meta, Mention, Party


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    data = json.loads(resources.files("newsdesk.events").joinpath("data/hygiene.json").read_text(encoding="utf-8"))
    frag = data["fragments"]
    data["_fragment_res"] = [re.compile(p, re.I if not p.startswith("^(?:[A-Z]") else 0) for p in frag["patterns"]]
    data["_credit_res"] = [re.compile(p, re.M) for p in data["credit_lines"]]
    data["_sep_re"] = re.compile(data["credit_separators"], re.I)
    data["_role_re"] = re.compile(r"\b(?:%s)s?\b" % "|".join(map(re.escape, data["media_roles"])), re.I)
    return data


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", name.lower())).strip()


@functools.lru_cache(maxsize=1)
def _outlets() -> Any:
    from ..clean.outlets import load_outlets

    return load_outlets()


def is_fragment(name: str | None) -> bool:
    """A name NER cut up or mis-split: one letter, a lone lowercase word, a possessive piece..."""
    if name is None:
        return False
    name = name.strip()
    frag = rules()["fragments"]
    if len(name) < frag["min_chars"]:
        return True
    if frag["single_lowercase_token"] and " " not in name and name == name.lower() and name.isalpha():
        return True
    return any(p.search(name) for p in rules()["_fragment_res"])


def credited_names(text: str) -> set[str]:
    """Normalised names from credit lines in the text ("Reporting by A and B; Editing by C")."""
    out: set[str] = set()
    for pat in rules()["_credit_res"]:
        for m in pat.finditer(text):
            for part in rules()["_sep_re"].split(m.group("names")):
                part = _norm(part)
                if part and len(part.split()) <= 4:
                    out.add(part)
    return out


def media_people(meta: Meta, text: str, mentions: Iterable[Mention]) -> tuple[set[str], set[str]]:
    """(normalised names, entity keys) of the article's authors, credited and described media people."""
    names = {_norm(a) for a in meta.authors or () if a} | credited_names(text)
    keys: set[str] = set()
    role = rules()["_role_re"]
    for m in mentions:
        if m.description and role.search(m.description):
            keys.add(m.entity)
            names.add(_norm(m.text))
        elif _norm(m.text) in names:
            keys.add(m.entity)
    return {n for n in names if n}, keys


def is_outlet(name: str | None, meta: Meta) -> bool:
    """The article's own outlet, or a registered outlet or news agency (by name or alias)."""
    if not name:
        return False
    if meta.outlet and _norm(name) == _norm(meta.outlet):
        return True
    return _outlets().by_name(name) is not None


def _bad_party(p: Party | None, names: set[str], keys: set[str], meta: Meta) -> bool:
    if p is None:
        return False
    if p.entity and p.entity in keys:
        return True
    if p.name is None:
        return False
    n = _norm(p.name)
    if n in names or any(len(n.split()) == 1 and n == full.split()[-1] for full in names if len(full.split()) > 1):
        return True
    return is_outlet(p.name, meta) or (p.country is None and is_fragment(p.name))


def drop_non_actors(events: list[Event], meta: Meta, text: str, mentions: Iterable[Mention]) -> list[Event]:
    """The events whose actor and target are real parties (see the module docstring)."""
    if not events:
        return events
    names, keys = media_people(meta, text, mentions)
    return [e for e in events
            if not (_bad_party(e.actor, names, keys, meta) or _bad_party(e.target, names, keys, meta))]
