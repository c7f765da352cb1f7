"""The actors stage: named mentions linked to registry actors or article-local entities.

Order matters: countries first (they tell which registry person fits), then full names, then
what refers back to them (bare surnames, titles, pronouns), then descriptions.
"""
from __future__ import annotations

from typing import Any

from ..records import Mention
from .context import Context
from .coref import link_pronouns, link_titles
from .descriptions import describe
from .linking import DocState, Found
from .metonymy import link_demonym, link_place_name
from .names import char_span, cues, fold, is_span_honorific, name_tokens, trim

LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}


def candidates(doc: Any) -> list[tuple[int, int, str]]:
    """NER spans with fixed boundaries, split at line breaks, split names merged, honorifics added."""
    out: list[list[Any]] = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        piece = ent.start
        for i in range(ent.start, ent.end + 1):
            if i == ent.end or "\n" in doc[i].text or (i < ent.end - 1 and "\n" in doc[i].whitespace_):
                stop = i + 1 if i < ent.end and "\n" not in doc[i].text else i
                s, e = trim(doc, piece, stop)
                if s < e:
                    out.append([s, e, ent.label_])
                piece = i + 1
    for c in out:  # a name holds no possessive: "Xi's Belt and Road Initiative" is cut after "Xi"
        if c[2] == "PERSON":
            cut = next((i for i in range(c[0] + 1, c[1]) if doc[i].text in ("'s", "’s")), None)
            if cut is not None:
                c[1] = cut
    merged: list[list[Any]] = []
    for c in out:
        prev = merged[-1] if merged else None
        if (prev and prev[2] == c[2] == "PERSON" and c[0] == prev[1] and "\n" not in doc[prev[1] - 1].whitespace_):
            prev[1] = c[1]
        else:
            merged.append(c)
    taken = {i for s, e, _ in merged for i in range(s, e)}
    for c in merged:
        if c[2] != "PERSON":
            continue
        while (c[1] - c[0] == 1 and c[1] < len(doc) and c[1] not in taken and doc[c[1]].pos_ == "PROPN" and doc[c[1]].is_title
               and "\n" not in doc[c[1] - 1].whitespace_ and doc[c[1]].ent_iob_ == "O"):
            taken.add(c[1])
            c[1] += 1
        if c[0] > 0 and is_span_honorific(doc[c[0] - 1]) and "\n" not in doc[c[0] - 1].whitespace_:
            c[0] -= 1
            taken.add(c[0])
    for tok in doc:  # "Mr. Xi" where NER saw no person
        if is_span_honorific(tok) and tok.i + 1 < len(doc) and tok.i + 1 not in taken:
            e = tok.i + 1
            while e < len(doc) and e not in taken and doc[e].is_title and doc[e].pos_ == "PROPN" and e - tok.i < 4:
                e += 1
            if e > tok.i + 1:
                merged = [c for c in merged if not (c[0] < e and tok.i < c[1])]
                merged.append([tok.i, e, "PERSON"])
                taken.update(range(tok.i, e))
    return sorted((s, e, label) for s, e, label in merged)


def _name_len(doc: Any, s: int, e: int) -> int:
    return len(name_tokens(char_span(doc, s, e)[2]))


def _link_org(st: DocState, s: int, e: int, label: str) -> None:
    text = char_span(st.doc, s, e)[2]
    if text.islower():  # "state" in "secretary of state": a common noun NER took for a name
        return
    actor = st.pick_actor(st.reg.lookup(text), "ORG" if label == "ORG" else label)
    if actor is not None:
        st.add(s, e, st.register_actor(actor), "registry", actor.type)
        return
    if label not in ("ORG", "EVENT") or (label == "ORG" and _office_word(st.doc, s, e)):
        return
    folded = fold(text)
    key = st.org_alias.get(folded) or st.org_alias.get(text)
    how = "coref" if key else "ner"
    if key is None:
        key = st.register_local(label, text)
        st.org_alias[folded] = key
        initials = "".join(w[0] for w in text.split() if w[:1].isupper())
        if len(initials) > 1:
            st.org_alias.setdefault(initials, key)
    st.add(s, e, key, how, label)
    nxt = e
    if label == "ORG" and nxt + 2 < len(st.doc) and st.doc[nxt].text == "(" and st.doc[nxt + 2].text == ")":
        st.org_alias.setdefault(st.doc[nxt + 1].text, key)


def _office_word(doc: Any, s: int, e: int) -> bool:
    """One capitalised word naming the portfolio of a title, not an organisation: "Defence" in
    "Defence Minister X", "State" in "Secretary of State X"."""
    if e - s != 1:
        return False
    roles = cues().role_nouns
    def role(t: Any) -> bool:
        return t.is_title and t.lemma_.lower() in roles
    if e < len(doc) and role(doc[e]):
        return True
    return s >= 2 and doc[s - 1].lower_ == "of" and role(doc[s - 2])


def _unlabelled_metonyms(st: DocState, cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Seats of government NER missed ("Downing Street"): one- and two-word registry metonyms."""
    taken = {i for s, e, _ in cands for i in range(s, e)}
    out = []
    doc = st.doc
    for tok in doc:
        if tok.i in taken or not tok.is_title:
            continue
        nxt = tok.i + 1
        if nxt < len(doc) and nxt not in taken and doc[nxt].is_title and st.reg.metonym(doc[tok.i:nxt + 1].text):
            out.append((tok.i, nxt + 1, "FAC"))
            taken.update((tok.i, nxt))
        elif tok.pos_ == "PROPN" and st.reg.metonym(tok.text):
            out.append((tok.i, nxt, "FAC"))
            taken.add(tok.i)
    return out


def _name_word(tok: Any) -> bool:
    return tok.is_alpha and tok.is_title or (len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == ".")


def _registry_full_names(st: DocState, cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Registry people NER cut up or mislabelled ("Yoon" + "Yeol", "Dmitry" as ORG): the registry's
    full name or alias, matched on two to four capitalised words, replaces the fragments inside it."""
    doc = st.doc
    out = list(cands)
    i = 0
    while i < len(doc):
        hit = None
        for n in (4, 3, 2):
            e = i + n
            if e > len(doc) or not all(_name_word(t) for t in doc[i:e]):
                continue
            if any("\n" in t.whitespace_ for t in doc[i:e - 1]):
                continue
            actors = st.reg.lookup(doc[i:e].text)
            if not any(a.type == "PERSON" for a in actors):
                continue
            inside = [c for c in out if c[0] < e and i < c[1]]
            if all(i <= c[0] and c[1] <= e for c in inside) and not (len(inside) == 1 and inside[0] == (i, e, "PERSON")):
                hit = (e, inside)
            break
        if hit is None:
            i += 1
            continue
        e, inside = hit
        out = [c for c in out if c not in inside] + [(i, e, "PERSON")]
        i = e
    return sorted(out)


def _pair_of_people(st: DocState, s: int, e: int) -> bool:
    """"Xi-Putin" tagged as one organisation: hyphen-joined surnames of the article's people."""
    parts = [t for t in st.doc[s:e] if t.text not in ("-", "–", "‐")]
    if len(parts) < 2 or len(parts) != (e - s + 1) // 2 or any(fold(t.text) not in st.by_last for t in parts):
        return False
    for t in parts:
        st.link_short_name(t.i, t.i + 1, labelled=False)
    return True


def _bare_surnames(st: DocState, taken: set[int]) -> None:
    """Capitalised tokens NER missed that name a person of the article (or a fitting registry person)."""
    for tok in st.doc:
        if tok.i in taken or not tok.is_title or tok.pos_ in ("VERB", "AUX", "PRON", "DET", "ADP"):
            continue
        word = fold(tok.text)
        if word in st.by_last or (tok.pos_ == "PROPN" and (
                word in st.by_first or st.pick_fitting(st.reg.by_surname(tok.text)))):
            st.link_short_name(tok.i, tok.i + 1, labelled=False)


def _country_from_title(st: DocState, person: Found, pre: tuple[int, int]) -> None:
    """A local person's country read from the title before the name ("Philippine coast guard commander")."""
    entity = st.ctx.entities.get(person.key)
    if entity is None or not person.key.startswith("loc:") or entity.country:
        return
    isos = {st.ctx.entities[f.key].country for f in st.found
            if f.kind == "GPE" and pre[0] <= f.tok_start < pre[1] and f.key in st.ctx.entities}
    if len(isos) == 1:
        entity.country = isos.pop()
        st.persons[person.key].country = entity.country


def _resolve_overlaps(found: list[Found], blocked: set[int]) -> list[Found]:
    kept: list[Found] = []
    occupied: dict[int, Found] = {}
    for f in sorted(found, key=lambda x: (x.rank, x.tok_start)):
        if f.how in ("demonym", "metonym") and any(i in blocked for i in range(f.tok_start, f.tok_end)):
            continue
        if any(i in occupied for i in range(f.start, f.end)):
            continue
        for i in range(f.start, f.end):
            occupied[i] = f
        kept.append(f)
    return sorted(kept, key=lambda x: x.start)


def _demonym_group(st: DocState, s: int, e: int) -> bool:
    """An ORG span that is a demonym (alone or before common nouns) links the demonym to its country."""
    rest = st.doc[s + 1:e]
    if any(t.is_title or t.is_upper for t in rest) or st.reg.lookup(st.doc[s:e].text):
        return False
    return link_demonym(st, s, s + 1)


def _place_words(ctx: Context, cands: list[tuple[int, int, str]]) -> set[str]:
    """Folded names the article uses as places: its dateline city and its place entities."""
    words = {" ".join(name_tokens(char_span(ctx.doc, s, e)[2])) for s, e, label in cands
             if label in ("GPE", "LOC", "FAC")}
    if ctx.meta.dateline:
        words.add(" ".join(name_tokens(ctx.meta.dateline)))
    return words


def link_actors(ctx: Context) -> list[Mention]:
    """Link the article's actor mentions; register each linked entity on ``ctx``."""
    st = DocState(ctx)
    doc = ctx.doc
    cands = _registry_full_names(st, candidates(doc))
    rest: list[tuple[int, int, str]] = []
    for s, e, label in cands + _unlabelled_metonyms(st, cands):  # countries first: they tell people apart
        if label == "PERSON" and st.reg.metonym(doc[s:e].text) is not None:
            label = "GPE"  # NER takes some capitals for people ("Buenos Aires")
        if label == "NORP":
            if not link_demonym(st, s, e):
                rest.append((s, e, label))
        elif label in ("GPE", "LOC", "FAC", "ORG"):
            if not link_place_name(st, s, e, label):
                rest.append((s, e, label))
        else:
            rest.append((s, e, label))
    short: list[tuple[int, int, str]] = []
    for s, e, label in rest:
        if label == "PERSON" and _name_len(doc, s, e) > 1:
            st.link_full_name(s, e)
        else:
            short.append((s, e, label))
    places = _place_words(ctx, cands)
    for s, e, label in short:
        word = name_tokens(char_span(doc, s, e)[2])
        if label == "PERSON":
            # an all-capitals word alone is a dateline or a heading more often than a person, and a
            # word the article uses as a place ("the Vladivostok summit") is a person only if one is known
            labelled = not doc[s:e].text.isupper() and " ".join(word) not in places
            st.link_short_name(s, e, labelled=labelled)
        elif len(word) == 1 and (word[0] in st.by_last or st.pick_fitting(st.reg.by_surname(word[0]))):
            # a surname NER mislabelled
            st.link_short_name(s, e, labelled=False)
        elif _pair_of_people(st, s, e):
            pass
        elif label == "ORG" and _demonym_group(st, s, e):
            pass  # "Ugandan fishermen": a group named by nationality, not an organisation
        elif label in ("ORG", "EVENT", "LOC", "FAC", "GPE"):
            _link_org(st, s, e, label)
    _bare_surnames(st, {i for s, e, _ in cands for i in range(s, e)})
    link_titles(st, ctx.anchor)
    blocked: set[int] = set()
    for f in st.found:
        if f.kind == "PERSON" and f.how in ("registry", "ner", "coref", "alias"):
            f.description, pre = describe(st, f)
            if pre:
                blocked.update(range(*pre))
                _country_from_title(st, f, pre)
    link_pronouns(st)
    kept = _resolve_overlaps(st.found, blocked)
    return [Mention(start=f.start, end=f.end, text=f.text, entity=f.key, how=f.how, description=f.description)
            for f in kept]
