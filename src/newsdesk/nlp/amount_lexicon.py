"""Vocabularies for amounts (currencies, units, qualifiers, count nouns) and the span regex built from them."""
from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources

from .numbers import DIGIT_NUMBER_RE, WORD_NUMBER_RE


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("newsdesk.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Lexicon:
    prefix: dict[str, str]  # currency symbol/code before the number -> ISO 4217
    suffix: dict[str, str]  # currency word after the number (lower case) -> ISO 4217
    units: dict[str, tuple[str, float]]  # unit word (lower case) -> (SI unit, factor)
    qualifiers: tuple[str, ...]
    substantive: frozenset[str]  # count nouns that make even "three" worth keeping
    time_units: frozenset[str]
    not_count: frozenset[str]
    pattern: re.Pattern


SCALE_RE = r"(?:hundred|thousand|million|billion|trillion|crore|lakh)"
SHORT_SCALE_RE = r"(?:bn|mn|mln|tn|trn|m|b|k)"
PCT_RE = r"(?:%|\s?percent\b|\s?per cent\b|\s?pct\b)"
# "1.5C", "40 °C": degrees Celsius written without a unit word
DEG_RE = r"(?:\s?°\s?C|C)(?![A-Za-z0-9])"


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    prefix, suffix = {}, {}
    for r in _rows("currencies.csv"):
        if r["position"] in ("prefix", "both"):
            prefix[r["surface"]] = r["code"]
        if r["position"] in ("suffix", "both"):
            suffix[r["surface"].lower()] = r["code"]
    units = {r["surface"].lower(): (r["unit"], float(r["factor"])) for r in _rows("units.csv")}
    words = _rows("amount_words.csv")
    kinds = {k: [w["word"] for w in words if w["kind"] == k] for k in ("qualifier", "substantive", "timeunit", "notcount")}
    num = rf"(?:{DIGIT_NUMBER_RE}|{WORD_NUMBER_RE})"
    pattern = re.compile(
        rf"(?P<cur>(?<![A-Za-z]){_alt(prefix)})?\s?"
        rf"(?P<num>{num})"
        rf"(?:(?P<short>{SHORT_SCALE_RE})(?![A-Za-z])|\s+(?P<scale>{SCALE_RE}(?:\s+{SCALE_RE})?)\b)?"
        rf"(?:(?P<pct>{PCT_RE})|(?P<deg>{DEG_RE})"
        rf"|[\s-]+(?P<curw>{_alt(suffix)})\b"
        rf"|[\s-]+(?P<unit>{_alt(units)})(?![A-Za-z]))?",
        re.I)
    return Lexicon(prefix=prefix, suffix=suffix, units=units, qualifiers=tuple(kinds["qualifier"]),
                   substantive=frozenset(kinds["substantive"]), time_units=frozenset(kinds["timeunit"]),
                   not_count=frozenset(kinds["notcount"]), pattern=pattern)
