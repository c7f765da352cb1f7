"""Turn parse tokens into Parties (actor/target) using the actor stage's mentions."""
from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ..nlp.context import Context
from ..records import Mention, Party

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
PLURAL_PRONOUNS = {"they", "them", "their", "both"}
THING_PRONOUNS = {"it", "its"}
# "the country", "the government": the most recent country-level party
SINGLE_BACK_NOUNS = {"country", "nation", "government", "state", "kingdom", "republic", "administration"}
# "the two leaders", "both sides": a pair recalled from what the article just said
PAIR_NOUNS_PERSON = {"leader", "president", "minister", "head", "counterpart", "premier", "chancellor", "man"}
PAIR_NOUNS_ANY = {"country", "nation", "state", "government", "side", "neighbour", "neighbor", "power", "party",
                  "capital", "ally", "rival", "partner", "military", "army", "navy", "force", "delegation"}
# children through which a head noun points at who it belongs to ("troops from China", "leaders of Iran")
OWNER_DEPS = {"poss", "compound", "amod", "nmod"}
OWNER_PREPS = {"of", "from"}
RECENT_CHARS = 1500  # how far back a pair or pronoun may look
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


class PartyFinder:
    """Index of mentions by token for one document, with pronoun and pair recall."""

    def __init__(self, ctx: Context, local_groups: frozenset[str] = frozenset()) -> None:
        self.ctx = ctx
        self.local_groups = local_groups  # "protesters in Baghdad": people named by where they are
        doc = ctx.doc
        self.by_token: dict[int, Mention] = {}
        for m in sorted(ctx.mentions, key=lambda m: (m.start, -(m.end - m.start))):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                self.by_token.setdefault(tok.i, m)
        self.ordered = sorted(ctx.mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.ordered]
        self.coordinated = self._coordinations()

    def _coordinations(self) -> list[tuple[int, list[Mention]]]:
        """(end char, mentions) of 'X and Y' phrases whose members are both mentions."""
        out = []
        for i, m in self.by_token.items():
            tok = self.ctx.doc[i]
            if tok.dep_ == "conj" or not tok.conjuncts:
                continue
            members = [m] + [self.by_token[c.i] for c in tok.conjuncts if c.i in self.by_token]
            if len(members) >= 2:
                out.append((max(x.end for x in members), members))
        return sorted(out, key=lambda x: x[0])

    # --- single mentions -------------------------------------------------------------------
    def party(self, mention: Mention) -> Party | None:
        ent = self.ctx.entities.get(mention.entity)
        if ent is None:
            return Party(name=mention.text, entity=mention.entity, country=None)
        if ent.type not in {"PERSON", "ORG", "GPE", "NORP", "LOC"} and not ent.country:
            return None
        return Party(name=ent.name, entity=ent.key, country=ent.country)

    def etype(self, party: Party) -> str | None:
        ent = self.ctx.entities.get(party.entity or "")
        return ent.type if ent else None

    def at(self, tok: Any) -> Party | None:
        m = self.by_token.get(tok.i)
        return self.party(m) if m else None

    # --- recall ---------------------------------------------------------------------------
    def _before(self, char: int) -> list[Party]:
        """Parties mentioned before ``char`` (most recent first), within RECENT_CHARS."""
        out = []
        idx = bisect_right(self.starts, char) - 1
        while idx >= 0:
            m = self.ordered[idx]
            idx -= 1
            if m.end > char:
                continue
            if char - m.start > RECENT_CHARS:
                break
            p = self.party(m)
            if p is not None:
                out.append(p)
        return out

    def recent_person(self, char: int) -> Party | None:
        for p in self._before(char):
            if self.etype(p) == "PERSON":
                return p
        return None

    def chained_person(self, tok: Any, depth: int = 0) -> Party | None:
        """A subject pronoun: a person named earlier in its own sentence ('For Xi, ... where he met'), else
        the referent of the last subject pronoun of the same form ('..., where he met Macron. He also met
        ...': not the object Macron) or the person named as a subject since, whichever comes last."""
        if tok.dep_ not in SUBJECT_DEPS:
            return None
        doc = tok.doc
        i = tok.i - 1
        while i >= 0 and not doc[i + 1].is_sent_start:
            p = self.at(doc[i])
            if p is not None and self.etype(p) == "PERSON":
                return p
            i -= 1
        i = tok.i - 1
        while i >= 0 and tok.idx - doc[i].idx <= RECENT_CHARS:
            prev = doc[i]
            if prev.dep_ in SUBJECT_DEPS:
                if prev.lower_ == tok.lower_:
                    if depth < 2:
                        found = self.chained_person(prev, depth + 1)
                        if found is not None:
                            return found
                    return self._subject_person(prev) or self.recent_person(prev.idx)
                p = self.at(prev)
                if p is not None and self.etype(p) == "PERSON":
                    return p  # a person named as subject since: the pronoun continues that subject
            i -= 1
        return None

    def _subject_person(self, tok: Any) -> Party | None:
        """The last person named as a subject before ``tok`` ('Mr. Putin told his counterpart ... he')."""
        doc = tok.doc
        for i in range(tok.i - 1, -1, -1):
            prev = doc[i]
            if tok.idx - prev.idx > RECENT_CHARS:
                break
            if prev.dep_ in SUBJECT_DEPS:
                p = self.at(prev)
                if p is not None and self.etype(p) == "PERSON":
                    return p
        return None

    def recent_single(self, char: int, country_level: bool = False) -> Party | None:
        """The last non-person party with a country; ``country_level``: a country itself ('the government')."""
        for p in self._before(char):
            if self.etype(p) != "PERSON" and p.country and (not country_level or self.etype(p) == "GPE"):
                return p
        return self.recent_single(char) if country_level else None

    def recent_pair(self, char: int, want: str | None) -> list[Party]:
        """The last 'X and Y' pair of the wanted kind, else the two most recent distinct parties."""
        for end, members in reversed(self.coordinated):
            if end > char:
                continue
            if char - end > RECENT_CHARS:
                break
            found = [p for m in members if (p := self.party(m)) is not None
                     and (want != "PERSON" or self.etype(p) == "PERSON")]
            distinct = {p.country or p.entity for p in found}
            if len(found) >= 2 and len(distinct) >= 2:
                return found[:2]
        seen: list[Party] = []
        keys: set[str] = set()
        for p in self._before(char):
            if want == "PERSON" and self.etype(p) != "PERSON":
                continue
            key = p.country or p.entity or p.name or ""
            if key in keys:
                continue
            keys.add(key)
            seen.append(p)
            if len(seen) == 2:
                return list(reversed(seen))
        return []

    # --- phrases --------------------------------------------------------------------------
    def resolve(self, head: Any) -> tuple[list[Party], str]:
        """Parties named by the phrase headed by ``head`` and its conjuncts, with how they were found."""
        parties: list[Party] = []
        how = "mention"
        # "Donald Trump and Vladimir Putin" misparsed with the first name as a modifier of the second
        stray = [c for c in head.children if c.dep_ in {"nmod", "compound"} and c.i < head.i
                 and any(g.dep_ == "cc" for g in c.children)]
        for tok in sorted([head, *stray], key=lambda t: t.i) + list(head.conjuncts):
            found, h = self._resolve_one(tok)
            if h != "mention":
                how = h
            for p in found:
                if not any(_same(p, q) for q in parties):
                    parties.append(p)
        return parties, how

    def _resolve_one(self, tok: Any) -> tuple[list[Party], str]:
        if _is_dateline(tok):  # "TALLINN — Estonia, Finland and Poland agreed": the parties follow the dash
            dash = next((c.i for c in tok.children if c.is_punct and c.text in DASHES), None)
            for child in (c for c in tok.children if c.dep_ == "appos" and dash is not None and c.i > dash):
                found, _ = self.resolve(child)
                if found:
                    return found, "mention"
            return [], "none"
        p = self.at(tok)
        if p is not None:
            if p.country is None:  # "Brazil's President Lula": the owner gives the country
                for child in tok.children:
                    q = self.at(child) if child.dep_ in OWNER_DEPS else None
                    if q is not None and q.country and self.etype(q) != "PERSON":
                        p = Party(name=p.name, entity=p.entity, country=q.country)
                        break
            return [p], "mention"
        low = tok.lower_
        if tok.pos_ == "PRON" or tok.tag_ in {"PRP", "PRP$"}:
            if low in PERSON_PRONOUNS:
                found = self.chained_person(tok) or self.recent_person(tok.idx)
                return ([found] if found else []), "pronoun"
            if low in PLURAL_PRONOUNS:
                return self.recent_pair(tok.idx, None), "pair"
            if low in THING_PRONOUNS:
                found = self.recent_single(tok.idx)
                return ([found] if found else []), "pronoun"
            return [], "none"
        both = next((c for c in tok.children if c.lower_ == "both" and c.dep_ in {"det", "predet"}), None)
        if both is not None and tok.tag_ in {"NN", "NNP"} and not _is_pair_phrase(tok):
            # "both" cannot determine a singular noun: it is the pronoun subject the parser folded in
            # ("Both also challenge the U.S. deployment ...")
            return self.recent_pair(both.idx, None), "pair"
        if _is_pair_phrase(tok):
            want = "PERSON" if tok.lemma_.lower() in PAIR_NOUNS_PERSON else None
            return self.recent_pair(tok.idx, want), "pair"
        if tok.lemma_.lower() in SINGLE_BACK_NOUNS and any(c.lower_ == "the" for c in tok.children) \
                and not any(c.dep_ in {"prep", "amod", "compound", "poss"} for c in tok.children):
            found = self.recent_single(tok.idx, country_level=True)
            return ([found] if found else []), "pronoun"
        # "his Russian counterpart, Vladimir Putin"; "VLADIVOSTOK, Russia -- Xi Jinping and ..." (dateline)
        appos = [c for c in tok.children if c.dep_ == "appos"]
        if _is_dateline(tok):
            dash = next((c.i for c in tok.children if c.is_punct and c.text in DASHES), None)
            appos = [c for c in appos if dash is not None and c.i > dash]
        for child in appos:
            found, _ = self.resolve(child)
            if found:
                return found, "mention"
        if _is_dateline(tok):
            return [], "none"
        # owner of a common noun: "Chinese troops", "Russia's navy", "leaders of Iran and Iraq"
        for child in tok.children:
            if child.dep_ in OWNER_DEPS and child.pos_ != "PRON" and self.at(child) is not None:
                found, _ = self.resolve(child)  # "Indian and Chinese troops"
                return found, "owner"
        local = tok.lemma_.lower() in self.local_groups
        for child in tok.children:
            if child.dep_ == "prep" and (child.lower_ in OWNER_PREPS or (local and child.lower_ == "in")):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found, _ = self.resolve(obj)
                        if found:
                            return found, "owner"
        return [], "none"


DASHES = {"--", "-", "—", "–"}


def _is_dateline(tok: Any) -> bool:
    """'VLADIVOSTOK, Russia -- ...': an upper-case place opening the sentence, parsed as its subject."""
    return bool(tok.is_sent_start) and tok.text.isupper() and len(tok.text) > 2 \
        and any(c.is_punct and c.text in DASHES for c in tok.children)


def _is_pair_phrase(tok: Any) -> bool:
    """'the two leaders', 'both sides', 'the pair'."""
    lemma = tok.lemma_.lower()
    if lemma == "pair":
        return True
    if lemma not in PAIR_NOUNS_PERSON and lemma not in PAIR_NOUNS_ANY:
        return False
    return any((c.lower_ in {"two", "both"} and c.dep_ in {"nummod", "det", "predet", "amod"}) for c in tok.children)


def _same(a: Party, b: Party) -> bool:
    return (a.entity is not None and a.entity == b.entity) or (a.name == b.name and a.country == b.country)
