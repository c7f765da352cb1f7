"""Paragraph classifier: labels each unit as body or as a kind of page furniture.

Signals are general: UI vocabulary (a data file), templating leftovers, glued menu words,
copyright and credit conventions, mailing-list furniture, sentence shape, repetition and
position (header/footer zones around the body). Thresholds live in :data:`LIMITS`.
"""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from ..language import count_words
from . import captions
from .dates import date_line
from .lexicon import load_lexicon
from .lines import Unit, ends_sentence, starts_lower
from .outlets import load_outlets

LIMITS = {
    "strong_words": 14,  # a sentence-shaped unit this long anchors the body zone
    "sentence_words": 4,  # shorter units are not sentences
    "ui_strong_words": 40,  # a unit this short with one UI phrase is furniture
    # in a longer passage, a sentence with a UI phrase is a call to action when it has as many distinct UI
    # cues (phrases, menu words) as its length asks for: (most words, cues needed), shortest first
    "ui_sentence_cues": ((15, 1), (20, 2), (30, 3)),
    "ui_weak_words": 8,  # a unit this short made mostly of UI words is furniture
    "ui_weak_share": 0.5,
    "stopword_share": 0.12,  # running prose has stop words; menus and tags do not
    "heading_words": 12,
    "repeat_min_chars": 25,  # near-duplicate test applies to units at least this long
    "contact_label_words": 7,  # "Ansprechpartnerin zum Thema:", "Pressekontakt: Jane Roe"
    "contact_lines": 8,  # a contact card: name, role, office, street, town, telephone, fax, e-mail
    "contact_line_words": 8,  # ... each line short; a longer one (or a sentence) is body again
}

_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\$\{\w+\}|<%.*?%>|\[\[\w+\]\]|\b__[A-Z_]{3,}__\b")
_GLUE = re.compile(r"[a-z’'][A-Z][a-z]")
_URL_ONLY = re.compile(r"^<?(?:https?://|www\.)\S+>?$", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_COPYRIGHT = re.compile(r"(?:^|\s|\()(?:©|\(c\)\s*(?:19|20)\d\d|copyright\b)|all rights reserved", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|written by|words by|story by|text by)\s+(?=[A-Z])|^write to\s+[A-Z]", re.IGNORECASE)
_SELF_REF = re.compile(r"\btrust(?:ed)?\s+(?:the\s+)?[A-Z]")
_NUMBER = re.compile(r"^[(+-]?[$€£¥]?\d[\d.,/:%-]*\)?[.,;]?$")
_SENT_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
DATELINE = re.compile(
    r"^(?P<city>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-ÞĀ-ž.'’\-]+(?:\s+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-ÞĀ-ž.'’\-]+){0,3})"
    r"(?:,\s+(?P<region>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}))?"
    r"(?:,\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+(?:19|20)\d\d)?))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&-]{1,30})\))?\s*(?:--|[-–—])\s+\S")


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def stopword_share(words: list[str]) -> float:
    return sum(1 for w in words if w.lower() in STOP_WORDS) / len(words) if words else 0.0


def _shape(unit: Unit) -> tuple[bool, bool]:
    """(sentence-shaped, strong), computed once per unit."""
    if "shape" not in unit.info:
        w = words_of(unit.text)
        share = stopword_share(w)
        n = len(w)
        if unit.info.get("foreign"):  # English stop words say nothing about other languages
            share = 1.0
            n = count_words(unit.text)  # Chinese, Japanese, Thai: no spaces between words
        sentence = n >= LIMITS["sentence_words"] and ends_sentence(unit.text) \
            and share >= LIMITS["stopword_share"]
        unit.info["shape"] = (sentence, sentence and n >= LIMITS["strong_words"] and share >= 0.2)
    return unit.info["shape"]


def is_sentence(unit: Unit) -> bool:
    return _shape(unit)[0]


def is_strong(unit: Unit) -> bool:
    return _shape(unit)[1]


def is_table_row(text: str) -> bool:
    """A row of figures ("Revs 92.2 mln vs 77.4 mln"): data, not navigation."""
    return sum(1 for t in text.split() if _NUMBER.match(t)) >= 2


def has_dateline(text: str) -> bool:
    m = DATELINE.match(text)
    return bool(m) and len(m.group("city")) >= 3 and m.group("city").isupper()


def _menu_glue(text: str) -> bool:
    """Menu words glued together by a scraper: "HomeWorldChina's", "IconFacebookIcon"."""
    total = len(_GLUE.findall(text))
    if total >= 3:
        return True
    return total == 2 and any(len(_GLUE.findall(t)) >= 2 for t in text.split())


def _ui_sentence(sent: str, lex) -> bool:
    """A sentence that is a call to action: short with a UI phrase, or longer with more UI cues."""
    n = len(sent.split())
    found = lex.ui_strong.findall(sent)
    need = next((cues for most, cues in LIMITS["ui_sentence_cues"] if n <= most), None)
    if not found or need is None:
        return False
    rest = lex.ui_strong.sub(" ", sent)  # menu words outside the phrases, stop words ("in", "up") aside
    cues = {f.lower() for f in found} | {t for t in (w.lower() for w in words_of(rest))
                                         if t in lex.ui_weak and t not in STOP_WORDS}
    return len(cues) >= need


def ui_reason(text: str) -> bool:
    lex = load_lexicon()
    n = len(text.split())
    strong = lex.ui_strong.findall(text)
    if strong and (n <= LIMITS["ui_strong_words"] or len(strong) >= 2 and n <= 2 * LIMITS["ui_strong_words"]):
        if n <= 15 or lex.ui_strong.match(text.lstrip("»›>•·-–— ")):
            return True  # short, or opening with the call to action ("Subscribe to our weekly ...")
        # in longer passages the phrase must stand in a short sentence of its own ("Join the
        # conversation below."), not inside running prose ("... will share this year's ...")
        if any(_ui_sentence(sent, lex) for sent in _SENT_SPLIT.split(text)):
            return True
    if any(p.search(text) for p in lex.ui_patterns):
        return True
    tokens = [w.lower() for w in words_of(text)]
    if tokens and len(tokens) <= LIMITS["ui_weak_words"]:
        share = sum(1 for t in tokens if t in lex.ui_weak) / len(tokens)
        return share >= LIMITS["ui_weak_share"]
    return False


def mailing_list(text: str) -> bool:
    if len(text.split()) > 30:
        return False
    return any(p.search(text) for p in load_lexicon().mailing_list)


_LATIN = re.compile(r"[A-Za-z]")


def fold_homoglyphs(text: str) -> str:
    """Cyrillic look-alike letters read as Latin inside words that mix them with Latin letters
    ("Соntасt uѕ"), as advertising boxes write them to slip past filters; other words unchanged."""
    table = load_lexicon().homoglyphs
    if not table or not any(c in table for c in text):
        return text
    return " ".join("".join(table.get(c, c) for c in w) if _LATIN.search(w) and any(c in table for c in w) else w
                    for w in text.split(" "))


def classify(unit: Unit, next_text: str | None) -> str | None:
    """The reason a unit is not body text, or None when it may be body."""
    t = " ".join(unit.text.split())  # pages glue words with no-break spaces; the lexicon's phrases use plain ones
    t = fold_homoglyphs(t)
    n = len(t.split())
    if _TEMPLATE.search(t):
        return "template"
    if mailing_list(t):
        return "mailing-list"
    if _URL_ONLY.match(t):
        return "url"
    if captions.is_photo_credit(t):
        return "credit"
    if captions.caption_kind(t, next_text):
        return "caption"
    if n <= 40 and _COPYRIGHT.search(t) and not has_dateline(t):
        return "copyright"
    if captions.is_credit_line(t):
        return "credit"
    if n <= 30 and _BYLINE.match(t) and not ends_sentence(t):
        return "byline"
    if date_line(t):
        return "date"
    if _menu_glue(t) and not (n > 40 and is_strong(unit)):
        return "navigation"  # (long running prose with a few inner-capital names is not a menu)
    if n <= 8 and not ends_sentence(t) and _SELF_REF.search(t) and load_outlets().find(t):
        return "self-reference"
    if ui_reason(t):
        return "ui-vocabulary"
    urls = _URL.findall(t)
    if urls and sum(len(u) for u in urls) > 0.5 * len(t):
        return "url"
    return None


def mark_continuations(units: list[Unit]) -> None:
    """A call to action broken over two lines ("Become a member of" / "the club and save 10%!"):
    a line that starts in lower case right after an unfinished UI-vocabulary line is its rest."""
    for prev, u in zip(units, units[1:]):
        if u.reason is None and prev.reason == "ui-vocabulary" and not ends_sentence(prev.text) \
                and len(prev.text.split()) >= 2 and starts_lower(u.text):  # not after a label ("Anzeige")
            u.reason = "ui-vocabulary"


def mark_link_blocks(units: list[Unit], most: int = 3) -> None:
    """Headline-shaped lines under a link label ("Related article", "See also") are links."""
    labels = load_lexicon().link_labels
    for i, u in enumerate(units):
        label = " ".join(u.text.split()).strip(" |")  # a label alone in a table cell: "| Related |"
        if not any(p.match(label) for p in labels):
            continue
        u.reason = "link-label"
        for v in units[i + 1:i + 1 + most]:
            if v.reason is not None or ends_sentence(v.text) or len(v.text.split()) > 20:
                break
            v.reason = "related-link"


def mark_contact_blocks(units: list[Unit]) -> None:
    """A contact card after the article ("Press contact" / a name / a street / "Tel. ..." / an
    e-mail address): the label (lexicon ``[contact-labels]``) and the short lines under it are
    furniture. Only after body prose: on a contact or imprint page the card is the text."""
    label_re = load_lexicon().contact_labels
    body_seen = False
    for i, u in enumerate(units):
        text = " ".join(u.text.split()).strip(" |")
        if body_seen and label_re is not None and label_re.match(text) \
                and len(text.split()) <= LIMITS["contact_label_words"] and not ends_sentence(text):
            u.reason = u.reason or "contact-card"  # the label may be UI vocabulary already ("Contact")
            for v in units[i + 1:i + 1 + LIMITS["contact_lines"]]:
                n = len(v.text.split())
                if n > LIMITS["contact_line_words"] or (ends_sentence(v.text) and n >= LIMITS["sentence_words"] + 1):
                    break
                if v.reason is None:
                    v.reason = "contact-card"
        body_seen = body_seen or (u.reason is None and is_strong(u))


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


_SIGNATURE = re.compile(r"[―—–-]{1,2}[ \t]*[A-Z][^\n“”\"]{1,80}")


def is_signature(units: list[Unit], i: int) -> bool:
    """A dash signature line right under a quote ("“...”" / "- Jane Roe, Ohio."): the quote's speaker,
    however often a fact-check list repeats it and wherever it falls."""
    return i > 0 and _SIGNATURE.fullmatch(units[i].text.strip()) is not None \
        and units[i - 1].text.rstrip().endswith(('"', "”", "’"))


def mark_repeats(units: list[Unit]) -> None:
    """A unit that repeats (or is contained in) an earlier unclassified unit is "repeated"."""
    seen: list[str] = []
    exact: set[str] = set()
    for i, u in enumerate(units):
        if u.reason is not None or is_signature(units, i):
            continue
        key = _norm(u.text)
        if not key:
            continue
        if key in exact or (len(key) >= LIMITS["repeat_min_chars"] and any(key in s for s in seen)):
            u.reason = "repeated"
            continue
        exact.add(key)
        seen.append(key)


def is_heading(unit: Unit) -> bool:
    """A section heading: short, no final punctuation, mostly capitalised words, few digits."""
    t = unit.text
    w = words_of(t)
    if not 1 <= len(w) <= LIMITS["heading_words"] or ends_sentence(t) or t.endswith((",", ";", ":")):
        return False
    if sum(c.isdigit() for c in t) > 2:
        return False
    caps = sum(1 for x in w if x[:1].isupper())
    return caps / len(w) >= 0.5 or len(w) <= 6 and t[:1].isupper()
