"""Who said a quoted passage: speech verbs near the quote, their subjects, pronouns resolved back.

Speaker candidates come from the actors stage (``ctx.mentions``) when it ran, else from spaCy's
PERSON/ORG entities (then the name is the longest full name in the article that ends the same way).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace

from spacy.attrs import IDX, POS
from spacy.symbols import PROPN

from .context import Context
from .quote_according import AccordingTo
from .quote_attr import Attribution, Candidate
from .quote_gender import person_genders
from .quote_introducer import Introducer
from .quote_pronouns import SUBJ, PronounResolver, _surname
from .quote_spans import QuoteSpan
from .quote_text import Sentences, cues, speech_verbs, strip_name
from .quote_verbs import SpeechVerbs
from .quote_titles import by_role, disambiguate, titles_of

__all__ = ["Attribution", "Attributor", "Candidate", "NEAR_AFTER"]

SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "NORP")
INFERRED_HOW = {"pronoun", "title"}  # a bare surname or a metonym is still a name in the attribution
NEAR_AFTER = 8  # tokens between a closing mark and a trailing attribution verb ("..." Ms. Roe stressed)


class Attributor(SpeechVerbs, PronounResolver, AccordingTo, Introducer):
    """Per-document attribution state."""

    def __init__(self, ctx: Context, text: str | None = None) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.text = ctx.doc.text if text is None else text  # Doc.text rebuilds the string: read it once
        self.sents = Sentences(self.text)
        self.tok_starts = self.doc.to_array(IDX).tolist() if len(self.doc) else []
        self.ents = list(self.doc.ents)
        self.verbs, self.phrases = speech_verbs()
        self.cands = self._candidates()
        self.surnames = self._surnames()
        self.titles = titles_of(self.cands, self.text)
        self.genders = person_genders(self.cands, self.text)
        self.cand_starts = [c.start for c in self.cands]
        self.speakers: list[tuple[int, Attribution]] = []
        self.quote_ranges: list[tuple[int, int]] = []  # set by the caller: (open mark, close mark)  # attributed quotes so far, by position

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
            out = self._ner_candidates()
        # a name starts with a capital ("pro-Clinton" is a modifier, not a speaker), or a particle ("de Blasio")
        return sorted((c for c in out if c.text[:1].isupper() or c.how == "pronoun" or not c.text[:1].isalpha()
                       or self._particle_name(c.text)), key=lambda c: c.start)

    def _ner_candidates(self) -> list[Candidate]:
        """spaCy PERSON/ORG entities; a short name takes the full name it abbreviates ("Lula" ->
        the nearest earlier "Luiz Inacio Lula"), and a bare word of a known full name NER missed or
        mislabelled becomes a person too."""
        full = [(e.start_char, strip_name(e.text)) for e in self.ents if e.label_ == "PERSON"]
        full = [(pos, n) for pos, n in full if 1 < len(n.split()) <= 4 and "’" not in n and "'" not in n]
        counts = Counter(n for _, n in full)

        def expand(name: str, pos: int) -> str:
            words = name.split()
            fits = [(p, f) for p, f in full if all(w in f.split() for w in words)]
            if not fits:
                return name
            top = max(counts[f] for _, f in fits)
            fits = [x for x in fits if counts[x[1]] == top]  # a one-off NER error loses to the usual name
            before = [x for x in fits if x[0] <= pos]
            return (before[-1] if before else fits[0])[1]

        out, covered = [], set()
        known = {w for _, f in full for w in f.split()}
        for e in self.ents:
            name = strip_name(e.text)
            label = e.label_
            if label != "PERSON" and name in known:
                label = "PERSON"
            if label not in ("PERSON", "ORG"):
                continue
            if label == "PERSON" and name:
                name = expand(name, e.start_char)
            out.append(Candidate(e.start_char, e.end_char, e.text, name or e.text, None, label))
            covered.update(range(e.start, e.end))
        pos = self.doc.to_array(POS).tolist() if known and len(self.doc) else []
        for i, p in enumerate(pos):
            t = self.doc[i] if p == PROPN else None
            if t is not None and t.i not in covered and t.text in known:
                out.append(Candidate(t.idx, t.idx + len(t), t.text, expand(t.text, t.idx), None, "PERSON"))
        return out

    def _surnames(self) -> dict[str, str]:
        """Last word of each multi-word person name -> that name (for a bare surname NER missed)."""
        out: dict[str, str] = {}
        for c in self.cands:
            words = c.name.split()
            if c.type == "PERSON" and len(words) > 1:
                out.setdefault(_surname(c.name), c.name)  # "Roe" for "Jane Roe Jr." too
        return out

    def _cand_at(self, start: int, end: int) -> Candidate | None:
        i = bisect.bisect_right(self.cand_starts, end - 1) - 1
        while i >= 0 and self.cands[i].end > start - 40:
            c = self.cands[i]
            if c.start < end and c.end > start:
                return c
            i -= 1
        return None

    def _first_cand(self, start: int, end: int) -> Candidate | None:
        i = bisect.bisect_left(self.cand_starts, start)
        c = self.cands[i] if i < len(self.cands) else None
        earlier = self._cand_at(start, start + 1)  # a name that began before the zone
        if earlier is not None and earlier.start < start:
            return earlier
        return c if c is not None and c.start < end else None

    def quoted(self, pos: int) -> bool:
        """Whether pos lies inside a quoted passage (names inside quotes never speak it)."""
        return any(lo <= pos <= hi for lo, hi in self.quote_ranges)

    def _possessive(self, c: Candidate) -> bool:
        return self.text[c.end:c.end + 2] in ("'s", "’s") or c.text.endswith(("'s", "’s"))

    def _tokens(self, start: int, end: int) -> list:
        i = bisect.bisect_left(self.tok_starts, start)
        j = bisect.bisect_left(self.tok_starts, end)
        return [self.doc[k] for k in range(i, j)]

    # -- speakers ---------------------------------------------------------------------------
    def _subject_token(self, verb):
        """The subject a speech verb has or inherits: from the verb it depends on ("..., adding"),
        through a preposition ("X sang before asking, “...”"); a subject inside a quote never counts
        (the parser may hang '“...,” adding' on a quoted verb)."""
        if verb.tag_ == "VBG" and verb.i and not any(c.dep_ in SUBJ for c in verb.children):
            prev = self.doc[verb.i - 1]  # "footage of Jane Roe saying, “...”": the person right before it
            c = self._cand_at(prev.idx, prev.idx + len(prev))
            if c is not None and c.type == "PERSON" and c.end == prev.idx + len(prev) and prev.dep_ in ("pobj", "dobj"):
                return prev
            verb = self._reporting_head(verb)  # "Roe said Doe must choose, saying": Roe's participle
        if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and self._sent_in(verb.head) is not None:
            return self._owner(self._sent_in(verb.head))  # "an email to supporters stating": not 'supporters'
        for step in range(4):
            subj = [c for c in verb.children if c.dep_ in SUBJ and not self.quoted(c.idx) and not self._apart(c, verb)]
            if subj and subj[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and step == 0 and not any(
                    c.dep_ in ("ccomp", "xcomp", "dobj") and not self.quoted(c.idx) for c in verb.children):
                return self._antecedent(verb, subj[0])  # "Jane Roe, who joked, “...”": the 'who' that says it
            if subj:  # of two, the nearest ("When asked if X led to Y, Roe said"), not "a spokesman for Xs"
                return self._nearest_subject(subj, verb)
            if verb.dep_ == "acl":
                return self._owner(verb.head)  # "a sign reading", "Roe sent an email saying": Roe
            if verb.dep_ == "pcomp" and verb.head.head != verb.head:
                verb = verb.head.head
                continue
            if (verb.dep_ in ("xcomp", "advcl", "conj", "relcl") or self.quoted(verb.idx)) and verb.head != verb \
                    and not self._apart(verb, verb.head):  # the parser may hang a sentence on the paragraph before
                verb = verb.head
                continue
            break
        return None

    def _from_token(self, tok, lo: int) -> Attribution | None:
        """A speaker for a subject token: an entity, an apposition, or a pronoun/title resolved back."""
        c = self._cand_at(tok.idx, tok.idx + len(tok))
        if c is None or c.type != "PERSON":
            # "Peru's Finance Minister, Ana Soto, said": the person in apposition, never the modifier
            kids = sorted(tok.children, key=lambda k: k.dep_ != "appos")
            for child in kids:
                if child.dep_ == "appos" or (child.dep_ == "compound" and tok.pos_ == "PROPN"):
                    # ("the Roe supporters said": a name modifying a common noun does not speak)
                    cc = self._cand_at(child.idx, child.idx + len(child))
                    if cc is not None and cc.type == "PERSON":
                        c = cc
                        break
        if c is not None and c.how == "pronoun":
            return self._resolve_pronoun(tok.idx)  # the actors' link, checked for gender there
        if c is not None and (c.type == "NORP" or c.how == "demonym") and tok.tag_ == "NNPS":
            return self._role(tok, lo)  # "Mexicans often say": the people, not the country
        if c is not None and not (c.type == "PERSON" and self._possessive(c) and c.end <= tok.idx):
            return self._attr(c, lo)
        if tok.lower_ in cues()["person_pronouns"]:
            return self._resolve_pronoun(tok.idx)
        if tok.lower_ in cues()["group_pronouns"] and tok.pos_ == "PRON" and not self.quoted(tok.idx):
            return self._resolve_group(tok.idx)  # “...,” the union's leaders said. “...,” they added
        if tok.lower_ in cues()["narrator_pronouns"] and not self.quoted(tok.idx):
            return Attribution(None, None, tok.text, False, None, tok.idx, "narrator",
                               mention=(tok.idx, tok.idx + len(tok)))  # “...,” I said
        if tok.pos_ == "PROPN" and tok.text in self.surnames:
            name = self.surnames[tok.text]
            return Attribution(name, None, None, False, None, tok.idx, mention=(tok.idx, tok.idx + len(tok)))
        if tok.pos_ == "ADJ" and tok.dep_ in SUBJ and any(c.dep_ == "det" for c in tok.children):
            return self._role(tok, lo)  # “...,” said the 46-year-old
        if tok.pos_ in ("NOUN", "PROPN"):
            left = max(tok.left_edge.idx, lo)
            desc = " ".join(self.text[left: tok.idx + len(tok)].split())
            if tok.lower_ in cues()["role_nouns"] and tok.tag_ in ("NN", "NNP") and \
                    any(c.lower_ == "the" for c in tok.children):
                # "the adviser said": the person the article described so, else the latest subject
                hit = by_role(self.cands, self.titles, tok.lower_, tok.idx)
                got = self._attr(hit, lo, inferred=True) if hit is not None else self._resolve_pronoun(tok.idx)
                if got is not None:
                    got.description = desc
                    got.how = "title"
                    got.mention = (left, tok.idx + len(tok))
                    return got
            return self._role(tok, lo)
        return None

    def _attr(self, c: Candidate, lo: int, inferred: bool = False) -> Attribution:
        if c.type in ("NORP", "GPE") and c.text.strip() in self.surnames:
            # "Cuban said" in a story about Mark Cuban: the person's surname, not a demonym or place
            c = replace(c, name=self.surnames[c.text.strip()], key=None, type="PERSON")
        c = self._cut_name(c)  # "Will Estrada" where NER kept only "Will"
        desc = c.description or self._apposition(c, lo)
        name, key = c.name, c.key
        if c.type == "PERSON" and len(c.text.split()) == 1:
            before = re.findall(r"([A-Za-z]+)\W*$", self.text[max(0, c.start - 20):c.start])
            title = before[0] if before and before[0][0].isupper() else None
            name = disambiguate(self.cands, self.titles, c.text, title, c.name)
            if name != c.name:  # "Minister Kim" when a colonel Kim spoke last
                key = next((o.key for o in self.cands if o.name == name), None)
        name, key = self._trim_blob(c.type, name, key)  # "Obama Speech" (a headline NER ran on): Obama
        how = c.how if c.how in INFERRED_HOW else "explicit"
        start = c.start
        verb = re.match(r"([A-Za-z]+)\s+(?=\S+\s+\S)", self.text[c.start:c.end])
        if verb and verb.group(1).lower() in cues()["speech_verb_forms"] and name.startswith(verb.group(1)):
            start, name, key = c.start + verb.end(), name[verb.end():], None  # NER took "Said" into the name
        tail = re.search(r"\s+([A-Za-z]+)$", self.text[start:c.end])
        if tail and tail.group(1).lower() in cues()["speech_verb_forms"] and name.endswith(tail.group(1)):
            name, key = name[:-len(tail.group(0))], None  # ... or "added" ("Roe added" tagged as one name)
            return Attribution(name, key, desc, inferred or c.how in INFERRED_HOW, None, c.start, how,
                               mention=(start, c.end - len(tail.group(0))))
        return Attribution(name, key, desc, inferred or c.how in INFERRED_HOW, None, c.start, how,
                           mention=(start, c.end))

    def _apposition(self, c: Candidate, lo: int) -> str | None:
        """'said Jane Roe, a lawyer at X.' / 'Jane Roe, a lawyer at X, said' -> 'a lawyer at X'."""
        s_end = self.sents.bounds(self.sents.index(c.end))[1]
        toks = [t for t in self._tokens(c.end, s_end) if not t.is_space]
        if not toks or toks[0].text != ",":
            return None
        words = []
        for t in toks[1:]:
            if t.text in ("“", '"', "‘", "”", ";", ":") or t.tag_ in ("VBD", "VBZ", "VBP", "MD", "WP", "WP$", "WDT"):
                break  # "..., 42, whose son attends X": the relative clause is not the description
            if t.text == "." and t.i + 1 < len(self.doc) and self.doc[t.i + 1].is_sent_start:
                break
            words.append(t)
        if len(words) > 1 and words[0].like_num and words[1].text == ",":
            words = words[2:]  # "Jane Roe, 42, a nurse": the age is not the description
        while words and words[-1].is_punct:
            words.pop()
        if not words or words[0].like_num or words[0].lower_ in ("who", "which", "that", "and", "but", "adding", "speaking", "saying") \
                or words[0].pos_ in ("VERB", "AUX") or len(words) > 40:
            return None
        return " ".join(self.text[words[0].idx: words[-1].idx + len(words[-1])].split())

    def _role(self, tok, lo: int) -> Attribution:
        """'the ministry said', 'a spokesman for the Kremlin said': an unnamed speaker kept as the
        text's own words, with the body it speaks for when that is a linked name."""
        left, right = max(tok.left_edge.idx, lo), tok.idx + len(tok)
        for child in tok.children:
            if child.dep_ == "prep" and child.i > tok.i and child.lower_ in cues()["role_preps"]:
                right = max(right, child.right_edge.idx + len(child.right_edge))
        desc = " ".join(self.text[left:right].split())
        body = next((c for c in self.cands if left <= c.start < right and c.type != "PERSON"), None)
        return Attribution(None, body.key if body else None, desc, True, None, tok.idx, "role",
                           mention=(left, right))

    def _speaker_for_verb(self, verb, lo: int, hi: int, after: bool) -> Attribution | None:
        """Speaker of a speech verb found in an attribution zone [lo, hi)."""
        if after:
            between = [t for t in self._tokens(lo, verb.idx) if not t.is_punct and not t.is_space]
            if between:
                # the attribution's first name ("Jane Roe, a Congress official, told"), never a
                # name that only modifies an unnamed subject ("a Qatari official said")
                c = self._first_cand(between[0].idx, verb.idx)
                subj = self._subject_token(verb)
                own = self._cand_at(subj.idx, subj.idx + len(subj)) if subj is not None else None
                if self._inverted(verb, subj, own):
                    return self._attr(own, lo)  # “...” if she lost, said Jane Roe: not the side clause's 'she'
                if subj is not None and subj.lower_ in cues()["person_pronouns"] and subj.dep_ in SUBJ \
                        and between[0].idx <= subj.idx < verb.idx:
                    return self._resolve_pronoun(subj.idx)  # “...” because she won, he said: 'he'
                if own is not None and own.type == "PERSON" and own.start >= between[0].idx and own.end <= verb.idx:
                    c = own  # "Clinton campaign spokesman Brian Fallon said": the subject, not its modifier
                elif own is None and subj is not None and subj.pos_ == "NOUN" and between[0].idx <= subj.idx:
                    named = self._apposed_person(subj)
                    if named is not None:  # "Roe's spokesman, Jane Doe, wrote": the apposed name
                        return self._attr(named, lo)
                if c is not None and subj is not None and not c.start <= subj.idx < c.end and self._role_head(subj) \
                        and (self._possessive(c) or subj.left_edge.idx <= c.start <= subj.right_edge.idx):
                    return self._role(subj, lo)  # "Obama's campaign strategist said", "a narrator in the X ad asks"
                if c is not None and c.start >= lo and (c.type == "PERSON" or subj is None
                                                        or c.start <= subj.idx < c.end):
                    return self._resolve_pronoun(c.start) if c.how == "pronoun" else self._attr(c, lo)
                for t in between:
                    if t.lower_ in cues()["person_pronouns"]:
                        return self._resolve_pronoun(t.idx)
                    if t.lower_ in cues()["group_pronouns"] and t.pos_ == "PRON" and t.dep_ in SUBJ:
                        return self._resolve_group(t.idx)
            else:
                subj = self._subject_token(verb)
                own = self._cand_at(subj.idx, subj.idx + len(subj)) if subj is not None else None
                if self._inverted(verb, subj, own):
                    return self._attr(self._titled_person(own) or own, lo)  # said MSNBC host Chris Matthews
                if subj is not None and subj.pos_ == "NOUN" and 0 < subj.i - verb.i <= 6 and not self.quoted(subj.idx):
                    got = self._from_token(subj, lo)  # said another advocate, Jane Roe / said a GOP expert
                    if got is not None and (got.speaker or got.description):
                        return got
                for t in self.doc[verb.i + 1: verb.i + 5]:
                    c = self._cand_at(t.idx, t.idx + len(t))
                    after = self._tokens(c.end, c.end + 30)[:1] if c is not None else []
                    if after and after[0].lemma_.lower() in cues()["role_nouns"]:
                        continue  # said Roe spokesman Jane Doe: the name before a title only modifies it
                    if c is not None and self._possessive(c) or c is None and t.head == verb and self._apposed_person(t):
                        c = self._apposed_person(t)  # exhorted Roe's introducer, actress Jane Doe: Doe
                        if c is None:
                            continue
                    if c is not None and not (c.type != "PERSON" and self._modifier(c)):
                        return self._attr(self._titled_person(c) or c, lo)  # said Army Capt. Jane Roe
                    if self._role_head(t) and (t.dep_ in SUBJ or t.dep_ == "dobj") and t.head == verb:
                        return self._role(t, lo)  # said a spokesman for the ministry (wrote a user, read as object)
        agent = [g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        subj = agent[0] if agent else self._subject_token(verb)
        if subj is not None:
            got = self._from_token(subj, lo)
            if got is not None and (got.speaker or got.description):
                if got.speaker or not after or lo <= subj.idx < hi:
                    return got  # “...,” the union wrote: the role in the attribution itself
        # proximity: the nearest named person left of the verb in its sentence, then an organisation
        s_lo = self.sents.bounds(self.sents.index(verb.idx))[0]
        i = bisect.bisect_left(self.cand_starts, verb.idx) - 1
        while i >= 0 and self.cands[i].start >= s_lo:
            c = self.cands[i]
            i -= 1
            if c.type == "PERSON" and not self._possessive(c) and not self.quoted(c.start) \
                    and not self._modifier(c):
                return self._attr(c, lo)
        if subj is not None:
            return self._from_token(subj, lo)
        return None

    def attribute(self, q: QuoteSpan, zone_before: tuple[int, int], zone_after: tuple[int, int]) -> Attribution | None:
        """Speaker of one quote from the text around it (quotes excluded)."""
        a_lo, a_hi = zone_after
        after_verbs = [t for t in self._tokens(a_lo, a_hi) if self._is_speech_verb(t) and not self.quoted(t.idx)]
        b_lo, b_hi = zone_before
        before_verbs = [t for t in self._tokens(b_lo, b_hi) if self._is_speech_verb(t)]
        if before_verbs:
            # 'X said: "...", adding that ...': a subjectless participle speaks for the verb before the quote
            after_verbs = [v for v in after_verbs if not (v.tag_ == "VBG" and v.head.idx < b_hi
                                                          and not any(c.dep_ in SUBJ for c in v.children))]
        # “...,” when Roe objected: a verb of a subordinate clause after the quote does not attribute it
        after_verbs = [v for v in after_verbs if not self._subordinate(v, a_lo)]
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
        for lo, hi in (zone_before, zone_after):
            att = self._own_words(lo, hi)
            if att is not None:
                return att
        for lo, hi in (zone_after, zone_before):
            att = self._according_to(lo, hi)
            if att is not None:
                return att
        return None

    def remember(self, pos: int, att: Attribution) -> None:
        self.speakers.append((pos, att))
