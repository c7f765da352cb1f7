"""Article text highlighting: escaped text, well-formed nesting for overlapping spans, exact text kept."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from newsdesk.web.highlight import Mark, render


class Checker(HTMLParser):
    """Collects the text and checks that every closing tag matches the open one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, f"misnested </{tag}>"

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Checker:
    c = Checker()
    c.feed(html)
    c.close()
    assert not c.stack
    return c


def test_web_highlight_escapes_markup_in_text():
    text = 'He wrote <script>alert("x")</script> & <img src=x onerror=alert(1)> in a post.'
    html = str(render(text, [Mark(0, 2, "hl-actor", href="/actors/a")]))
    assert "<script" not in html and "<img" not in html
    c = parse(html)
    assert "".join(c.text) == text
    assert [t for t, _ in c.tags] == ["a"]


def test_web_highlight_overlapping_spans_are_split_not_misnested():
    text = "The minister said the budget of $4 billion would pass."
    marks = [Mark(4, 12, "hl-actor", href="/actors/m"), Mark(0, 29, "hl-quote", anchor="c0-29"),
             Mark(22, 43, "hl-amount"), Mark(32, 42, "hl-time"), Mark(99, 120, "bad")]
    html = str(render(text, marks))
    c = parse(html)
    assert "".join(c.text) == text
    amount = [a for t, a in c.tags if "hl-amount" in a.get("class", "")]
    assert len(amount) == 2 and "cont" in amount[1]["class"]  # crossed the quote's end: split in two
    assert sum(1 for _, a in c.tags if a.get("id") == "c0-29") == 1
    for _, a in c.tags:  # every fragment knows the offsets of its whole span
        assert text[int(a["data-s"]):int(a["data-e"])]


def test_web_highlight_never_nests_links():
    text = "Ana Lima of Lima spoke."
    html = str(render(text, [Mark(0, 16, "hl-actor", href="/actors/x"), Mark(12, 16, "hl-place", href="/actors/y")]))
    parse(html)
    assert len(re.findall(r"<a ", html)) == 1 and html.count("<mark") == 1


def test_web_highlight_attribute_values_are_escaped():
    html = str(render("abc", [Mark(0, 3, "hl-quote", title='say "hi" <b>', href='/x?a=1&b="2"')]))
    assert 'title="say &#34;hi&#34; &lt;b&gt;"' in html and 'href="/x?a=1&amp;b=&#34;2&#34;"' in html
