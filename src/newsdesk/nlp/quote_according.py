"""'according to X', 'in his words', and bare proper names as sources (a mixin of attribution.Attributor)."""
from __future__ import annotations

import bisect
import re

from .quote_attr import Attribution
from .quote_text import cues

_OWN_WORDS = re.compile(r"\b(?:in|to use) (?:his|her) (?:own )?(?:words|phrase)\b", re.I)


class AccordingTo:
    """Needs the Attributor's text, cands, cand_starts and helpers."""

    def _own_words(self, lo: int, hi: int) -> Attribution | None:
        """'which, in his words, showed ...': the pronoun's referent speaks."""
        m = _OWN_WORDS.search(self.text, lo, hi)
        if m is None:
            return None
        att = self._resolve_pronoun(m.start())
        if att is not None:
            att.verb = "say"
        return att

    def _according_to(self, lo: int, hi: int) -> Attribution | None:
        low = self.text[lo:hi].lower()
        for phrase in cues()["according_to"]:
            k = low.find(phrase)
            if k < 0:
                continue
            after = lo + k + len(phrase)
            if after >= hi:
                continue
            if low[after - lo:].lstrip().startswith(("his ", "her ")):
                att = self._resolve_pronoun(after)
                if att:
                    att.verb = "according to"
                    return att
            i = bisect.bisect_left(self.cand_starts, after)
            # the object of "according to", not a name further into its apposition
            gap = self.text[after:self.cands[i].start] if i < len(self.cands) else ","
            named = self._proper_object(after, hi)
            if i < len(self.cands) and self.cands[i].start < min(hi, after + 60) and "," not in gap \
                    and len(gap.split()) <= 3 and not self._modifier(self.cands[i]) \
                    and not self._possessive(self.cands[i]):  # not "according to the Roe campaign"
                att = self._attr(self.cands[i], lo)
            elif named is not None:
                start = self.text.index(named, after)
                att = Attribution(named, None, None, False, None, after, mention=(start, start + len(named)))
            else:
                seg = self.text[after:hi].split(",")[0].split(".")[0].strip()
                start = self.text.index(seg, after) if seg else after
                att = Attribution(None, None, seg or None, False, None, after, mention=(start, start + len(seg)))
            att.verb = "according to"
            return att
        return None

    def _proper_object(self, start: int, hi: int) -> str | None:
        """'according to Jane Roe, an economist': a proper name NER did not make a person."""
        toks = [t for t in self._tokens(start, hi) if not t.is_space]
        names = []
        for t in toks:
            if t.pos_ != "PROPN" or not t.text[:1].isupper():
                break
            names.append(t)
        nxt = toks[len(names)] if len(names) < len(toks) else None
        if not 2 <= len(names) <= 4 or nxt is None or nxt.text != ",":
            return None
        after = [t for t in toks[len(names) + 1:len(names) + 3]]
        if not after or after[0].lower_ not in ("a", "an", "the") or self._cand_at(names[0].idx, names[-1].idx + 1):
            return None
        return self.text[names[0].idx:names[-1].idx + len(names[-1])]
