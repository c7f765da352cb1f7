"""The records attribution passes around: a speaker candidate and a found attribution."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    name: str
    key: str | None
    type: str
    how: str = "ner"
    description: str | None = None


@dataclass
class Attribution:
    speaker: str | None
    key: str | None
    description: str | None
    inferred: bool
    verb: str | None
    pos: int  # where the speaker (or cue) was found, for later pronoun resolution
    how: str = "explicit"  # explicit | pronoun | continuation | role | title | headline | narrator
    far: bool = False  # a pronoun resolved beyond the last two sentences
    # the mention the speaker was found from (a name, the pronoun, the role phrase): (start, end) into
    # the text; for a continuation, the mention of the quote it continues
    mention: tuple[int, int] | None = None
    group: bool = False  # resolved from they/it/we to an organisation or group
