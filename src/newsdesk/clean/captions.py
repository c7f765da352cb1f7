"""Photo captions and credit lines: kept apart from the body, never lost."""
from __future__ import annotations

import re

from .lexicon import load_lexicon

_LAST_STOP = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=\S)")
_PHOTO_LABEL = re.compile(
    r"^(?:file\s+)?(?:photo(?:graph)?|image|picture|video|illustration|graphic|caption)s?"
    r"(?:\s+illustration)?\s*(?::|by\b|credit\b|courtesy\b|source\b)", re.IGNORECASE)
_CAPTION_START = re.compile(r"^(?:(?:image|media|photo|video)\s+caption|caption)\s*[:,]\s*\S|"
                            r"^(?:file\s+photo|photo|image|pictured|above|top|left|right)\s*:\s*\S", re.IGNORECASE)
_PAREN_CREDIT = re.compile(r"^\((?:[^()]{1,60}\s(?:via|for)\s[^()]{1,40}|[^()]{1,60}/[^()]{1,60}|[^()]{1,40})\)$")
# who is where in the picture: "X, right, shakes hands with Y", "(L to R)"
_POSITION = re.compile(r",\s(?:(?:second|third|far|top|bottom)\s)?(?:left|right|centre|center)(?:\sto\sright)?,\s|"
                       r"\((?:l|r|c|left|right|centre|center|l to r|from left|from right)\)", re.IGNORECASE)
_CREDIT_NAME = re.compile(r"^[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}$")
_CREDIT_LINE = re.compile(
    r"^\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|contributing|research|graphics?|"
    r"production|fact-checking)\s+by\b", re.IGNORECASE)
_REPUBLISHED = re.compile(
    r"\b(?:was|is|has been|were)\s+(?:originally\s+|first\s+)?(?:re-?published|reprinted|reproduced|"
    r"published|syndicated)\s+(?:with permission\s+)?(?:from|in|by|on)\b|^(?:re-?published|reprinted|"
    r"originally published)\s+(?:with permission\s+)?(?:from|in|by|on)\b", re.IGNORECASE)


def _agency(text: str) -> bool:
    lex = load_lexicon()
    return bool(lex.agencies.search(text) or lex.agencies.search(text.title()))


def is_credit_tail(tail: str) -> bool:
    """A short trailing credit such as "© Reuters", "REUTERS", "(X via Reuters)", "Photo: Name"."""
    tail = tail.strip()
    words = tail.split()
    if "/" in tail and 1 <= len(words) <= 12 and _agency(tail) and not tail.endswith((".", "!", "?")):
        return True  # "AGENCY/Photographer/File Photo", link text after it included
    if not 1 <= len(words) <= 8:
        return False
    if _PHOTO_LABEL.match(tail):
        return True
    if tail.startswith(("©", "(c)", "(C)")):
        return True
    if _PAREN_CREDIT.match(tail) and _agency(tail):
        return True
    return len(words) <= 4 and _agency(tail) and not tail.endswith((".", "!", "?"))


def is_photo_credit(text: str) -> bool:
    """A whole line that credits a picture: "name/agency/Shutterstock", "(X via Y)", "Photo: Name"."""
    t = text.strip()
    words = t.split()
    if not words or len(words) > 12:
        return False
    if _PHOTO_LABEL.match(t):
        return True
    if "/" in t and len(words) <= 8 and _agency(t) and not t.endswith((".", "?", "!")):
        return True
    if _PAREN_CREDIT.match(t) and _agency(t):
        return True
    return len(words) <= 4 and _only_agencies(t)


def _only_agencies(t: str) -> bool:
    if not _agency(t):
        return False
    rest = load_lexicon().agencies.sub(" ", t)
    rest = re.sub(r"(?i)\b(?:via|and|for|photo|photos|file|handout)\b|[^\w]", " ", rest)
    return not rest.strip()


def is_credit_line(text: str) -> bool:
    """Reporting/editing credits and republication notes."""
    t = text.strip()
    return bool(_CREDIT_LINE.match(t)) or (len(t.split()) <= 30 and bool(_REPUBLISHED.search(t)))


def caption_kind(text: str, next_text: str | None) -> bool:
    """Is this passage a picture caption? Uses a trailing credit, a caption label, or a credit line after it."""
    t = text.strip()
    words = t.split()
    if not words or len(words) > 70:
        return False
    if _CAPTION_START.match(t):
        return True
    stops = list(_LAST_STOP.finditer(t))
    if stops and is_credit_tail(t[stops[-1].end():]):
        return True
    if next_text is None or len(words) > 45 or t[-1:] not in ".!?”\")":
        return False
    if is_photo_credit(next_text):
        return True
    # a sentence placing people in the picture, over a bare name line (the photographer or the outlet)
    return bool(_POSITION.search(t)) and bool(_CREDIT_NAME.match(next_text.strip()))
