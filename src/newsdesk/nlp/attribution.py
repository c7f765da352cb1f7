"""Who said a quoted passage: speech verbs near the quote, their subjects, pronouns resolved back.

Speaker candidates come from the actors stage (``ctx.mentions``) when it ran, else from spaCy's
PERSON/ORG entities (then the name is the longest full name in the article that ends the same way).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from .context import Context
from .quote_spans import QuoteSpan
from .quote_text import Sentences, cues, speech_verbs

SUBJ = {"nsubj", "nsubjpass"}
SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "NORP")
INFERRED_HOW = {"pronoun", "title"}  # a bare surname or a metonym is still a name in the attribution
NEAR_AFTER = 8  # tokens between a closing mark and a trailing attribution verb ("..." Putin stressed)


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


def _strip_name(text: str) -> str:
    words = text.replace("’s", "").replace("'s", "").split()
    hon = cues()["honorifics"]
    while len(words) > 1 and words[0].lower() in hon:
        words = words[1:]
    return " ".join(words).strip(" ,.")


class Attributor:
    """Per-document attribution state."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.text = ctx.doc.text
        self.sents = Sentences(self.text)
        self.tok_starts = [t.idx for t in self.doc]
        self.verbs, self.phrases = speech_verbs()
        self.cands = self._candidates()
        self.surnames = self._surnames()
        self.cand_starts = [c.start for c in self.cands]
        self.speakers: list[tuple[int, Attribution]] = []  # attributed quotes so far, by position

    # -- candidates -------------------------------------------------------------------------
    def _candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        if self.ctx.mentions:
            for m in self.ctx.mentions:
                ent = self.ctx.entities.get(m.entity)
                etype = ent.type if ent else "PERSON"
                if etype in SPEAKER_TYPES:
                    out.append(Candidate(m.start, m.end, m.text, ent.name if ent else m.text, m.entity, etype,
                                         m.how, m.description))
        else:
            persons = [e for e in self.doc.ents if e.label_ == "PERSON"]
            full = sorted({_strip_name(e.text) for e in persons}, key=len, reverse=True)
            for e in self.doc.ents:
                if e.label_ not in ("PERSON", "ORG"):
                    continue
                name = _strip_name(e.text)
                if e.label_ == "PERSON" and name:
                    last = name.split()[-1]
                    name = next((f for f in full if f.split()[-1] == last and name in f), name)
                out.append(Candidate(e.start_char, e.end_char, e.text, name or e.text, None, e.label_))
        return sorted(out, key=lambda c: c.start)

    def _surnames(self) -> dict[str, str]:
        """Last word of each multi-word person name -> that name (for a bare surname NER missed)."""
        out: dict[str, str] = {}
        for c in self.cands:
            words = c.name.split()
            if c.type == "PERSON" and len(words) > 1:
                out.setdefault(words[-1], c.name)
        return out

    def _cand_at(self, start: int, end: int) -> Candidate | None:
        i = bisect.bisect_right(self.cand_starts, end - 1) - 1
        while i >= 0 and self.cands[i].end > start - 40:
            c = self.cands[i]
            if c.start < end and c.end > start:
                return c
            i -= 1
        return None

    def _possessive(self, c: Candidate) -> bool:
        return self.text[c.end:c.end + 2] in ("'s", "’s") or c.text.endswith(("'s", "’s"))

    def _tokens(self, start: int, end: int) -> list:
        i = bisect.bisect_left(self.tok_starts, start)
        j = bisect.bisect_left(self.tok_starts, end)
        return [self.doc[k] for k in range(i, j)]

    # -- verbs ------------------------------------------------------------------------------
    def _is_speech_verb(self, tok) -> bool:
        lem = tok.lemma_.lower()
        if lem in self.verbs and (tok.tag_.startswith("VB") or tok.pos_ in ("VERB", "AUX")):
            return not self._hypothetical(tok)
        for phrase in self.phrases:
            if lem == phrase[0] and tok.i + len(phrase) <= len(self.doc):
                nxt = [t.lemma_.lower() for t in self.doc[tok.i + 1: tok.i + 4]]
                if all(p in nxt for p in phrase[1:]):
                    return True
        return False

    def _hypothetical(self, tok) -> bool:
        """'would do well to acknowledge': a speech verb under a modal reports nothing said."""
        hyp = cues()["hypothetical_aux"]
        for t in (tok, tok.head):
            if any(c.dep_ == "aux" and c.lower_ in hyp for c in t.children):
                return True
            if t.dep_ not in ("xcomp", "conj"):
                break
        return False

    # -- speakers ---------------------------------------------------------------------------
    def _subject_token(self, verb):
        for _ in range(3):
            subj = [c for c in verb.children if c.dep_ in SUBJ]
            if subj:
                return subj[0]
            if verb.dep_ == "acl":
                return verb.head
            if verb.dep_ in ("xcomp", "advcl", "conj", "relcl") and verb.head != verb:
                verb = verb.head
                continue
            break
        return None

    def _from_token(self, tok, lo: int) -> Attribution | None:
        """A speaker for a subject token: an entity, an apposition, or a pronoun/title resolved back."""
        c = self._cand_at(tok.idx, tok.idx + len(tok))
        if c is None or c.type != "PERSON":
            for child in tok.children:
                if child.dep_ in ("appos", "compound"):
                    cc = self._cand_at(child.idx, child.idx + len(child))
                    if cc is not None and (c is None or cc.type == "PERSON"):
                        c = cc
                        break
        if c is not None and not (c.type == "PERSON" and self._possessive(c) and c.end <= tok.idx):
            return self._attr(c, lo)
        if tok.lower_ in cues()["person_pronouns"]:
            return self._resolve_pronoun(tok.idx)
        if tok.pos_ == "PROPN" and tok.text in self.surnames:
            name = self.surnames[tok.text]
            return Attribution(name, None, None, False, None, tok.idx)
        if tok.pos_ in ("NOUN", "PROPN"):
            left = max(tok.left_edge.idx, lo)
            desc = " ".join(self.text[left: tok.idx + len(tok)].split())
            if tok.lower_ in cues()["role_nouns"] and tok.tag_ in ("NN", "NNP") and \
                    any(c.lower_ == "the" for c in tok.children):
                got = self._resolve_pronoun(tok.idx)  # "the Chinese president added": a title
                if got is not None:
                    got.description = desc
                    return got
            return Attribution(None, None, desc, True, None, tok.idx)
        return None

    def _attr(self, c: Candidate, lo: int, inferred: bool = False) -> Attribution:
        desc = c.description or self._apposition(c, lo)
        return Attribution(c.name, c.key, desc, inferred or c.how in INFERRED_HOW, None, c.start)

    def _apposition(self, c: Candidate, lo: int) -> str | None:
        """'said Jane Roe, a lawyer at X.' / 'Jane Roe, a lawyer at X, said' -> 'a lawyer at X'."""
        s_end = self.sents.bounds(self.sents.index(c.end))[1]
        toks = [t for t in self._tokens(c.end, s_end) if not t.is_space]
        if not toks or toks[0].text != ",":
            return None
        words = []
        for t in toks[1:]:
            if t.text in ("“", '"', "‘", "”", ";", ":") or t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
                break
            if t.text == "." and t.i + 1 < len(self.doc) and self.doc[t.i + 1].is_sent_start:
                break
            words.append(t)
        while words and words[-1].is_punct:
            words.pop()
        if not words or words[0].lower_ in ("who", "which", "that", "and", "but", "adding", "speaking", "saying") \
                or words[0].pos_ in ("VERB", "AUX") or len(words) > 40:
            return None
        return " ".join(self.text[words[0].idx: words[-1].idx + len(words[-1])].split())

    def _resolve_pronoun(self, pos: int) -> Attribution | None:
        """Most recent person named as a subject (or as a speaker) in the last two sentences."""
        m = self._cand_at(pos, pos + 1)
        if m is not None and m.how == "pronoun":
            return self._attr(m, pos, inferred=True)
        si = self.sents.index(pos)
        lo = self.sents.bounds(si - 2)[0]
        best: tuple[int, Attribution] | None = None
        i = bisect.bisect_left(self.cand_starts, pos) - 1
        fallback = None
        while i >= 0 and self.cands[i].start >= lo:
            c = self.cands[i]
            i -= 1
            if c.type != "PERSON" or self._possessive(c) or c.how == "pronoun":
                continue
            toks = self._tokens(c.start, c.end)
            if any(t.dep_ in SUBJ or (t.dep_ == "appos" and t.head.dep_ in SUBJ) for t in toks):
                best = (c.start, self._attr(c, c.start, inferred=True))
                break
            fallback = fallback or (c.start, self._attr(c, c.start, inferred=True))
        for spos, att in reversed(self.speakers):
            if lo <= spos < pos and att.speaker and (best is None or spos > best[0]):
                best = (spos, Attribution(att.speaker, att.key, att.description, True, None, spos))
                break
        chosen = best or fallback
        return chosen[1] if chosen else None

    def _speaker_for_verb(self, verb, lo: int, hi: int, after: bool) -> Attribution | None:
        """Speaker of a speech verb found in an attribution zone [lo, hi)."""
        if after:
            between = [t for t in self._tokens(lo, verb.idx) if not t.is_punct and not t.is_space]
            if between:
                c = self._cand_at(between[0].idx, verb.idx)
                if c is not None and c.start >= lo:
                    return self._attr(c, lo)
                for t in between:
                    if t.lower_ in cues()["person_pronouns"]:
                        return self._resolve_pronoun(t.idx)
            else:
                for t in self.doc[verb.i + 1: verb.i + 5]:
                    c = self._cand_at(t.idx, t.idx + len(t))
                    if c is not None:
                        return self._attr(c, lo)
        subj = self._subject_token(verb)
        if subj is not None:
            got = self._from_token(subj, lo)
            if got is not None and (got.speaker or got.description):
                if got.speaker or not after:
                    return got
        # proximity: the nearest named person left of the verb in its sentence, then an organisation
        s_lo = self.sents.bounds(self.sents.index(verb.idx))[0]
        for want in ("PERSON", "ORG"):
            i = bisect.bisect_left(self.cand_starts, verb.idx) - 1
            while i >= 0 and self.cands[i].start >= s_lo:
                c = self.cands[i]
                i -= 1
                if c.type == want and not (want == "PERSON" and self._possessive(c)):
                    return self._attr(c, lo)
        if subj is not None:
            return self._from_token(subj, lo)
        return None

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
            if i < len(self.cands) and self.cands[i].start < min(hi, after + 60):
                att = self._attr(self.cands[i], lo)
            else:
                seg = self.text[after:hi].split(",")[0].split(".")[0].strip()
                att = Attribution(None, None, seg or None, False, None, after)
            att.verb = "according to"
            return att
        return None

    def attribute(self, q: QuoteSpan, zone_before: tuple[int, int], zone_after: tuple[int, int]) -> Attribution | None:
        """Speaker of one quote from the text around it (quotes excluded)."""
        a_lo, a_hi = zone_after
        after_verbs = [t for t in self._tokens(a_lo, a_hi) if self._is_speech_verb(t)]
        b_lo, b_hi = zone_before
        before_verbs = [t for t in self._tokens(b_lo, b_hi) if self._is_speech_verb(t)]
        order: list[tuple[object, bool]] = []
        near = [v for v in after_verbs if len(self._tokens(a_lo, v.idx)) <= NEAR_AFTER]
        order += [(v, True) for v in near[:1]]
        order += [(v, False) for v in reversed(before_verbs)]
        order += [(v, True) for v in after_verbs if v not in near[:1]]
        for verb, after in order:
            lo, hi = (a_lo, a_hi) if after else (b_lo, b_hi)
            att = self._speaker_for_verb(verb, lo, hi, after)
            if att is not None and (att.speaker or att.description):
                att.verb = verb.lemma_.lower()
                if verb.lemma_.lower() == "point":
                    att.verb = "point out"
                return att
        for lo, hi in (zone_after, zone_before):
            att = self._according_to(lo, hi)
            if att is not None:
                return att
        return None

    def remember(self, pos: int, att: Attribution) -> None:
        self.speakers.append((pos, att))
