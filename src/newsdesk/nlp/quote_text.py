"""Text helpers for quote attribution: vocabularies, sentence bounds that ignore abbreviations."""
from __future__ import annotations

import bisect
import functools
import json
import re
from importlib import resources

from .quote_spans import paragraphs

# a closing mark may follow the stop and an opening one the space: " ” ’ and the '' / `` pairs of
# texts typed with two apostrophes (the NYT's ''...''), which quote_spans reads as marks too,
# after a bracket too ("... agreed. (''We won,'' he said.)")
_BOUNDARY = re.compile(r"[.!?…](?:''|[\"”’“])?(?=\s+\(?(?:''|``|[\"“‘(])?[A-Z0-9])")


@functools.lru_cache(maxsize=1)
def speech_verbs() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """(single-word lemmas, multi-word lemma sequences) from data/speech_verbs.txt."""
    raw = resources.files("newsdesk.data").joinpath("speech_verbs.txt").read_text(encoding="utf-8")
    words, phrases = set(), []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if not line:
            continue
        parts = tuple(line.split())
        if len(parts) == 1:
            words.add(parts[0])
        else:
            phrases.append(parts)
    return frozenset(words), tuple(phrases)


@functools.lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    raw = resources.files("newsdesk.data").joinpath("quote_cues.json").read_text(encoding="utf-8")
    return {k: frozenset(v) for k, v in json.loads(raw).items() if not k.startswith("_")}


@functools.lru_cache(maxsize=1)
def speaker_confidence() -> dict[str, float]:
    """Speaker confidence by how the speaker was found (data/speaker_confidence.json)."""
    raw = resources.files("newsdesk.data").joinpath("speaker_confidence.json").read_text(encoding="utf-8")
    return {k: float(v) for k, v in json.loads(raw).items() if not k.startswith("_")}


def strip_name(text: str) -> str:
    """A name without a possessive ending and leading honorifics ("Mr. Roe's" -> "Roe")."""
    words = re.sub(r"['’]s$", "", text.strip()).split()
    hon = cues()["honorifics"]
    while len(words) > 1 and words[0].lower() in hon:
        words = words[1:]
    return " ".join(words).strip(" ,.")


def _ends_open(par: str, verbs: frozenset[str]) -> bool:
    """A paragraph that cannot end a sentence: a name or attribution broken onto its own line."""
    par = par.rstrip()
    if par.endswith(","):
        return True
    last = re.findall(r"[A-Za-z]+$", par)
    return bool(last) and (last[0].lower() in verbs or last[0].lower() in {"said", "says", "told", "wrote"})


def sentence_bounds(text: str) -> list[int]:
    """Sorted sentence start offsets (0 first). Paragraph breaks end sentences unless the paragraph
    ends with a comma or an attribution verb (lines broken by scraping)."""
    abbrevs = cues()["abbreviations"]
    verbs = speech_verbs()[0]
    starts = {0}
    paras = paragraphs(text)
    for i, (lo, hi) in enumerate(paras):
        if i and not _ends_open(text[paras[i - 1][0]:paras[i - 1][1]], verbs):
            starts.add(lo)
        for m in _BOUNDARY.finditer(text, lo, hi):
            word = re.findall(r"([A-Za-z.]+)[.!?…]$", text[max(lo, m.start() - 12):m.start() + 1])
            if word and text[m.start()] == "." and (word[0].lower() in abbrevs or len(word[0]) == 1
                                                    or word[0].lower().rstrip(".") in abbrevs):
                continue
            nxt = m.end()
            while nxt < hi and text[nxt].isspace():
                nxt += 1
            starts.add(nxt)
    return sorted(starts)


class Sentences:
    """Sentence lookup by character offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = sentence_bounds(text)

    def index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def bounds(self, idx: int) -> tuple[int, int]:
        idx = max(0, min(idx, len(self.starts) - 1))
        end = self.starts[idx + 1] if idx + 1 < len(self.starts) else len(self.text)
        return self.starts[idx], end


def blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs, with those broken after a comma or an attribution verb joined to the next."""
    verbs = speech_verbs()[0]
    out: list[tuple[int, int]] = []
    for lo, hi in paragraphs(text):
        if out and _ends_open(text[out[-1][0]:out[-1][1]], verbs):
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out
