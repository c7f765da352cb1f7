"""The cleaner's vocabularies, loaded once from ``newsdesk/data/clean_lexicon.txt``."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS


@dataclass(frozen=True)
class Lexicon:
    ui_strong: re.Pattern[str]  # phrases that mark furniture even in sentence-sized passages
    ui_weak: frozenset[str]  # menu/button words that mark only short passages
    ui_patterns: tuple[re.Pattern[str], ...]
    connectors: frozenset[str]  # words a sentence cannot end with
    agencies: re.Pattern[str]  # picture desks that end captions and credits
    mailing_list: tuple[re.Pattern[str], ...]
    link_labels: tuple[re.Pattern[str], ...]  # "Related article": the headlines under it are links
    byline_roles: re.Pattern[str]  # job titles printed under a writer's name ("Europe correspondent")
    lead_classes: frozenset[str] = frozenset()  # class/id words of an HTML lead element ("teaser")
    caption_classes: frozenset[str] = frozenset()  # class/id words of an HTML picture caption
    lead_itemprops: frozenset[str] = frozenset()  # schema.org properties of an HTML lead ("description")
    widget_classes: frozenset[str] = frozenset()  # class/id words of a sign-up, consent or feed box
    homoglyphs: dict[str, str] = field(default_factory=dict)  # Cyrillic look-alike -> Latin letter
    contact_labels: re.Pattern[str] | None = None  # "Press contact": a contact card's label line


_HEADER = re.compile(r"^\[[a-z-]+\]$")


def _sections(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if _HEADER.match(line):
            current = line[1:-1]
            out.setdefault(current, [])
            continue
        if current is not None:
            out[current].append(line)
    return out


def _phrase_regex(phrases: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    alts = sorted({re.escape(p) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])", flags)


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    text = resources.files("newsdesk").joinpath("data/clean_lexicon.txt").read_text(encoding="utf-8")
    sec = _sections(text)
    # a weak entry's words count one by one; the small words of a phrase ("my" of "my account", "in" of
    # "sign in") only as part of it, or every "My ..." heading would be half menu words
    weak = frozenset(w for phrase in sec["ui-weak"] for w in phrase.lower().split()
                     if len(phrase.split()) == 1 or w not in STOP_WORDS)
    return Lexicon(
        ui_strong=_phrase_regex(sec["ui-strong"]),
        ui_weak=weak,
        ui_patterns=tuple(re.compile(p, re.IGNORECASE) for p in sec["ui-patterns"]),
        connectors=frozenset(w.lower() for w in sec["connectors"]),
        agencies=_phrase_regex(sec["photo-agencies"], 0),
        mailing_list=tuple(re.compile(p, re.IGNORECASE) for p in sec["mailing-list"]),
        link_labels=tuple(re.compile(p, re.IGNORECASE) for p in sec.get("link-labels", [])),
        byline_roles=_phrase_regex(sec.get("byline-roles", [])),
        lead_classes=frozenset(w.lower() for w in sec.get("lead-classes", [])),
        caption_classes=frozenset(w.lower() for w in sec.get("caption-classes", [])),
        lead_itemprops=frozenset(w.lower() for w in sec.get("lead-itemprops", [])),
        widget_classes=frozenset(w.lower() for w in sec.get("widget-classes", [])),
        homoglyphs=dict(line.split() for line in sec.get("homoglyphs", [])),
        contact_labels=re.compile(r"^(?:" + "|".join(sec.get("contact-labels", ["(?!)"])) + r")\b", re.IGNORECASE),
    )
