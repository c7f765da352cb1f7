"""he/she in an attribution -> the person it stands for (a mixin of attribution.Attributor).

The nearest compatible person named as a subject or as a speaker in the last two sentences; an
unnamed role subject ("a senior official said ... he said"); else, for he/she, the latest compatible
one further back along a pronoun chain. Gender comes from quote_gender and never blocks a match
where it is unknown.
"""
from __future__ import annotations

import bisect
import re

from .quote_attr import Attribution
from .quote_gender import compatible, pronoun_gender
from .quote_text import cues

SUBJ = {"nsubj", "nsubjpass"}


def cues_far() -> int:
    """How many sentences back a gendered pronoun may look when the last two name nobody."""
    return int(next(iter(cues()["pronoun_reach"])))


class PronounResolver:
    """Needs the Attributor's text, sents, cands, cand_starts, speakers, genders and helpers."""

    def _pronoun_word(self, pos: int) -> str | None:
        m = re.search(r"\b(he|she|him|his|her|himself|herself)\b", self.text[pos:pos + 25], re.I)
        return m.group(1).lower() if m else None

    def _resolve_pronoun(self, pos: int) -> Attribution | None:
        """he/she/his/her -> the most recent compatible person named as a subject (or as a speaker)
        in the last two sentences; failing that, the latest compatible speaker or subject further back
        in the same run of text (a pronoun chain: "He notes ... He says, “...”")."""
        gender = pronoun_gender(self._pronoun_word(pos) or "")
        got = self._resolve_near(pos, gender, 2)
        if got is None:
            got = self._unnamed_subject(pos)  # "A senior official said ... ‘...,’ he said"
        if got is None and gender is not None:
            got = self._resolve_near(pos, gender, cues_far())
            if got is not None:
                got.far = True
        if got is not None:
            got.how = "pronoun"
            got.mention = self._pronoun_span(pos)
        return got

    def _pronoun_span(self, pos: int) -> tuple[int, int]:
        """Where the pronoun itself stands (the mention the speaker was found from)."""
        m = re.search(r"\b(he|she|him|his|her|himself|herself)\b", self.text[pos:pos + 25], re.I)
        if m is not None:
            return pos + m.start(1), pos + m.end(1)
        toks = self._tokens(pos, pos + 1)
        return (toks[0].idx, toks[0].idx + len(toks[0])) if toks else (pos, pos)

    def _unnamed_subject(self, pos: int) -> Attribution | None:
        """The latest role-noun subject ("a senior official") of the last two sentences."""
        lo = self.sents.bounds(self.sents.index(pos) - 2)[0]
        for tok in reversed(self._tokens(lo, pos)):
            if tok.dep_ in SUBJ and tok.pos_ == "NOUN" and tok.lemma_.lower() in cues()["role_nouns"] \
                    and not self.quoted(tok.idx):
                return self._role(tok, lo)
        return None

    def _fits(self, name: str | None, gender: str | None) -> bool:
        return compatible(self.genders, name, gender)

    def _resolve_near(self, pos: int, gender: str | None, back: int) -> Attribution | None:
        si = self.sents.index(pos)
        lo = self.sents.bounds(si - back)[0]
        speaker = None  # the last compatible speaker of the quote run, named or not
        for spos, att in reversed(self.speakers):
            if spos >= pos:
                continue
            if spos < lo:
                break
            if att.how == "narrator":
                continue  # the writer is never "he" or "she"
            if self._fits(att.speaker, gender):  # "Melanie said ... “...,” he said": not her
                speaker = (spos, Attribution(att.speaker, att.key, att.description, True, None, spos))
                break
        m = self._cand_at(pos, pos + 1)
        if m is not None and m.how == "pronoun" and self._fits(m.name, gender):
            last = max((c.start for c in self.cands if c.name == m.name and c.how != "pronoun" and c.start < pos
                        and not self.quoted(c.start)), default=-1)
            if speaker is not None and speaker[1].speaker != m.name and speaker[0] > last:
                return speaker[1]  # the actors' link skips quotes; the quote run's speaker is 'he'
            return self._attr(m, pos, inferred=True)
        best: tuple[int, Attribution] | None = None
        i = bisect.bisect_left(self.cand_starts, pos) - 1
        fallback = None
        while i >= 0 and self.cands[i].start >= lo:
            c = self.cands[i]
            i -= 1
            if c.type != "PERSON" or self._possessive(c) or c.how == "pronoun" or self.quoted(c.start) \
                    or not self._fits(c.name, gender):
                continue
            toks = self._tokens(c.start, c.end)
            if any(t.dep_ in SUBJ or (t.dep_ == "appos" and t.head.dep_ in SUBJ) for t in toks):
                best = (c.start, self._attr(c, c.start, inferred=True))
                break
            fallback = fallback or (c.start, self._attr(c, c.start, inferred=True))
        if speaker is not None and (best is None or speaker[0] > best[0]):
            best = speaker  # the latest speaker, even unnamed ("a spokeswoman said ... she added")
        chosen = best or fallback
        return chosen[1] if chosen else None
