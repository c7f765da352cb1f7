"""Metadata with evidence: title, subtitle, authors, date, dateline, URL, outlet, language.

Priority everywhere: JSON Lines hints > HTML metadata > what the page text says. Each value
records where it came from in ``Meta.evidence``; a value that cannot be read safely stays None.
"""
from __future__ import annotations

import re
from typing import Any

import py3langid

from ..language import count_words
from ..records import Evidence, Meta
from .boilerplate import DATELINE, _norm, words_of
from .dates import date_line, month_day, url_date
from .lexicon import load_lexicon
from .lines import Unit, ends_sentence
from .outlets import load_outlets

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:(?:de|da|del|della|der|di|du|la|le|van|von|bin|al|el|ibn|dos|y)\s+)?[A-Z][\w'’.-]*){1,3}"
_NAME_RE = re.compile(rf"^{_NAME}$")
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "staff", "editor",
              "reporter", "correspondent", "the", "our", "news", "agency", "desk"}
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)
_NOW_KNOWN = re.compile(r"\bnow\s+(?:known|called|renamed)\s+(?:as\s+)?(?P<name>[A-Z][\w&.'’ -]{1,60}?)(?=[,.;:!?)]|\s+(?:is|was|will|has|and)\b|$)")
_REPUBLISHED = re.compile(
    r"\b(?:re-?published|reprinted|reproduced|originally\s+(?:published|appeared)|first\s+(?:published|appeared)|"
    r"syndicated)\s+(?:with\s+permission\s+)?(?:from|in|by|on)\s+(?:the\s+)?(?P<name>[A-Z][\w&.'’ –-]{1,60}?)"
    r"(?=[,.;:!?)]|\s+(?:on|in|and|under|with)\b|$)")
_HOLDER = re.compile(r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d\s*)?)?"
                     r"(?:by\s+)?(?P<name>[A-Z][\w&'’ -]{1,50}?(?:\s+(?:[A-Za-z]{1,3}\.){2,3})?)(?=\s*(?:[.,;|]|all rights|$))", re.IGNORECASE)
_SEPARATED = re.compile(r"\||\s[·•]\s")  # breadcrumbs and running heads ("Outlet · March 2024"), not titles
_TRUST = re.compile(r"\btrust(?:ed)?\s+(?:the\s+)?(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})")


def _ev(meta: Meta, field: str, value: Any, source: str, text: str = "") -> None:
    setattr(meta, field, value)
    meta.evidence[field] = Evidence(value=value, source=source, text=text[:300])


def _title_shaped(u: Unit) -> bool:
    t = u.text
    n = count_words(t) if u.info.get("foreign") else len(words_of(t))  # Chinese titles have no spaces
    caseless = t[:1].isalpha() and not t[:1].islower() and not t[:1].isupper()  # Han, Arabic, Hebrew...
    return u.reason is None and 3 <= n <= 30 and len(t) <= 250 and not t.endswith((".", ":", ",", ";", "。")) \
        and not _SEPARATED.search(t) and (t[:1].isupper() or caseless or t[:1] in "\"'‘“0123456789")


def pick_title(header: list[Unit]) -> tuple[Unit | None, Unit | None]:
    """Title and standfirst among the header units.

    The title is the last title-shaped line before the article's own header furniture (byline,
    date line) or, without those, before the body; when two title-shaped lines stand
    back to back and the second is longer, they are the title and its standfirst.
    """
    cands = [i for i, u in enumerate(header) if _title_shaped(u)]
    if not cands:
        return None, None
    anchors = [i for i, u in enumerate(header) if u.reason in ("byline", "date") and i > cands[0]]
    group = [i for i in cands if not anchors or i < anchors[0]] or cands
    t = group[-1]
    if len(group) >= 2 and group[-2] == t - 1 and \
            len(words_of(header[t].text)) > len(words_of(header[t - 1].text)):
        t = group[-2]
    subtitle = None
    for v in header[t + 1:]:
        if v.reason is None and 4 <= len(words_of(v.text)) <= 70:
            subtitle = v
            break
        if v.reason not in (None, "ui-vocabulary", "template", "byline", "date", "self-reference"):
            break
    return header[t], subtitle


_NAME_LINE = re.compile(rf"^(?P<name>{_NAME})(?:\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,2}})?$")


def mark_name_bylines(header: list[Unit]) -> None:
    """Bylines printed without "By": a writer's name (optionally "Name in City") on its own
    line after the title, followed by a date line or a job title ("Europe correspondent")."""
    roles = load_lexicon().byline_roles
    seen_title = False
    for i, u in enumerate(header[:-1]):
        nxt = header[i + 1]
        m = _NAME_LINE.match(u.text) if u.reason is None else None
        if m and seen_title and m.group("name").split()[0].lower() not in _NOT_NAMES \
                and load_outlets().by_name(m.group("name")) is None:
            role = nxt.reason is None and len(nxt.text.split()) <= 8 and not nxt.text.endswith(".") \
                and roles.search(nxt.text)
            if nxt.reason == "date" or role:
                u.reason = "byline"
                u.info["names"] = [m.group("name")]
                if role:
                    nxt.reason = "byline"
                continue
        seen_title = seen_title or _title_shaped(u)


def parse_byline(text: str) -> list[str]:
    """Names from "By A and B", "By A, Title of X", "Write to A at x and B at y"."""
    t = re.sub(r"\s+", " ", text.strip())
    m = re.match(r"(?i)^(write to|by|written by|words by|story by|text by|reporting by|writing by)\s+", t)
    if not m:
        return []
    rest = t[m.end():]
    write_to = m.group(1).lower() == "write to"
    rest = re.split(r"\s[|•·/]\s|\s[-–—]\s|;", rest)[0]
    names: list[str] = []
    for i, part in enumerate(re.split(r",\s*", rest)):
        for piece in re.split(r"\s+and\s+|\s*&\s*", part):
            piece = piece.strip()
            if write_to:
                piece = re.sub(r"\s+at\b.*$", "", piece)
            piece = re.sub(r"\s+(?:in|for|from|at)\s+[A-Z].*$", "", piece).strip(" .")
            if _NAME_RE.match(piece) and piece.split()[0].lower() not in _NOT_NAMES:
                names.append(piece)
            elif i > 0 and not write_to:
                return names  # "By A, Alum of X": the comma part is a title, not a name
    return list(dict.fromkeys(names))


def city_name(raw: str) -> str:
    """"BEIJING" -> "Beijing", "NEW YORK" -> "New York", "ST. PETERSBURG" -> "St. Petersburg"."""
    def cap(word: str) -> str:
        return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))
    return " ".join(cap(w) for w in raw.split())


def dateline_of(text: str) -> tuple[str, str | None, str | None, str | None] | None:
    """City, agency, day (MM-DD) and whole date (when it names the year; :func:`.dates.month_day`) of a
    dateline at the start of ``text``."""
    m = DATELINE.match(text)
    if not m or len(m.group("city")) < 3 or not m.group("city").isupper():
        return None
    day, full = month_day(m.group("date") or "") or (None, None)
    return city_name(m.group("city")), m.group("agency"), day, full


def _resolve(name: str) -> str:
    reg = load_outlets()
    o = reg.by_name(name)
    if o is None:
        hits = reg.find(name)
        o = hits[0][0] if hits else None
    return o.name if o else name.strip(" .")


def find_outlet(units: list[Unit], url: str | None, dateline_agency: str | None,
                authors: list[str] | None = None) -> tuple[str, str, str] | None:
    """(outlet, source, passage) from the strongest signal in the page's non-body passages."""
    reg = load_outlets()
    furniture = [u for u in units if u.reason not in (None, "caption")]
    for u in units:  # republication notes name the original publisher
        m = _REPUBLISHED.search(u.text) if u.reason is not None else None
        if m:
            return _resolve(m.group("name")), "republished", u.text
    if url:
        o = reg.by_domain(url)
        if o:
            return o.name, "url", url
    for u in furniture:
        m = _NOW_KNOWN.search(u.text)
        if m:
            return _resolve(m.group("name")), "now-known-as", u.text
    for u in units:
        if u.reason in ("caption", "credit") or u.info.get("body"):
            continue
        for m in _TRUST.finditer(u.text):
            hits = reg.find(m.group("name"))
            if hits:
                return hits[0][0].name, "self-reference", u.text
    for u in furniture:
        if u.reason == "copyright":
            hits = reg.find(u.text)
            if hits:
                return hits[0][0].name, "copyright", u.text
    if dateline_agency:
        o = reg.by_name(dateline_agency)
        if o:
            return o.name, "dateline", dateline_agency
    people = {_norm(a) for a in authors or ()}
    for u in furniture:  # an unregistered outlet still names itself in its copyright line
        m = _HOLDER.search(u.text) if u.reason == "copyright" else None
        if m and _norm(_holder_name(m.group("name"))) not in people:  # a writer's own copyright names no outlet
            return _holder_name(m.group("name")), "copyright", u.text
    masthead = _masthead(units, people)
    if masthead:
        return masthead.text, "masthead", masthead.text
    return None


def _masthead(units: list[Unit], people: set[str]) -> Unit | None:
    """The site's name printed on its own line at the top of the page or under the byline,
    trusted only when the page names it again elsewhere ("Thanks for reading X", a sender)."""
    top = [u for u in units if u.reason in (None, "header-zone")][:3]
    after_byline = [units[i + 1] for i, u in enumerate(units[:-1]) if u.reason == "byline"]
    for u in top + after_byline:
        w = u.text.split()
        if u.reason not in (None, "header-zone", "byline") or not 2 <= len(w) <= 5 \
                or not all(x[:1].isupper() or x.lower() in ("of", "the", "and", "for") for x in w) \
                or ends_sentence(u.text) or _norm(u.text) in people or date_line(u.text):
            continue
        key = _norm(u.text)
        if any(v is not u and key in _norm(v.text) for v in units):
            return u
    return None


# A copyright holder names the company, not the masthead: "The Ledger Ltd", "Observer Media 2022".
_LEGAL_SUFFIX = re.compile(r"(?:[\s,]+(?:(?:19|20)\d\d|ltd\.?|limited|inc\.?|llc|plc|corp\.?|co\.|gmbh|s\.a\.|"
                           r"media(?:\s+group)?|group|holdings|publishing|(?:[a-z]{1,3}\.){2,3}))+\s*$", re.IGNORECASE)


def _holder_name(name: str) -> str:
    return _LEGAL_SUFFIX.sub("", name.strip()) or name.strip()


def build_meta(units: list[Unit], header: list[Unit], body: list[Unit], hints: dict[str, Any],
               html: dict[str, Any], body_text: str) -> Meta:
    """Fill a Meta from hints, HTML metadata and the classified units (sets title/subtitle reasons)."""
    meta = Meta()
    mark_name_bylines(header)
    title_u, sub_u = pick_title(header)
    for field, unit in (("title", title_u), ("subtitle", sub_u)):
        if hints.get(field):
            _ev(meta, field, hints[field], "hint")
        elif html.get(field):
            _ev(meta, field, html[field], "html-meta")
        elif unit is not None:
            _ev(meta, field, unit.text, "page-header", unit.text)
        if unit is not None and (meta.evidence.get(field) is None or meta.evidence[field].source == "page-header"
                                 or _norm(unit.text) == _norm(str(getattr(meta, field)))):
            unit.reason = field  # the header line the value was read from (or repeats) is not body
    for field in ("title", "subtitle"):  # the title or standfirst repeated as a paragraph is not body
        value = getattr(meta, field)
        for u in units if value else ():
            if u.reason is None and _norm(u.text) == _norm(value):
                u.reason = field

    # URL
    if hints.get("url"):
        _ev(meta, "url", hints["url"], "hint")
    elif html.get("url"):
        _ev(meta, "url", html["url"], "html-meta")
    else:
        for u in units:
            if u.reason == "url":
                m = _URL.search(u.text)
                if m:
                    _ev(meta, "url", m.group(0).rstrip(".,;"), "text-url", u.text)
                    break

    # authors
    if hints.get("authors"):
        _ev(meta, "authors", list(hints["authors"]), "hint")
    elif html.get("authors"):
        _ev(meta, "authors", html["authors"], "html-meta")
    else:
        for source, pred in (("byline", lambda u: u.reason == "byline"),
                             ("byline", lambda u: u.reason == "date" and re.search(r"\bby\s+[A-Z]", u.text)),
                             ("reporting-credit", lambda u: u.reason == "credit"
                              and re.match(r"(?i)^\(?(?:reporting|writing) by", u.text))):
            for u in units:
                if pred(u):
                    text = u.text[re.search(r"\b[Bb]y\s+[A-Z]", u.text).start():] if u.reason == "date" \
                        else u.text.lstrip("(")
                    names = parse_byline(text) or u.info.get("names", [])
                    if names:
                        _ev(meta, "authors", names, source, u.text)
                        break
            if meta.authors:
                break

    # dateline (kept in the body; recorded here)
    agency = None
    first = next((u for u in body if u.reason is None), None)
    hint_dl = hints.get("dateline")
    found = dl_text = None
    if hint_dl:
        found = dateline_of(f"{hint_dl.strip()} x" if not hint_dl.strip().endswith(("-", "—", "–")) else f"{hint_dl} x")
        _ev(meta, "dateline", found[0] if found else hint_dl, "hint", hint_dl)
        dl_text, dl_source = hint_dl, "hint"
    elif first is not None and (found := dateline_of(first.text)):
        _ev(meta, "dateline", found[0], "dateline", first.text[:80])
        agency = found[1]
        dl_text, dl_source = first.text[:80], "dateline"
    if found and found[2]:
        _ev(meta, "dateline_day", found[2], dl_source, dl_text)

    # publication date: hint > html > labelled date > URL path > date line under the title > a dateline
    # that names the year ("WASHINGTON, May 3, 2024 (Reuters) -")
    _pick_date(meta, units, header, title_u, hints, html)
    if not meta.published and found and found[3]:
        _ev(meta, "published", found[3], "dateline", dl_text or "")
        meta.published_from = "dateline"

    # outlet
    if hints.get("outlet"):
        _ev(meta, "outlet", hints["outlet"], "hint")
    elif html.get("outlet"):
        _ev(meta, "outlet", _resolve(html["outlet"]), "html-meta", html["outlet"])
    else:
        found = find_outlet(units, meta.url, agency, meta.authors)
        if found:
            _ev(meta, "outlet", found[0], found[1], found[2])

    if body_text.strip():
        lang, _ = py3langid.classify(body_text[:3000])
        _ev(meta, "language", lang, "langid")
    return meta


def _pick_date(meta: Meta, units: list[Unit], header: list[Unit], title_u: Unit | None,
               hints: dict[str, Any], html: dict[str, Any]) -> None:
    def put(iso: str, source: str, text: str) -> None:
        _ev(meta, "published", iso, source, text)
        meta.published_from = source

    if hints.get("published"):
        return put(str(hints["published"])[:10], "hint", str(hints["published"]))
    if html.get("published"):
        return put(html["published"], "html-meta", html["published"])
    dated = [(u, date_line(u.text)) for u in units if u.reason == "date"]
    for u, (iso, label) in dated:
        if label in ("published", "posted", "first published", "date"):
            return put(iso, "published-label", u.text)
    if meta.url and (iso := url_date(meta.url)):
        return put(iso, "url", meta.url)
    title_at = header.index(title_u) if title_u in header else None
    for u, (iso, label) in dated:
        if u in header and title_at is not None and header.index(u) > title_at and label is None:
            return put(iso, "article-header", u.text)
    for u, (iso, label) in dated:
        if label in ("updated", "last updated", "modified"):
            return put(iso, "updated-label", u.text)
    for u, (iso, _) in dated:
        # a date above the title is the site's display (or crawl) date: recorded, not trusted
        meta.evidence["display_date"] = Evidence(value=iso, source="page-header", text=u.text)
        return None
    return None


