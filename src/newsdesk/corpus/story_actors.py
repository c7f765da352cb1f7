"""Main actors of an article, so that template-like reports on different actors stay apart.

Quarterly results, market reports and similar wire items share nearly all their words and numbers;
only the company (or person) they are about differs. An article's main actors are its most-mentioned
ORG/PERSON entities, those whose name appears in its title, and the companies its title names
(words before a legal form such as "Corp" or "Ltd"). Actors are compared as normalised names, so
that an entity found in the body matches the same company named in a headline.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any

ACTOR_TYPES = {"ORG", "PERSON"}
TOP_ACTORS = 3  # most-mentioned actors kept (ties at the top count included up to this many)
COMMON_SHARE, COMMON_MIN = 0.02, 20  # a word in more documents than both is no name (e.g. "oper")
_WORD = re.compile(r"[^\W\d_][\w&'’.-]*", re.UNICODE)
# a table row ("Oper shr 40 cts vs 30 cts"): a line with a number, this many words at most and no
# sentence end (table_row); NER reads its abbreviations as names, and they name no one
TABLE_ROW_WORDS = 12
_SENTENCE_END = (".", "!", "?", ":", '"', "”", "’", "'", ")")


@lru_cache(maxsize=1)
def company_forms() -> frozenset[str]:
    text = resources.files("newsdesk.corpus").joinpath("data/company_forms.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _words(text: str) -> list[str]:
    return [w.lower().strip(".'’-").replace("’", "'").removesuffix("'s") for w in _WORD.findall(text)]


def normalise(name: str) -> str:
    """Lower-case name words without a trailing legal form: 'Dean Foods Co.' -> 'dean foods'."""
    words = [w for w in _words(name) if w]
    forms = company_forms()
    while len(words) > 1 and words[-1] in forms:
        words.pop()
    return " ".join(words)


def title_companies(title: str) -> set[str]:
    """Companies a headline names: the capitalised words before a legal form ('GTI CORP <GTI> ...')."""
    out = set()
    forms = company_forms()
    raw = _WORD.findall(title)
    for i, w in enumerate(raw):
        if i == 0 or w.lower().strip(".") not in forms:
            continue
        j = i
        while j > 0 and raw[j - 1][:1].isupper() and raw[j - 1].lower().strip(".") not in forms and i - j < 4:
            j -= 1
        if j < i:
            out.add(normalise(" ".join(raw[j:i])))
    return {n for n in out if n}


def _entity_type(key: str, info: dict[str, Any] | None) -> str | None:
    if info and info.get("type"):
        return info["type"]
    parts = key.split(":")
    return parts[1] if len(parts) >= 3 and parts[0] == "loc" else None


def main_actors(art: dict[str, Any], info: dict[str, dict[str, Any]], df: dict[str, int],
                n_docs: int) -> list[str]:
    """Normalised names of an article's main actors (empty when it names none that tell it apart);
    ``df`` must count every word of :func:`actor_names` (junk entities made of template words, "oper
    shr", are no actors)."""
    common = max(COMMON_MIN, COMMON_SHARE * n_docs)
    return sorted(n for n in actor_names(art, info)
                  if any(len(w) > 1 and df.get(w, 0) <= common for w in n.split()))


def table_row(text: str, start: int | None) -> bool:
    """Whether offset ``start`` of ``text`` is in a table: a paragraph (text between blank lines) each
    of whose lines has a number, :data:`TABLE_ROW_WORDS` words at most and no sentence end. Prose
    wrapped at a fixed width has lines without numbers or with a sentence end among them."""
    if start is None or not text:
        return False
    lo, hi = text.rfind("\n\n", 0, start), text.find("\n\n", start)
    lines = [ln.strip() for ln in text[lo + 2 if lo >= 0 else 0:hi if hi >= 0 else len(text)].strip().split("\n")]
    return all(0 < len(ln.split()) <= TABLE_ROW_WORDS and any(ch.isdigit() for ch in ln)
               and not ln.endswith(_SENTENCE_END) for ln in lines)


def actor_names(art: dict[str, Any], info: dict[str, dict[str, Any]]) -> set[str]:
    """The names :func:`main_actors` keeps those of that are no template words."""
    counts: Counter = Counter()
    names: dict[str, str] = {}
    text = art.get("text") or ""
    for m in art["mentions"]:
        row = info.get(m["entity"])
        if _entity_type(m["entity"], row) not in ACTOR_TYPES or table_row(text, m.get("start")):
            continue
        key = (row or {}).get("canonical") or m["entity"]
        counts[key] += 1
        names.setdefault(key, normalise((row or {}).get("name") or m["entity"].rsplit(":", 1)[-1]))
    title = art.get("title") or ""
    title_words = set(_words(title))
    out = set(title_companies(title))
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    if ranked:
        top = counts[ranked[0]]
        out |= {names[k] for k in ranked[:TOP_ACTORS] if counts[k] == top or counts[k] > 1}
    out |= {names[k] for k in ranked if names[k] and set(names[k].split()) <= title_words}
    return {n for n in out if n}


def same_actor(a: str, b: str) -> bool:
    """One name is the other or a shorter form of it ('cathay' / 'cathay pacific airways')."""
    wa, wb = _name_words(a), _name_words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


@lru_cache(maxsize=1 << 16)
def _name_words(name: str) -> frozenset[str]:
    """The words of an actor name, split once (a batch compares each name with every candidate's)."""
    return frozenset(name.split())


def actor_index(actors: list[str]) -> dict[str, list[frozenset[str]]]:
    """Word -> the word sets of these actor names that hold it: a name can only be the same actor as a
    name sharing a word with it, so a big story's hundreds of actors are not each compared."""
    index: dict[str, list[frozenset[str]]] = {}
    for a in actors:
        words = _name_words(a)
        for w in words:
            index.setdefault(w, []).append(words)
    return index


def disjoint_indexed(actors: list[str] | None, story_actors: list[str],
                     index: dict[str, list[frozenset[str]]]) -> bool:
    """:func:`disjoint` of ``actors`` and one list ``story_actors``, read through its :func:`actor_index`."""
    if not actors or not story_actors:
        return False
    for x in actors:
        wx = _name_words(x)
        if any(wx <= wy or wy <= wx for w in wx for wy in index.get(w, ())):
            return False
    return True


def disjoint(actors: list[str] | None, story_actors: list[list[str] | None]) -> bool:
    """True when the article and the story both have known main actors and share none (short forms match)."""
    if not actors:
        return False
    known = [a for a in story_actors if a]
    return bool(known) and not any(same_actor(x, y) for a in known for x in actors for y in a)
