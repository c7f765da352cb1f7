"""Parse English number words and digit strings ("forty-two", "3,500", "2.5 million") to floats."""
from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "lakh": 100_000, "crore": 10_000_000}
# abbreviations only ever follow digits ("3.5m", "$2bn", "40 mn")
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
                "b": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000}
SMALL_WORDS = {"dozen": 12}

NUMBER_WORDS = set(UNITS) | set(TENS) | set(SCALES) | set(SMALL_WORDS)

_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# "forty-two", "three hundred and twenty", "a dozen", "two million"
WORD_NUMBER_RE = (rf"(?:\b(?:a|one)\s+(?:hundred|thousand|million|billion|dozen)\b"
                  rf"|\b(?:{_WORD})\b)(?:(?:\s+and\s+|[\s-]+)\b(?:{_WORD})\b)*")
DIGIT_NUMBER_RE = r"(?<![\w.,/-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w,]\d)"


def parse_digits(text: str) -> float:
    """'3,500' -> 3500.0, '2.9' -> 2.9."""
    return float(text.replace(",", ""))


def parse_words(text: str) -> float | None:
    """'forty-two' -> 42, 'three hundred and twenty' -> 320, 'a dozen' -> 12; None if not a number."""
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    if words[0] == "a":
        words[0] = "one"
    total, current = 0.0, 0.0
    seen = False
    for w in words:
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in SMALL_WORDS:
            current = (current or 1) * SMALL_WORDS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """Digits, words, or digits followed by a scale word ('2.5 million', '40bn')."""
    t = text.strip().lower().replace("\u00a0", " ")
    m = re.fullmatch(r"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*-?\s*([a-z]+)?", t)
    if m:
        value = parse_digits(m.group(1))
        scale = m.group(2)
        if scale is None:
            return value
        factor = SCALES.get(scale) or SHORT_SCALES.get(scale)
        return value * factor if factor else None
    return parse_words(t)
