"""Evidence read from the HTML page itself, next to trafilatura's extraction.

All language-independent:

* **visible lead**: the page's description (its meta/OpenGraph summary) that is also printed
  on the page as one element of its own (a standfirst paragraph), while the extractor left it
  out of the body. Shown on the page and declared by the page as its summary, it is the
  article's lead, not furniture.
* **marked lead**: an element the markup names as the lead (class "teaser", "intro",
  "standfirst"...), prose with few links, right before the body's first paragraph in the same
  container, or right under the page's headline (<h1>) in the headline's container with at most
  a byline's worth of text between them, and no list. Related-story boxes reuse such names,
  hence the extra conditions.
* **captions**: text that the page prints as a picture caption (<figcaption>, a "caption"
  class); in the body it is kept as a caption, not as a paragraph.
* **link lines**: text that the page prints as the whole text of one link ("Ten tips for a
  flat stomach" under a related-stories box), also after a list bullet or a short label and a
  colon ("Read also: <link>"). Such a line in the body is a link to another page, not a
  paragraph of this one. Links to the page itself (canonical URL, aria-current) do not count.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import SplitResult, urljoin, urlsplit

from lxml.html import HtmlElement

from .lexicon import load_lexicon
from .lines import ends_sentence

LIMITS = {
    "lead_min_words": 8,  # a shorter description is a tagline, not a lead paragraph
    "lead_ancestors": 3,  # how far up from a text node the lead element may sit (<p><span>text)
    "link_line_min_words": 3,  # a one- or two-word link is a menu entry, judged by the lexicon
    "lead_container_levels": 5,  # the marked lead and the body's first paragraph share a container this close
    "lead_max_link_share": 0.3,  # a lead is prose; a teaser box of links is not
    "lead_gap_words": 15,  # text allowed between a headline and its standfirst (byline, date)
    "link_label_words": 4,  # "See also:", "Lesen Sie auch:" before a link: a label, not a sentence
    "unmarked_lead_words": 15,  # an unmarked standfirst right under the headline is prose this long ...
    "headline_title_share": 0.5,  # ... under an <h1> that shares this much of its words with the page title
    "widget_max_words": 200,
    "hidden_page_share": 0.5,  # an aria-hidden box with more of the page's words is a wrapper, not a pop-up
    "class_prefix_chars": 3,  # "img" of "imgcaption": a caption word may end a class token after this much  # a sign-up or feed box is small; a wrapper this big named "cookie-consent" is the page
}
_BULLETS = "-–—•·»›>*▪ "
_LABELLED = re.compile(r"^(\W{0,3}[^\W\d][\w'’ -]{0,40}?)\s*:\s+(.+)$")
_TOKEN = re.compile(r"[a-z]+")
_WORDS = re.compile(r"\w+")
_BLOCKS = ("p", "li")
_LISTS = ("ul", "ol", "li", "nav", "aside")  # a list of teasers is not a standfirst

_OFF_ROLES = frozenset({"navigation", "dialog", "alertdialog"})  # ARIA roles of boxes beside the content
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


def _first_paragraph(tree: HtmlElement, body: str) -> HtmlElement | None:
    """The element holding the first prose line of the extracted body."""
    line = next((ln for ln in body.split("\n") if len(ln.split()) >= LIMITS["lead_min_words"]), None)
    if line is None:
        return None
    key = norm(line)[:25]
    for el in tree.iter():
        if isinstance(el.tag, str) and el.text and norm(el.text)[:25] == key and _visible(el):
            return el
    return None


def _marked(el: HtmlElement, words: frozenset[str]) -> bool:
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return any(t in words for t in _TOKEN.findall(names))


def _marked_within(el: HtmlElement, words: frozenset[str]) -> bool:
    """Like :func:`_marked`, also when a word ends a class token after a short prefix ("icaption",
    "imgcaption"); not inside a long word (an id made from a heading: "grundlegende" ends in "legende")."""
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return any(t.endswith(w) and len(t) - len(w) <= LIMITS["class_prefix_chars"]
               for t in _TOKEN.findall(names) for w in words)


def _lead_marked(el: HtmlElement, words: frozenset[str]) -> bool:
    """Marked as a lead by its class/id words, or by its schema.org property (``itemprop`` in the
    lexicon's ``[lead-itemprops]``: the article's "description" printed above its "articleBody")."""
    return _marked(el, words) or (el.get("itemprop") or "").strip().lower() in load_lexicon().lead_itemprops


def _shares_container(el: HtmlElement, other: HtmlElement) -> bool:
    """``el`` sits within LIMITS["lead_container_levels"] levels of an ancestor of ``other``."""
    anc = set(other.iterancestors())
    up = list(el.iterancestors())[: LIMITS["lead_container_levels"]]
    return any(a in anc and a.tag not in ("body", "html") for a in up)


def _lead_before(tree: HtmlElement, first: HtmlElement, words: frozenset[str]) -> HtmlElement | None:
    """The last element marked as a lead before the body's first paragraph, in its container."""
    ancestors_of_first = set(first.iterancestors())
    cand = None
    for el in tree.iter():
        if el is first:
            break
        if isinstance(el.tag, str) and el not in ancestors_of_first and _lead_marked(el, words):
            cand = el
    if cand is None or not _visible(cand) or not _shares_container(cand, first):
        return None
    return cand


def _is_headline(headline: str, title: str | None) -> bool:
    """The <h1> is the article's headline, not the site's name: it shares most words with the page title."""
    words = set(_WORDS.findall(headline.lower()))
    return bool(title and words) and \
        len(words & set(_WORDS.findall(title.lower()))) >= LIMITS["headline_title_share"] * len(words)


def _lead_after_headline(tree: HtmlElement, first: HtmlElement | None, words: frozenset[str],
                         title: str | None = None) -> HtmlElement | None:
    """The first element marked as a lead after the page's headline (its first visible <h1>) and
    in the headline's container: a standfirst printed under the headline, in an article header
    that the extractor skipped. A related-story box does not share the article's headline.
    Under an <h1> that is the page's title, the first prose paragraph (a sentence of
    LIMITS["unmarked_lead_words"]+ words, no list) counts as the standfirst even when unmarked."""
    h1 = next((h for h in tree.iter("h1") if norm(h.text_content()) and _visible(h)), None)
    if h1 is None:
        return None
    inside = set(h1.iterdescendants())
    headline = norm(h1.text_content())
    unmarked = _is_headline(headline, title)
    seen, gap = False, 0
    for el in tree.iter():
        if el is h1:
            seen = True
            continue
        if not seen or el in inside or not isinstance(el.tag, str):
            continue
        if el is first:
            return None
        if _lead_marked(el, words):
            if not _visible(el) or not _shares_container(el, h1) or next(el.iter(*_LISTS), None) is not None:
                return None
            return el
        own = norm(el.text or "")
        if unmarked and el.tag in _BLOCKS + ("div", "h2") and len(own.split()) >= LIMITS["unmarked_lead_words"] \
                and ends_sentence(own) and _visible(el) and _shares_container(el, h1) \
                and next(el.iter(*_LISTS), None) is None:
            return el
        if own and own not in headline and _visible(el):  # the headline printed again is no other prose
            gap += len(own.split())
            if gap > LIMITS["lead_gap_words"]:
                return None  # other prose came first: the marked element is not the standfirst
    return None


def marked_lead(tree: HtmlElement | None, body: str, title: str | None = None) -> list[str] | None:
    """The paragraphs of an element the markup names as the lead (lexicon ``[lead-classes]``),
    when it is prose with few links, ends right before the body's first paragraph inside the
    same container, and the extracted ``body`` lacks it; else None."""
    if tree is None or not body:
        return None
    words = load_lexicon().lead_classes
    first = _first_paragraph(tree, body)
    cand = _lead_before(tree, first, words) if first is not None else None
    if cand is None:
        cand = _lead_after_headline(tree, first, words, title)
    if cand is None:
        return None
    text = norm(cand.text_content())
    links = sum(len(norm(a.text_content())) for a in cand.iter("a"))
    if len(text.split()) < LIMITS["lead_min_words"] or not ends_sentence(text) \
            or links > LIMITS["lead_max_link_share"] * len(text) or text[:40] in norm(body):
        return None
    outer = [b for b in cand.iter(*_BLOCKS) if not any(a.tag in _BLOCKS for a in b.iterancestors())]
    parts = [p for p in (norm(b.text_content()) for b in outer) if p]
    return parts if parts and norm(" ".join(parts)) == text else [text]


def _split(url: str) -> SplitResult | None:
    """``urlsplit``, or None for a URL it cannot read (pages hold "http://[placeholder]" links)."""
    try:
        return urlsplit(url.strip().lower())
    except ValueError:
        return None


def _url_key(url: str) -> str | None:
    """A URL without scheme, "www.", query, fragment and final slash, lower-cased."""
    parts = _split(url)
    return None if parts is None else f"{parts.netloc.removeprefix('www.')}{parts.path.rstrip('/')}"


def page_urls(tree: HtmlElement) -> frozenset[str]:
    """The URLs the page declares as its own (canonical link, og:url), as :func:`_url_key` keys."""
    found = [el.get("href") for el in tree.iter("link") if "canonical" in (el.get("rel") or "").lower().split()]
    found += [el.get("content") for el in tree.iter("meta")
              if (el.get("property") or el.get("name") or "").lower() == "og:url"]
    keys = (_url_key(u) for u in found if u and getattr(_split(u), "netloc", ""))
    return frozenset(k for k in keys if k)


def _self_link(a: HtmlElement, href: str, own: frozenset[str]) -> bool:
    """A link to the page itself: marked as the current page, or pointing at the page's own URL
    (a headline linked to its own article is the article's headline, not a link elsewhere)."""
    if (a.get("aria-current") or "").lower() == "page":
        return True
    parts = _split(href) if own and href else None
    if parts is None:
        return False
    base = next(iter(sorted(own)))
    try:
        full = href if parts.netloc else urljoin(f"https://{base}/", href)
    except ValueError:
        return False
    return _url_key(full) in own


def link_texts(tree: HtmlElement | None) -> frozenset[str]:
    """Whitespace-normalised texts of the page's links to other pages, at least
    LIMITS["link_line_min_words"] words long. In-page anchors (a table of contents repeating
    the article's own headings), mail and phone links and links to the page itself do not count."""
    if tree is None:
        return frozenset()
    out = set()
    own = page_urls(tree)
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip().lower()
        if href.startswith(("mailto:", "tel:", "#", "javascript:")) or not _visible(a) or _self_link(a, href, own):
            continue
        text = norm(a.text_content())
        if len(text.split()) >= LIMITS["link_line_min_words"]:
            out.add(text)
    return frozenset(out)


def caption_texts(tree: HtmlElement | None) -> frozenset[str]:
    """Whitespace-normalised texts of the page's picture captions: <figcaption> elements and
    elements whose class/id names them a caption (lexicon ``[caption-classes]``)."""
    if tree is None:
        return frozenset()
    words = load_lexicon().caption_classes
    out = set()
    for el in tree.iter():
        if isinstance(el.tag, str) and (el.tag == "figcaption" or _marked_within(el, words)) and _visible(el) \
                and el.tag not in ("body", "html", "article", "main"):
            text = norm(el.text_content())
            if len(text.split()) >= LIMITS["link_line_min_words"]:
                out.add(text)
    return frozenset(out)


ElementTexts = list[tuple[HtmlElement, str]]


def element_texts(tree: HtmlElement | None) -> ElementTexts:
    """Each element's whitespace-normalised text (under 2000 characters), computed once per page for
    the box tests below (widgets, hidden boxes, navigation)."""
    if tree is None:
        return []
    out = []
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag not in ("body", "html"):
            text = norm(el.text_content())
            if text and len(text) < 2000:
                out.append((el, text))
    return out


def _only_inside(tree: HtmlElement, inside: set[HtmlElement], texts: ElementTexts | None) -> frozenset[str]:
    """Whitespace-normalised texts of elements in ``inside`` that no element outside prints too."""
    if not inside:
        return frozenset()
    found, outside = set(), set()
    for el, text in element_texts(tree) if texts is None else texts:
        (found if el in inside else outside).add(text)
    return frozenset(found - outside)


def widget_texts(tree: HtmlElement | None, texts: ElementTexts | None = None) -> frozenset[str]:
    """Whitespace-normalised texts that the page prints only inside a box its markup names as a
    sign-up, log-in, consent, donation or feed widget (lexicon ``[widget-classes]``): a newsletter
    form or a news-feed sidebar, not the article. A text also printed outside such a box is not
    included, nor are boxes over LIMITS["widget_max_words"] words or holding the headline or the
    article element (a page-wide wrapper named after a state: "cookie-consent-shown")."""
    if tree is None:
        return frozenset()
    words = load_lexicon().widget_classes
    inside: set[HtmlElement] = set()
    for el in tree.iter():
        if isinstance(el.tag, str) and el not in inside and el.tag not in ("body", "html", "article", "main") \
                and _marked(el, words) and len(el.text_content().split()) <= LIMITS["widget_max_words"] \
                and next(el.iter("h1", "article", "main"), None) is None:
            inside.update(el.iter())
    return _only_inside(tree, inside, texts)


def _aria_hidden(el: HtmlElement) -> bool:
    return (el.get("aria-hidden") or "").strip().lower() == "true"


def _nav_or_dialog(el: HtmlElement) -> bool:
    return el.tag in ("nav", "dialog") or (el.get("role") or "").strip().lower() in _OFF_ROLES


def _box_texts(tree: HtmlElement | None, is_box: Callable[[HtmlElement], bool],
               texts: ElementTexts | None) -> frozenset[str]:
    """Texts printed only inside boxes ``is_box`` accepts. A box holding the headline or the article
    element, or over LIMITS["hidden_page_share"] of the page's words, is a wrapper (a page saved with its
    menu open hides all of its content), and does not count."""
    if tree is None:
        return frozenset()
    total = len(tree.text_content().split())
    inside: set[HtmlElement] = set()
    for el in tree.iter():
        if isinstance(el.tag, str) and el not in inside and el.tag not in ("body", "html", "article", "main") \
                and is_box(el) and next(el.iter("h1", "article", "main"), None) is None \
                and len(el.text_content().split()) <= LIMITS["hidden_page_share"] * total:
            inside.update(el.iter())
    return _only_inside(tree, inside, texts)


def hidden_texts(tree: HtmlElement | None, texts: ElementTexts | None = None) -> frozenset[str]:
    """Whitespace-normalised texts that the page prints only inside a box it hides from its readers
    (``aria-hidden="true"``: a closed dialog, a pop-up overlay, a cookie notice), not the article."""
    return _box_texts(tree, _aria_hidden, texts)


def nav_texts(tree: HtmlElement | None, texts: ElementTexts | None = None) -> frozenset[str]:
    """Whitespace-normalised texts that the page prints only inside its navigation or a dialog
    (``<nav>``, ``<dialog>``, ``role="navigation"``/``"dialog"``/``"alertdialog"``: the landmarks a
    page declares as not its content)."""
    return _box_texts(tree, _nav_or_dialog, texts)


def is_link_line(text: str, links: frozenset[str]) -> bool:
    """A unit that is exactly one link's text and does not read as a finished sentence, or such a
    link after a short label and a colon ("Read also: <link>", "Lesetipp: <link>", any language)."""
    t = norm(text).lstrip(_BULLETS)  # a list bullet the extractor wrote before the link ("- <link>")
    if not links:
        return False
    if t in links and not ends_sentence(t):
        return True
    m = _LABELLED.match(t)
    return bool(m) and len(m.group(1).split()) <= LIMITS["link_label_words"] and m.group(2) in links \
        and not ends_sentence(m.group(2))
