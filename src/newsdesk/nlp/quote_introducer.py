"""Speakers named around a colon or in a short signature (a mixin of attribution.Attributor).

"Jane Roe was blunt: “...”", "The delay does not surprise economist Jane Roe: “...”",
"Said Jane Roe: “...”", "“...” ― Jane Roe, a lawyer".
"""
from __future__ import annotations

import re

from .quote_attr import Attribution
from .quote_text import cues


class Introducer:
    """Needs the Attributor's text, cands and helpers."""

    def introducer(self, lo: int, hi: int) -> Attribution | None:
        """Speaker of a sentence that ends in a colon before a quote: its subject when that is a
        person; else a person named last, right before the colon."""
        # the clause's top verb: its ROOT, or a verb the parser hung on the quote that follows
        roots = [t for t in self._tokens(lo, hi)
                 if t.dep_ == "ROOT" or (t.pos_ in ("VERB", "AUX") and not lo <= t.head.idx < hi)]
        for root in roots[-1:]:
            subj = self._subject_token(root)
            if subj is not None:
                got = self._from_token(subj, lo)
                if got is not None and got.speaker:
                    return got
                if subj.lower_ in cues()["person_pronouns"] | cues()["group_pronouns"] or \
                        (got is not None and got.how in ("pronoun", "narrator")):
                    return None  # "He told Jane Roe: ..." with 'he' unresolved: still not Jane Roe
        colon = self.text.rfind(":", lo, hi)
        c = self._cand_at(colon - 1, colon) if colon > lo else None
        if c is not None and c.type == "PERSON" and lo <= c.start and c.end <= colon \
                and not self.text[c.end:colon].strip() and not self._possessive(c) and not self.quoted(c.start):
            return self._attr(c, lo)  # "The delay does not surprise economist Jane Roe: “...”"
        return None

    def name_in(self, lo: int, hi: int) -> Attribution | None:
        """The speaker a short signature names ("Jane Roe, a lawyer"; "Said Jane Roe"): a linked
        name, else its capitalised words."""
        verb = None
        first = re.match(r"\s*([A-Za-z]+)\s+", self.text[lo:hi])
        if first is not None and first.group(1).lower() in cues()["speech_verb_forms"]:
            verb, lo = first.group(1).lower(), lo + first.end()  # "Said Jane Roe:" (inverted order)
        got = self._signature(lo, hi)
        if got is not None and verb is not None:
            got.verb = verb
        return got

    def _signature(self, lo: int, hi: int) -> Attribution | None:
        c = self._first_cand(lo, hi)
        lead = len(self.text[lo:hi]) - len(self.text[lo:hi].lstrip())
        m = re.match(r"((?:[A-Z][\w.'’-]*\s?){1,5})(?:,\s*(.+))?$", self.text[lo:hi].strip())
        # NER may cut a name short ("Jane Q Roe" -> "Jane"): then the signature's own capitalised words
        cut = m is not None and c is not None and c.start == lo + lead \
            and c.end < lo + lead + len(m.group(1).rstrip())
        if c is not None and c.start >= lo and not cut:
            return self._attr(c, lo)
        if c is not None and c.start < lo < c.end and len(self.text[lo:c.end].split()) >= 2:
            # a name tagged with the inverted verb in front ("Said Jane Roe"): its own words only
            name = self.text[lo:c.end].strip()
            start = self.text.index(name, lo)
            return Attribution(name, None, None, False, None, lo, mention=(start, start + len(name)))
        if m is None or len(m.group(1).split()) < 2:
            return None
        name = m.group(1).strip(" .")
        start = lo + lead + m.group(1).index(name)
        return Attribution(name, None, (m.group(2) or "").strip(" .") or None, False, None, lo,
                           mention=(start, start + len(name)))
