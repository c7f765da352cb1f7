"""he/she in an attribution -> the person it stands for (a mixin of attribution.Attributor).

The nearest compatible person named as a subject or as a speaker in the last two sentences; an
unnamed role subject ("a senior official said ... he said"); else, for he/she, the latest compatible
one further back along a pronoun chain. Gender comes from quote_gender and never blocks a match
where it is unknown.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from .quote_attr import Attribution
from .quote_gender import compatible, description_gender, pronoun_gender
from .quote_text import cues

SUBJ = {"nsubj", "nsubjpass"}


def cues_far() -> int:
    """How many sentences back a gendered pronoun may look when the last two name nobody."""
    return int(next(iter(cues()["pronoun_reach"])))


def _acts(tok) -> bool:
    """A token naming who acts in its clause: a subject (or its apposition), the agent of a passive
    main verb ("It was backed by Jane Roe"), the person of "there is Jane Roe", or a name the parser
    made the root with its verb hung under it ("Jane Roe, a senator, predicted ..." read as a noun
    phrase)."""
    if tok.dep_ in SUBJ or (tok.dep_ == "appos" and tok.head.dep_ in SUBJ):
        return True
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.dep_ == "ROOT":
        return True  # not "the plan put forward by Roe" inside another clause
    if tok.dep_ == "attr" and any(c.dep_ == "expl" for c in tok.head.children):
        return True  # "Then there is Roe."
    return tok.dep_ == "ROOT" and tok.pos_ == "PROPN" and any(c.dep_ == "acl" and c.pos_ == "VERB" for c in tok.children)


def _surname(name: str) -> str:
    """The last word of a full name, a suffix skipped ("Harry B. Harris Jr." -> Harris)."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in cues()["name_suffixes"]:
        words.pop()
    return words[-1] if words else ""


class PronounResolver:
    """Needs the Attributor's text, sents, cands, cand_starts, speakers, genders and helpers."""

    def _pronoun_word(self, pos: int) -> str | None:
        m = re.search(r"\b(he|she|him|his|her|himself|herself)\b", self.text[pos:pos + 25], re.I)
        return m.group(1).lower() if m else None

    def _answered(self, pos: int) -> tuple[str | None, str | None] | None:
        """(name, description) of the speaker a he/she answers ("a reporter asked Roe, “...?” /
        “...,” she replied"): who asked is not who replies; None when the pronoun's verb is no reply."""
        toks = [t for t in self._tokens(pos, pos + 1) if t.dep_ in SUBJ]
        if not toks or toks[0].head.lemma_.lower() not in cues()["reply_verbs"]:
            return None
        att = next((att for spos, att in reversed(self.speakers) if spos < pos), None)
        if att is None or not (att.speaker or att.description):
            return None
        said = self._tokens(*att.mention) if att.mention else []
        if any(t.dep_ == "nsubjpass" for t in said):
            return None  # "Roe was asked, “...?” He answered": Roe was asked, Roe answers
        return att.speaker, att.description

    def _resolve_pronoun(self, pos: int) -> Attribution | None:
        """he/she/his/her -> the most recent compatible person named as a subject (or as a speaker)
        in the last two sentences; failing that, the latest compatible speaker or subject further back
        in the same run of text (a pronoun chain: "He notes ... He says, “...”")."""
        gender = pronoun_gender(self._pronoun_word(pos) or "")
        got = self._resolve_near(pos, gender, 2, objects=False)
        if got is None:
            got = self._unnamed_subject(pos, gender)  # "A senior official said ... ‘...,’ he said"
        if got is None:
            got = self._resolve_near(pos, gender, 1, objects=True)  # "To Jane Roe, it was ... ‘...,’ she said"
        if got is None and gender is not None:
            # a subject pronoun keeps the subject or speaker of the run ("Fowler said ... he argued
            # ... loyalists to Biden ... ‘...,’ he said") before a person named as an object further back
            got = self._resolve_near(pos, gender, cues_far(), objects=False)
            if got is not None:
                got.far = True
        if got is None:
            got = self._resolve_near(pos, gender, 2, objects=True)
        if got is not None:
            got.how = "pronoun"
            got.mention = self._pronoun_span(pos)
        return got

    def _group_fits(self, tok, word: str) -> bool:
        """A noun subject that can be 'it' (an organisation word, a report) or 'they'/'we' (plural)."""
        if tok.pos_ not in ("NOUN", "PROPN") or not tok.text[:1].isalpha():
            return False
        if word == "it":  # an organisation word, or a text ("the letter ... “...,” it said")
            return tok.tag_ in ("NN", "NNP") and (tok.lemma_.lower() in cues()["group_nouns"]
                                                  or tok.lemma_.lower() in cues()["document_nouns"])
        return tok.tag_ in ("NNS", "NNPS") or tok.lemma_.lower() in cues()["group_nouns"]

    def _resolve_group(self, pos: int) -> Attribution | None:
        """they/it/we -> the group that spoke last in the quote run, else the latest organisation or
        group-noun subject of the last two sentences; never a single named person."""
        toks = self._tokens(pos, pos + 1)
        if not toks:
            return None
        word = toks[0].lower_
        lo = self.sents.bounds(self.sents.index(pos) - 2)[0]
        got = None
        for spos, att in reversed(self.speakers):
            if spos >= pos:
                continue
            if spos < lo or att.how == "narrator":
                break
            named = [c for c in self.cands if c.name == att.speaker] if att.speaker else []
            if (att.speaker is None and att.description and att.how in ("role", "pronoun", "continuation")) \
                    or (named and all(c.type != "PERSON" for c in named)):
                got = Attribution(att.speaker, att.key, att.description, True, None, spos)
            break  # the last speaker was one person: 'they' is someone else
        if got is None:
            for tok in reversed(self._tokens(lo, pos)):
                if tok.dep_ not in SUBJ or self.quoted(tok.idx) or tok.idx >= pos:
                    continue
                c = self._cand_at(tok.idx, tok.idx + len(tok))
                if c is not None and c.type in ("ORG", "NORP") and not self._possessive(c):
                    got = self._attr(c, lo, inferred=True)
                    break
                if c is None and self._group_fits(tok, word):
                    got = self._role(tok, lo)
                    break
        if got is not None:
            got.how, got.group, got.inferred = "pronoun", True, True
            got.mention = (toks[0].idx, toks[0].idx + len(toks[0]))
        return got

    def _before_quote(self, pos: int) -> int:
        """Where the sentences before “A. B. C,” he said are counted from: the quote's opening mark
        (the quoted sentences are the speaker's, not the narrative a pronoun looks back along)."""
        ref = pos
        for open_mark, close_mark in self.quote_ranges:
            if close_mark < pos and pos - close_mark <= 40 and "\n" not in self.text[close_mark:pos]:
                ref = min(ref, open_mark)
        return ref

    def _pronoun_span(self, pos: int) -> tuple[int, int]:
        """Where the pronoun itself stands (the mention the speaker was found from)."""
        m = re.search(r"\b(he|she|him|his|her|himself|herself)\b", self.text[pos:pos + 25], re.I)
        if m is not None:
            return pos + m.start(1), pos + m.end(1)
        toks = self._tokens(pos, pos + 1)
        return (toks[0].idx, toks[0].idx + len(toks[0])) if toks else (pos, pos)

    def _unnamed_subject(self, pos: int, gender: str | None = None) -> Attribution | None:
        """The latest role-noun subject ("a senior official") of the last two sentences that the
        pronoun's gender allows; a gendered person noun ("a 29-year-old woman") where it agrees."""
        lo = self.sents.bounds(self.sents.index(pos) - 2)[0]
        asker = self._answered(pos)
        for tok in reversed(self._tokens(lo, pos)):
            if tok.dep_ not in SUBJ or tok.pos_ != "NOUN" or self.quoted(tok.idx):
                continue
            if asker is not None and asker[0] is None and asker[1] and tok.idx + len(tok) <= pos \
                    and tok.text in asker[1].split():
                continue  # the asker ("a reporter") does not reply to its own question
            if gender is not None and tok.tag_ != "NN":
                continue  # "the generals ... she said": he/she is one person
            word = description_gender(tok.lemma_)
            if (tok.lemma_.lower() in cues()["role_nouns"] and (word is None or gender is None or word == gender)) \
                    or (gender is not None and word == gender and self._role_head(tok)
                        and not any(k.dep_ == "appos" for k in tok.children)):  # not "his wife, Jane"
                return self._role(tok, lo)
        return None

    def _person(self, tok, gender: str | None):
        c = self._cand_at(tok.idx, tok.idx + len(tok))
        if c is not None and c.type == "PERSON" and not self._possessive(c) and not self.quoted(c.start) \
                and self._fits(c.name, gender):
            return c
        return None

    def _main_subject(self, toks: list, gender: str | None):
        """The compatible person subject of the clause that governs a side clause: "Roe said Doe
        was wrong", "Roe believes Doe is right" -> Roe, not the side clause's subject Doe; for a
        subject deeper down ("Roe said it helped Doe, who did not need it as Poe did"), the person
        who acts in the sentence's main clause."""
        tok = next((t for t in toks if t.dep_ in SUBJ), None) \
            or next((t.head for t in toks if t.dep_ == "appos" and t.head.dep_ in SUBJ), None)
        verb = tok.head if tok is not None else None
        for _ in range(3):
            if verb is None or verb.dep_ not in cues()["side_clause_deps"] or verb.head.pos_ not in ("VERB", "AUX"):
                break
            verb = verb.head
            for subj in (t for t in verb.children if t.dep_ in SUBJ):
                if self._person(subj, gender) is not None:
                    return self._person(subj, gender)
        if tok is None or tok.head.dep_ == "ROOT":
            return None
        root = tok.sent.root
        main = [root] if _acts(root) else [t for t in root.children if _acts(t)] + \
            [g for a in root.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        for t in main:
            c = self._person(t, gender)
            if c is not None and c.start < toks[0].idx:
                return c
        return None

    def _under_pronoun(self, toks: list, gender: str | None) -> bool:
        """A subject whose clause a compatible he/she governs ("He said Doe was wrong")."""
        tok = next((t for t in toks if t.dep_ in SUBJ), None)
        if tok is None or tok.head.dep_ not in cues()["side_clause_deps"]:
            return False
        si = self.sents.index(tok.idx)  # the parser may hang a clause on a verb across a paragraph break
        return any(t.dep_ in SUBJ and t.i < tok.i and t.lower_ in cues()["person_pronouns"] and not self.quoted(t.idx)
                   and self.sents.index(t.idx) == si and (gender is None or pronoun_gender(t.lower_) == gender)
                   for t in tok.head.head.children)

    def _namesake(self, c, gender: str | None):
        """A bare surname whose linked person the pronoun's gender rules out, read as the one other
        person of the article with that surname who fits and whom it named first
        ("Sen. John Murphy ... Jane Murphy ... Murphy said ... he")."""
        if c.text.strip() != _surname(c.name):
            return None
        others = {o.name for o in self.cands if o.type == "PERSON" and o.how != "pronoun" and o.name != c.name
                  and _surname(o.name) == c.text.strip() and self._fits(o.name, gender)}
        if len(others) != 1:
            return None
        other = others.pop()
        # only when the article named that person first: a bare surname is the story's own person
        first = {}
        for o in self.cands:
            if o.how != "pronoun" and o.name in (other, c.name):
                first.setdefault(o.name, o.start)
        return replace(c, name=other, key=None) if first.get(other, -1) < first.get(c.name, -1) else None

    def _role_apposed(self, c) -> bool:
        """A name with a person's role in apposition ("Jane Roe, the party chairman,")."""
        return any(k.dep_ == "appos" and k.lemma_.lower() in cues()["role_nouns"] and k.i > t.i
                   for t in self._tokens(c.start, c.end) for k in t.children)

    def _family(self, c) -> bool:
        """A plural of a person's surname ("the Clintons", "the Obamas'"): a family, not one person."""
        word = c.text.strip().rstrip("'’")
        return len(word.split()) == 1 and word.endswith("s") and word[:-1] in self.surnames

    def _many(self, pos: int) -> bool:
        """An unnamed speaker that is many people: a plural or a group noun ("workers", "the crowd")."""
        toks = self._tokens(pos, pos + 1)
        return bool(toks) and (toks[0].tag_ in ("NNS", "NNPS") or toks[0].lemma_.lower() in cues()["group_nouns"])

    def _own_object(self, pos: int, name: str) -> bool:
        """The person a subject he/she's own verb takes as object ("he said of Roe", "she told
        Roe", "he called Roe a liar"): never the one the pronoun stands for."""
        toks = [t for t in self._tokens(pos, pos + 1) if t.dep_ in SUBJ]
        if not toks:
            return False
        verb = toks[0].head
        for c in self.cands:
            if c.name != name or c.how == "pronoun" or not verb.sent.start_char <= c.start < verb.sent.end_char \
                    or self.quoted(c.start):
                continue
            for t in self._tokens(c.start, c.end):
                head = t.head.head if t.head.dep_ in ("prep", "dative") and t.dep_ == "pobj" else t.head
                if head == verb and t.dep_ in ("dobj", "dative", "pobj", "iobj", "oprd"):
                    return True
        return False

    def _fits(self, name: str | None, gender: str | None, description: str | None = None) -> bool:
        return compatible(self.genders, name, gender, description)

    def _resolve_near(self, pos: int, gender: str | None, back: int, objects: bool = True) -> Attribution | None:
        """The latest compatible subject or speaker of the last ``back`` sentences; with ``objects``,
        else the latest compatible person named in any other role."""
        si = self.sents.index(self._before_quote(pos))
        lo = self.sents.bounds(si - back)[0]
        speaker = None  # the last compatible speaker of the quote run, named or not
        asker = self._answered(pos)
        for spos, att in reversed(self.speakers):
            if spos >= pos:
                continue
            if spos < lo:
                break
            if asker is not None and (att.speaker, att.description) == asker:
                continue  # “...?” a reporter asked Roe. “...,” she replied: not the reporter
            if att.how == "narrator" or (gender is not None and att.speaker is None and self._many(att.pos)):
                continue  # the writer is never "he" or "she", nor is a group ("the audience screamed")
            if self._fits(att.speaker, gender, att.description) and not (
                    att.speaker and self._own_object(pos, att.speaker)):  # "Melanie said ... “...,” he said": not her
                speaker = (spos, Attribution(att.speaker, att.key, att.description, True, None, spos))
                break
        m = self._cand_at(pos, pos + 1)
        link = None
        if m is not None and m.how == "pronoun" and self._fits(m.name, gender) and not self._own_object(pos, m.name):
            # where the actors' person last acted outside quotes (a possessive "Roe's plan" does not act)
            last = max((c.start for c in self.cands if c.name == m.name and c.how != "pronoun" and c.start < pos
                        and not self.quoted(c.start) and not self._possessive(c)
                        and any(_acts(t) for t in self._tokens(c.start, c.end))), default=-1)
            # the actors link a pronoun to a person of its own or the previous sentence, quotes
            # included: named there only inside the quote ("“... Roe is unfit,” he said"), not 'he'
            near = [c for c in self.cands if c.name == m.name and self.sents.bounds(si - 1)[0] <= c.start < pos
                    and c.start != m.start]
            near = [c for c in near if c.how != "pronoun"] or near  # the names, else the chain's pronouns
            # or only as the subject of a side clause under another he/she ("He said Roe erred.")
            from_quote = bool(near) and all(
                self.quoted(c.start) or self._under_pronoun(self._tokens(c.start, c.end), gender) for c in near)
            # nor a name the article uses only to modify a noun ("a Roe story ... he said": not Roe)
            named = [c for c in self.cands if c.name == m.name and c.how != "pronoun" and c.start < pos]
            modifier = bool(named) and all(self._modifier(c) for c in named)
            if not from_quote and not modifier and (speaker is None or speaker[1].speaker == m.name
                                                    or speaker[0] <= last):
                link = (last, self._attr(m, pos, inferred=True))
            # else the actors' link skips quotes: the quote run's speaker (or a later subject) is 'he'

        best: tuple[int, Attribution] | None = None
        i = bisect.bisect_left(self.cand_starts, pos) - 1
        fallback = side = None
        while i >= 0 and self.cands[i].start >= lo:
            c = self.cands[i]
            i -= 1
            if c.type in ("NORP", "GPE") and c.text.strip() in self.surnames:
                c = replace(c, name=self.surnames[c.text.strip()], key=None, type="PERSON")  # "Cuban said he ..."
            elif c.type == "ORG" and self._role_apposed(c):
                c = replace(c, type="PERSON")  # "Jane Roe, the party chairwoman, said" though NER read an ORG
            if c.type == "PERSON" and (self._family(c) or self._modifier(c)):
                continue  # "the Roes' power": a family, never he or she; nor "a Roe story"
            if c.type != "PERSON" or self._possessive(c) or c.how == "pronoun" or self.quoted(c.start) \
                    or self._own_object(pos, c.name) or (asker is not None and asker[0] == c.name):
                continue
            if not self._fits(c.name, gender):
                c = self._namesake(c, gender)  # a bare "Murphy" the actors gave the wrong Murphy
                if c is None:
                    continue
            toks = self._tokens(c.start, c.end)
            if any(_acts(t) for t in toks):
                if self.sents.index(c.start) != self.sents.index(pos):
                    if self._under_pronoun(toks, gender):
                        continue  # "He said Doe was wrong. ... he said": not Doe; the chain goes back
                    main = self._main_subject(toks, gender)  # "Roe said Doe was wrong. ... she said": Roe
                    side, c = (c.name, main) if main is not None else (None, c)
                best = (c.start, self._attr(c, c.start, inferred=True))
                break
            fallback = fallback or (c.start, self._attr(c, c.start, inferred=True))
        if link is not None and (side is None or side != m.name):  # not the side clause's Doe either
            if best is None or best[0] <= link[0]:
                return link[1]
            # else a subject named after the link's person last acted: the actors' pronoun link may
            # have come from a name inside a quote ("“... Roe’s plan,” he said")
        if speaker is not None and (best is None or speaker[0] > best[0]):
            best = speaker  # the latest speaker, even unnamed ("a spokeswoman said ... she added")
        chosen = best or (fallback if objects else None)
        return chosen[1] if chosen else None
