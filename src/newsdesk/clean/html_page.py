"""Evidence read from the HTML page itself, next to trafilatura's extraction.

Two kinds, both language-independent:

* **visible lead**: the page's description (its meta/OpenGraph summary) that is also printed
  on the page as one element of its own (a standfirst paragraph), while the extractor left it
  out of the body. Shown on the page and declared by the page as its summary, it is the
  article's lead, not furniture.
* **link lines**: text that the page prints as the whole text of one link ("Ten tips for a
  flat stomach" under a related-stories box). Such a line in the body is a link to another
  page, not a paragraph of this one.
"""
from __future__ import annotations

from lxml.html import HtmlElement

from .lines import ends_sentence

LIMITS = {
    "lead_min_words": 8,  # a shorter description is a tagline, not a lead paragraph
    "lead_ancestors": 3,  # how far up from a text node the lead element may sit (<p><span>text)
    "link_line_min_words": 3,  # a one- or two-word link is a menu entry, judged by the lexicon
}

_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "button", "select"})


def norm(text: str) -> str:
    """Whitespace runs as one space, trimmed (how a browser shows text)."""
    return " ".join(text.split())


def _visible(el: HtmlElement) -> bool:
    return not any(a.tag in _INVISIBLE for a in (el, *el.iterancestors()))


def visible_lead(tree: HtmlElement | None, description: str | None, body: str) -> str | None:
    """The page description when the page also shows it as an element's whole text and the
    extracted ``body`` lacks it; else None. It must be prose (ends like a sentence)."""
    if tree is None or not description:
        return None
    want = norm(description)
    if len(want.split()) < LIMITS["lead_min_words"] or not ends_sentence(want) or want in norm(body):
        return None
    head = want[:20]
    for el in tree.iter():
        if not isinstance(el.tag, str) or not el.text or not _visible(el):
            continue
        own = norm(el.text)
        if not own or not (want.startswith(own[:20]) or own.startswith(head)):
            continue
        for cand in [el, *list(el.iterancestors())[: LIMITS["lead_ancestors"]]]:
            if cand.tag in ("body", "html"):
                break
            if norm(cand.text_content()) == want:
                return want
    return None


def link_texts(tree: HtmlElement | None) -> frozenset[str]:
    """Whitespace-normalised texts of the page's links to other pages, at least
    LIMITS["link_line_min_words"] words long. In-page anchors (a table of contents repeating
    the article's own headings), mail and phone links do not count."""
    if tree is None:
        return frozenset()
    out = set()
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip().lower()
        if href.startswith(("mailto:", "tel:", "#", "javascript:")) or not _visible(a):
            continue
        text = norm(a.text_content())
        if len(text.split()) >= LIMITS["link_line_min_words"]:
            out.add(text)
    return frozenset(out)


def is_link_line(text: str, links: frozenset[str]) -> bool:
    """A unit that is exactly one link's text and does not read as a finished sentence."""
    t = norm(text)
    return bool(links) and t in links and not ends_sentence(t)
