"""Speech verbs around a quote (a mixin of attribution.Attributor): which tokens report speech,
which of them cannot attribute the quote (under a modal, in a subordinate clause after it), and
which words near them can be their subject (an inverted name, a role noun, not a modifier)."""
from __future__ import annotations

import re

from dataclasses import replace

from .quote_attr import Candidate
from .quote_gender import name_gender
from .quote_text import cues


class SpeechVerbs:
    """Needs the Attributor's doc, verbs, phrases, quoted(), _tokens() and _cand_at()."""

    def _is_speech_verb(self, tok) -> bool:
        lem = tok.lemma_.lower()
        if lem in self.verbs and (tok.tag_.startswith("VB") or tok.pos_ in ("VERB", "AUX")):
            return not self._hypothetical(tok)
        if tok.lower_ in cues()["speech_verb_forms"] and 0 < tok.i < len(self.doc) - 1 \
                and self.doc[tok.i - 1].pos_ in ("PROPN", "PRON") and self.doc[tok.i + 1].is_punct:
            return True  # "“...,” Roe notes.": a verb the tagger read as a plural noun
        for phrase in self.phrases:
            if lem == phrase[0] and tok.i + len(phrase) <= len(self.doc):
                nxt = [t.lemma_.lower() for t in self.doc[tok.i + 1: tok.i + 4]]
                if all(p in nxt for p in phrase[1:]):
                    return True
            if lem == phrase[0] and len(phrase) == 2 and any(
                    c.dep_ == "dobj" and c.lemma_.lower() == phrase[1] for c in tok.children):
                return True  # the noun as the verb's object, further on ("had a short, blunt statement")
        return False

    def _hypothetical(self, tok) -> bool:
        """'would do well to acknowledge': a speech verb under a modal reports nothing said."""
        hyp = cues()["hypothetical_aux"]
        if any(c.dep_ == "mark" and c.lower_ in cues()["infinitive_subject_marks"] for c in tok.children) \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return True  # "it is easy for people to marvel at": what anyone might say, not a report
        for t in (tok, tok.head):
            if t is not tok and self.quoted(t.idx):
                break  # the parser hung the attribution on a quoted verb: its modal is the speaker's
            if any(c.dep_ == "aux" and c.lower_ in hyp and not self.quoted(c.idx) for c in t.children):
                return True
            if t.dep_ not in ("xcomp", "conj", "advcl"):
                break
        return False

    def _subordinate(self, verb, lo: int) -> bool:
        """A verb opened by a subordinating word after ``lo`` ("when X blasted him")."""
        marks = cues()["subordinate_marks"]
        return any(c.dep_ in ("mark", "advmod") and c.i < verb.i and c.idx >= lo and c.lower_ in marks
                   for c in verb.children)

    def _inverted(self, verb, subj, own: Candidate | None) -> bool:
        """A person subject after its speech verb ("said UAW treasurer Jane Roe"), near enough."""
        return own is not None and own.type == "PERSON" and own.start > verb.idx \
            and subj.i - verb.i <= int(next(iter(cues()["inverted_subject_reach"])))

    def _titled_person(self, c: Candidate) -> Candidate | None:
        """An organisation (or a name ending in a rank) that opens a title before a person's name
        ("Army Capt. Jane Roe", "UN envoy Jane Roe"): the person, within a few words and no comma or
        quote between."""
        if c.type == "PERSON" and c.text.split()[-1].lower().strip(".") not in cues()["abbreviations"]:
            return None  # ("said Navy Capt. Jane Roe" with "Navy Capt" read as a name)
        nxt = next((o for o in self.cands if c.end < o.start <= c.end + 25), None)
        if nxt is None or nxt.type != "PERSON" or nxt.how == "pronoun" or any(
                ch in self.text[c.end:nxt.start] for ch in ',;:“”"‘’()'):
            return None
        return nxt

    def _apposed_person(self, tok) -> Candidate | None:
        """The person named in apposition to a noun ("Roe's spokesman, Jane Doe"); for a possessive
        name, to the noun it owns ("Roe's introducer, actress Jane Doe")."""
        if tok.dep_ == "poss":
            tok = tok.head
        for k in tok.children:
            c = self._cand_at(k.idx, k.idx + len(k)) if k.dep_ == "appos" else None
            if c is not None and c.type == "PERSON":
                return c
        return None

    def _nearest_subject(self, subj: list, verb):
        """Where the parser gave a verb two subjects, the nearest one, unless it only ends a
        preposition's phrase of the other ("a spokesman for committee Democrats said")."""
        near = min(subj, key=lambda k: abs(k.i - verb.i))
        first = min(subj, key=lambda k: k.i)
        between = self.doc[first.i + 1:near.i] if first.i < near.i < verb.i else []
        if between and not any(t.text == "," for t in between) and any(t.pos_ == "ADP" or t.tag_ == "IN" for t in between):
            return first
        return near

    @staticmethod
    def _particle_name(text: str) -> bool:
        """A name opening with a lower-case particle ("de Blasio", "van der Berg")."""
        words = text.split()
        return len(words) > 1 and words[0] in cues()["name_particles"] and any(w[:1].isupper() for w in words[1:])

    def _apart(self, a, b) -> bool:
        """Two tokens in different paragraphs: a dependency between them is a parser error."""
        lo, hi = sorted((a.idx, b.idx))
        return "\n" in self.text[lo:hi]

    def _reporting_head(self, verb):
        """A participle the parser hung inside the side clause of a speech verb ("Roe said Doe must
        choose, saying, “...”"; "Roe wrote the agents knew it, saying"): it goes with that speech verb."""
        head, side = verb.head, cues()["side_clause_deps"]
        for _ in range(3):
            head = self._first_complement(head)
            if head.dep_ not in side or head.head == head or self._apart(verb, head.head):
                break
            head = head.head
            if self._is_speech_verb(head) and not self.quoted(head.idx):
                return head
        return verb

    def _first_complement(self, verb):
        """A verb coordinated with a side clause under its own 'that' ("Roe said Doe apologized, and
        that she forgave her, adding ..."): the side clause it continues, so the participle goes with
        the speech verb above both. A conjunct without such a mark ("Doe added") is a clause of its own."""
        marks = cues()["complement_marks"]
        while verb.dep_ == "conj" and verb.head != verb and any(
                c.dep_ == "mark" and c.lower_ in marks for c in verb.children):
            verb = verb.head
            while verb.dep_ == "conj" and verb.head != verb:
                verb = verb.head
        return verb

    def _owner(self, tok):
        """A text someone issued ("Roe released a statement saying", "she sent an email that read",
        "Roe hoisted a sign reading", "Roe wrote in a memo explaining"): its words are that someone's,
        so the issuer is the subject; also where the parser hung the participle on the text's
        recipient or medium ("posted a message on Twitter reading", "a memo to staff explaining")."""
        docs = cues()["document_nouns"]
        if tok.dep_ == "pobj" and tok.lemma_.lower() not in docs:
            tok = self._sent_in(tok.head) or tok
        if tok.lemma_.lower() not in docs:
            return tok
        verb = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" \
            and tok.head.lower_ in cues()["document_in_preps"] else None  # "wrote in a memo", not "under a headline"
        if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in cues()["document_reader_verbs"]:
            return tok  # "the host read a letter saying": the letter's words, not the reader's
        subj = [k for k in verb.children if k.dep_ in ("nsubj", "nsubjpass") and not self.quoted(k.idx)]
        return subj[0] if subj else tok

    def _cut_name(self, c: Candidate) -> Candidate:
        """A person named by a given name alone where the text goes on with a capitalised word no
        other name covers ("Will Estrada", "Larry O’Connor" with the surname untagged): the full name."""
        if c.type != "PERSON" or " " in c.text.strip() or name_gender(c.text) is None:
            return c
        end = c.end
        for t in self._tokens(c.end, c.end + 40):
            if t.idx != end + 1 or self.text[end] != " " or not t.text[:1].isupper() or t.is_sent_start \
                    or not re.fullmatch(r"[A-Z][\w'’-]*[a-z][\w'’-]*", t.text) or self._cand_at(t.idx, t.idx + 1) is not None \
                    or t.lower_ in cues()["speech_verb_forms"]:
                break
            end = t.idx + len(t)
        if end == c.end:
            return c
        return replace(c, end=end, text=self.text[c.start:end], name=self.text[c.start:end], key=None)

    @staticmethod
    def _trim_blob(etype: str, name: str, key: str | None) -> tuple[str, str | None]:
        """A person's name NER ran into the next title-case word ("Obama Speech"): the name alone."""
        words = name.split()
        if etype == "PERSON" and len(words) > 1 and words[-1].lower() in cues()["name_blob_tails"]:
            return " ".join(words[:-1]), None
        return name, key

    def _antecedent(self, relcl, pronoun):
        """Who a relative 'who' stands for: the noun its clause hangs on, or in a list the item right
        before it ("Jane Roe, Tom Poe and Ann Doe, who joked": Doe, though the parser hung it on Poe)."""
        items, todo = [], [relcl.head]
        while todo:
            tok = todo.pop()
            items.append(tok)
            todo += [k for k in tok.children if k.dep_ == "conj"]
        before = [t for t in items if t.i < pronoun.i]
        tok = max(before, key=lambda t: t.i) if before else relcl.head
        if pronoun.lower_ in ("which", "that"):
            # "a story about her eating mangoes which said": a text says it, not what it is about
            texts, up = cues()["document_nouns"] | cues()["group_nouns"], tok
            for _ in range(4):
                if up.dep_ not in ("pobj", "dobj", "pcomp", "prep") or up.head == up:
                    break
                up = up.head
                if up.pos_ == "NOUN" and up.lemma_.lower() in texts:
                    tok = up
                    break
        return self._owner(tok)

    def _sent_in(self, prep):
        """The text a preposition's phrase goes with: 'a message [on Twitter]', 'wrote in a statement
        [to Wired]', 'blasted out an email [to supporters]' -> message, statement, email; else None."""
        if prep.dep_ != "prep" or prep.lower_ not in cues()["document_to_preps"]:
            return None
        docs, head = cues()["document_nouns"], prep.head
        if head.lemma_.lower() in docs and head.pos_ == "NOUN":
            return head
        if head.pos_ not in ("VERB", "AUX"):
            return None
        for k in head.children:
            if k.dep_ == "dobj" and k.lemma_.lower() in docs:
                return k
            if k.dep_ == "prep" and k is not prep:
                found = next((g for g in k.children if g.dep_ == "pobj" and g.lemma_.lower() in docs), None)
                if found is not None:
                    return found
        return None

    def _modifier(self, c: Candidate) -> bool:
        """A name that only modifies a noun ("a top Roe surrogate"): not a person acting here."""
        toks = self._tokens(c.start, c.end)
        root = next((t for t in toks if not c.start <= t.head.idx < c.end), None)
        # ... or a demonym or place used as an adjective ("a German user said")
        return root is not None and (root.dep_ == "compound" or root.dep_ == "amod" and c.type in ("NORP", "GPE")) \
            and root.head.pos_ == "NOUN"

    def _role_head(self, tok) -> bool:
        """A common noun heading its own phrase, with no name in apposition ("a spokesman for X")."""
        if tok.pos_ != "NOUN" or tok.dep_ in ("compound", "amod", "nmod", "poss") or not tok.text.islower():
            return False
        for k in tok.children:  # "spokesman Jane Roe" is named; "a Twitter spokesman" is not
            c = self._cand_at(k.idx, k.idx + len(k)) if k.dep_ in ("appos", "compound") else None
            # a name before the noun only modifies it ("the Roe campaign", "the Roe look-alike")
            if c is not None and (c.type == "PERSON" and k.i > tok.i or k.dep_ == "appos"):
                return False
        return True
