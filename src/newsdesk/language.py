"""Articles in any language: which extraction stages need English, and how their absence is recorded.

An article in another language is stored with its metadata, clean text, duplicate links and
full-text search; the stages below run on an English spaCy model and English lexicons, so they
are skipped and the record says so in its warnings ("not available for Russian: quotes").
"""
from __future__ import annotations

import functools
import re
from importlib import resources

# Stages of pipeline.STAGES that need English text (all of them, today).
ENGLISH_ONLY_STAGES: tuple[str, ...] = ("actors", "times", "places", "amounts", "quotes", "events")
_PREFIX = "not available for "
# Scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f]")
CHARS_PER_WORD = 1.5  # about how many characters make a word in those scripts (Chinese averages 1.5-1.7)
_WARNING = re.compile(r"^not available for (?P<language>[^:]+): (?P<stage>\w+)$")


def count_words(text: str) -> int:
    """Whitespace-separated words, with runs of an unspaced script (Chinese, Japanese, Thai...)
    counted as about one word per CHARS_PER_WORD characters."""
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    spaced = len(_UNSPACED.sub(" ", text).split())
    return spaced + round(unspaced / CHARS_PER_WORD)


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    text = resources.files("newsdesk").joinpath("data/languages.csv").read_text(encoding="utf-8")
    rows = [line.split(",", 1) for line in text.splitlines() if line and not line.startswith("#")]
    return {code: name for code, name in rows[1:]}


def language_name(code: str | None) -> str:
    """'ru' -> 'Russian'; an unknown code is returned as it is."""
    if not code:
        return "an unknown language"
    return _names().get(code, code)


def not_available_warnings(code: str | None, stages: tuple[str, ...] = ENGLISH_ONLY_STAGES) -> list[str]:
    """One warning per skipped stage: 'not available for Russian: quotes'."""
    return [f"{_PREFIX}{language_name(code)}: {stage}" for stage in stages]


def not_available(warnings: list[str]) -> dict[str, str]:
    """Stage -> reason for the stages skipped for an article's language (for `show`, the API, the UI):
    ``{"quotes": "not available for Russian", ...}``; empty for English articles."""
    out = {}
    for w in warnings:
        m = _WARNING.match(w)
        if m:
            out[m.group("stage")] = f"{_PREFIX}{m.group('language')}"
    return out
