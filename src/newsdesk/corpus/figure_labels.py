"""Readable labels for aligned figures: "Chinese troops taking part in the war games", "cost of the project (2021)".

A label is built from what the claims share: the measured thing (a counted unit such as troops, or
the noun a money/length/percent figure is about, from the claims' ``about`` phrases and parses),
the measure (``measure_labels`` in ``data/synthesis.json``: "kill" reads "killed"), the actor all
claims share (as a demonym when it is a country), a place or occasion from the parse ("in the war
games") and the period. It falls back to the unit and the shared measure words only when nothing
better is known.
"""
from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path
from typing import Any

COUNTRIES = Path(__file__).resolve().parents[1] / "data" / "countries.jsonl"
_WEAK_PREPS = ("of",)  # "of the total amount" says less than "in the exercise"


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """ISO3 -> the country's first demonym ("CHN" -> "Chinese"), from the bundled country registry."""
    out = {}
    for line in COUNTRIES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if row.get("demonyms"):
                out[row["id"]] = row["demonyms"][0]
    return out


def _shared_country(group: list[Any]) -> str | None:
    sides = [{a for a in c.actors if len(a) == 3 and a.isupper()} for c in group if c.actors]
    if not sides:
        return None
    common = set.intersection(*sides)
    return demonyms().get(sorted(common)[0]) if len(common) == 1 else None


def _majority(counts: Counter, n: int) -> list[str]:
    need = max(1, n // 2) if n > 2 else 1
    return [t for t, k in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if k >= need]


def _about_phrase(group: list[Any], v: dict[str, Any], measure_words: set[str]) -> str | None:
    """The most common clean ``about`` phrase: no reporting words, no source names, not just the unit."""
    counts: Counter = Counter()
    for c in group:
        words = (c.about or "").split()
        if not words or c.about_is_source:
            continue
        low = [w.lower() for w in words]
        if any(w in v["reporting"] for w in low) or " ".join(low) in (c.unit.lower(), c.raw_unit.lower()):
            continue
        counts[" ".join(words)] += 1
    best = _majority(counts, len(group))
    return best[0] if best else None


def label(group: list[Any], v: dict[str, Any]) -> str:
    """A readable description of what these aligned claims measure (``v``: the synthesis vocabulary)."""
    unit = group[0].unit
    labels = v["measure_labels"]
    terms: Counter = Counter(t for c in group for t in c.terms)
    counted = unit in v["groups"].values() or (unit not in v["unit_labels"] and not _is_currency(unit))
    # a money, length or percent figure is measured by a quantity ("cost"), not by an action ("employed")
    usable = labels if counted else {k: x for k, x in labels.items() if k in v["quantity_measures"]}
    measures = [t for t in _majority(terms, len(group)) if t in usable]
    measure = labels[measures[0]] if measures else None
    demonym = _shared_country(group) if counted else None
    contexts = Counter(c.context for c in group if c.context)
    context = min(contexts, key=lambda x: (x.split()[0] in _WEAK_PREPS, -contexts[x], x)) if contexts else None
    if counted:
        if unit not in v["groups"].values():  # no canonical counted noun: say it in the claims' own words
            raws = Counter(c.raw_unit for c in group if getattr(c, "raw_unit", None))
            unit = min(raws, key=lambda r: (-raws[r], r)) if raws else unit
        core = f"{unit} {measure}" if measure and measure not in unit else unit
    else:
        kind = measure or v["unit_labels"].get("currency" if _is_currency(unit) else unit, unit)
        groups_words = set(v["measures"]) | set(labels.values())
        thing = _about_phrase(group, v, groups_words)
        if thing is None:
            nouns = Counter(t for c in group for t in c.common if t not in groups_words and t not in labels)
            shared = _majority(nouns, len(group))
            thing = shared[0] if shared and len(group) > 1 else None
        if thing and (kind in thing or any(w in v["measures"] for w in thing.split())):
            core = thing  # "bilateral trade" already says what is measured
        else:
            core = f"{kind} of {_the(thing)}" if thing else kind
    if demonym and demonym.lower() not in core.lower():
        core = f"{demonym} {core}"
    if context and context.split(" ", 1)[-1] not in core:
        core += f" {context}"
    periods = sorted({c.period for c in group if c.period})
    return core + (f" ({periods[0]})" if periods else "")


def _is_currency(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


def _the(phrase: str) -> str:
    first = phrase.split()[0].lower()
    return phrase if first in ("the", "a", "an", "its", "their") or phrase[0].isupper() else f"the {phrase}"
