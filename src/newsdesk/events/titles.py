"""Event titles in the event's own words: "China and Russia hold joint anti-missile drills in Beijing".

The title is built from the parse of the evidence sentence: the parties as resolved (names, so a pronoun
subject reads as the person), the trigger verb in the present tense with its particle, the words between
the verb and the event noun ("take part in", "preside over"), the event noun with its modifiers ("joint
naval drills"), a target the phrase does not already name, and the place. Modality shows ("will meet",
"may sign", "do not fight") so a title never states as fact what the text does not.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from ..records import Party

DATA = Path(__file__).parent / "data" / "titles.json"

NOUN_MODIFIERS = {"amod", "compound", "nummod", "nmod", "quantmod"}
DROP_WORDS = {"a", "an", "the", "its", "their", "his", "her", "our", "your", "my", "this", "that", "these", "those"}
MODAL = {"planned": "will", "hypothetical": "may", "opinion": "may", "negated": "not", "denied": "not"}
IRREGULAR = {"be": ("is", "are"), "have": ("has", "have"), "do": ("does", "do"), "go": ("goes", "go")}
MAX_WORDS = 14


def party_name(p: Party | None) -> str | None:
    if p is None:
        return None
    return p.name or p.country or p.entity


def _present(lemma: str, plural: bool) -> str:
    if lemma in IRREGULAR:
        return IRREGULAR[lemma][1 if plural else 0]
    if plural:
        return lemma
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


_VOWELS = set("aeiou")


def verb_lemma(verb: Any) -> str:
    """The verb's lemma, correcting the rule lemmatizer's 'staged' -> 'stag', 'hoped' -> 'hop': a single
    consonant before -ed is not doubled, so the base ends in a silent e when that is a verb too."""
    lemma, word = verb.lemma_.lower(), verb.lower_
    if (verb.tag_ in ("VBD", "VBN") and word == lemma + "ed" and len(lemma) > 2 and lemma[-1] not in _VOWELS
            and lemma[-2] in _VOWELS and lemma[-1] != lemma[-2] and lemma[-1] not in "wxy"):
        index = _verb_index(verb.doc.vocab)
        if lemma + "e" in index:
            return lemma + "e"
    return lemma


@functools.lru_cache(maxsize=2)
def _verb_index(vocab: Any) -> frozenset[str]:
    from ..nlp.model import load_nlp

    lookups = load_nlp().get_pipe("lemmatizer").lookups
    return frozenset(lookups.get_table("lemma_index").get("verb", ()))


def _plural_subject(verb: Any) -> bool:
    """Is the verb's grammatical subject plural ("farmers protest", "riot police fire")? The subject of a
    participle ("farmers protesting") is the noun it modifies."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ == "acl":
        subj = verb.head
    if subj is None:
        return False
    if subj.tag_ in ("NNS", "NNPS") or subj.lower_ in _title_data().get("plural_nouns", ()):
        return True
    return subj.lemma_.lower() in {"we", "they"}


@functools.lru_cache(maxsize=1)
def _title_data() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def _target_preps() -> dict[str, str]:
    return _title_data()["target_prepositions"]


def _noun_phrase(noun: Any, names: tuple[str, ...] = ()) -> list[str]:
    """The noun with the modifiers left of it ('joint anti-missile drills', 'a brief border war'), and a
    prepositional phrase right of it that names a party in ``names`` ('a militant camp in Pakistan')."""
    left = [c for c in noun.lefts if c.dep_ in NOUN_MODIFIERS or (c.dep_ == "poss" and c.pos_ == "PROPN")]
    toks = []
    for c in left:
        toks.extend(t for t in c.subtree if t.i < noun.i and not t.is_punct or t.text == "-")
    words = [t.text for t in sorted(set(toks), key=lambda t: t.i) if t.lower_ not in DROP_WORDS]
    words = _join(words + [noun.text])
    for i in range(len(words) - 1, 0, -1):  # "Japan 's" -> "Japan's"
        if words[i] in {"'s", "’s", "'"}:
            words[i - 1] += words.pop(i)
    for prep in (c for c in noun.rights if c.dep_ == "prep"):
        text = " ".join(t.text for t in prep.subtree)
        if any(n and n.lower() in text.lower() for n in names):
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return words + [prep.lower_] + _noun_phrase(obj)
    return words


def _join(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:  # "anti - missile" -> "anti-missile"
        if out and (w == "-" or out[-1].endswith("-")):
            out[-1] += w
        else:
            out.append(w)
    return out


def _path_words(verb: Any, noun: Any) -> list[str]:
    """Words between the verb and its event noun on the parse path: 'take part in', 'preside over'."""
    path, tok = [], noun.head
    for _ in range(4):
        if tok == verb or tok.head == tok:
            break
        path.append(tok)
        tok = tok.head
    if tok != verb:
        return []
    words: list[str] = []
    for t in reversed(path):
        if t.dep_ == "dobj":
            words.extend(_noun_phrase(t))
        elif t.pos_ in {"ADP", "PART"} or t.dep_ in {"prep", "prt"}:
            words.append(t.lower_)
        elif t.pos_ in {"NOUN", "VERB"}:
            words.append(t.text)
    return words


def _mentions(text: str, p: Party | None) -> bool:
    name = party_name(p)
    return bool(name) and name.lower() in text.lower()


def event_title(verb: Any, noun: Any | None, particle: Any | None, actor: Party, target: Party | None,
                symmetric: bool, factuality: str, place: str | None, target_toks: list[Any] = (),
                etype: str | None = None) -> str | None:
    """A one-line title from the event's own words, or None when the parse gives no verb to build on."""
    if verb is None:
        return None
    a, b = party_name(actor), party_name(target)
    if not a:
        return None
    both = symmetric and b
    subject = f"{a} and {b}" if both else a
    plural = bool(both) or _plural_subject(verb)
    lemma = verb_lemma(verb)
    prt = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    modal = MODAL.get(factuality)
    if modal == "not":
        head = [("do" if plural else "does"), "not", lemma]
    elif modal:
        head = [modal, lemma]
    else:
        head = [_present(lemma, plural)]
    words = head + prt
    named = False
    if particle is not None and particle.lower_ not in words:
        words.append(particle.lower_)
        obj = next((g for g in particle.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
        if obj is not None and (noun is None or obj != noun):  # "calls for a global truce"
            words.extend(_noun_phrase(obj))
    if noun is not None and noun != verb:
        if noun.head != verb:
            # "take part in the war games": the verb's own object comes first
            on_path = {a.i for a in noun.ancestors}
            words.extend(w for c in verb.children if c.dep_ == "dobj" and c.i < noun.i and c.pos_ == "NOUN"
                         and c not in target_toks and c.i not in on_path for w in _noun_phrase(c))
            words.extend(_path_words(verb, noun))
        words.extend(_noun_phrase(noun))
    else:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ == "NOUN" and not (both and obj in target_toks):
            words.extend(_noun_phrase(obj, (b or "",)))  # "shot down an Indian aircraft"
            named = named or obj in target_toks  # the target was read from this phrase ("Chinese vessels")
        elif verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ == "NOUN":
            words.extend(_noun_phrase(verb.head))  # "the bloc founded by China and Russia"
        else:
            passive = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN"), None)
            if passive is not None:  # "the bloc was founded by China and Russia"
                words.extend(_noun_phrase(passive))
        content = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                        and any(a.lower_ == "to" for a in c.children)), None)
        if content is not None:  # "vow to bolster ties", "agreed to return their ambassadors"
            words += ["to", content.lemma_.lower()]
            cobj = next((c for c in content.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
            if cobj is not None:
                words.extend(_noun_phrase(cobj))
    bare = len(words) == len(head) and particle is None  # nothing after the verb: "phones X"
    text = " ".join([subject] + words)
    if b and not both and not named and not _mentions(text, target):
        prep = next((t.head.lower_ for t in target_toks if t.dep_ == "pobj" and t.head.dep_ == "prep"), None)
        preps = _target_preps()
        prep = prep or (None if bare else preps.get(etype or "", preps["default"]))
        text += f" {prep} {b}" if prep else f" {b}"
    if place and place.lower() not in text.lower():
        text += f" in {place}"
    words = text.split()
    if len(words) > MAX_WORDS + 4:
        text = " ".join(words[:MAX_WORDS + 4]) + " …"
    return text


def with_place(title: str | None, location: dict[str, Any] | None) -> str | None:
    """Add a place the coder found after the title was built (dateline, the story's summit city)."""
    name = (location or {}).get("name")
    if not title or not name or name.lower() in title.lower():
        return title
    return f"{title} in {name}"
