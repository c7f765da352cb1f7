"""The cleaner on our own fixture pages (different layouts), text and HTML."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.clean import clean_document
from newsdesk.config import load_settings
from newsdesk.readers import read_file
from newsdesk.records import RawDoc

from paths import FIXTURES

CLEAN = FIXTURES / "clean"


def clean_fixture(name: str):
    raw = next(read_file(CLEAN / name, load_settings()))
    assert isinstance(raw, RawDoc), raw
    return raw, clean_document(raw, load_settings())


EXPECTED = {
    "wire_reuters.txt": dict(title="Chile copper output slips as drought curbs water supply",
                             authors=["Ana Morales", "Peter Lindqvist"], dateline="Santiago", outlet="Reuters",
                             first="SANTIAGO, March 3 (Reuters) - Copper production in Chile fell for a third",
                             last="permitting disputes with coastal communities.",
                             debris=["Skip to main content", "minute read", "Editing by", "Read Next", "Share this",
                                     "Trust Principles"]),
    "bbc_like.txt": dict(title="Ferry operators warned over winter safety checks", published="2025-01-14",
                         published_from="published-label", outlet="BBC News",
                         first="Ferry operators on the west coast", last="planned for the spring.",
                         debris=["cookies", "Share this page", "Facebook", "Related Topics", "More on this story",
                                 "Harbour upgrade approved", "Copyright", "Image caption", "iPlayer"]),
    "blog_comments.txt": dict(title="Why my tomatoes split after the heatwave", authors=["Marta Kowalski"],
                              published="2023-08-21", first="After three weeks without rain",
                              last="ripen on the kitchen windowsill.",
                              debris=["Leave a Reply", "Comments", "Required fields", "Post Comment", "Like this",
                                      "Save my name", "Menu", "Garden Ledger"]),
    "mailing_list.txt": dict(title="Kazakh grain exports hit record as rail links expand",
                             subtitle="New routes through the Caspian ports cut delivery times to buyers in the Gulf",
                             url="https://www.example-news.org/economy/2024/02/01/kazakh-grain-exports-record",
                             published="2024-02-01", published_from="url", dateline="Astana", outlet=None,
                             first="ASTANA -- Kazakhstan exported a record volume", last="if the harvest is average.",
                             debris=["[eurasia-watch]", "next part", "unsubscribe", "mailing list", "From:"]),
    "latin1_page.txt": dict(title="Waterfront café owner revives old warehouse", authors=["Jean Dupuis"],
                            dateline="Marseille", outlet="Harbour Weekly",
                            first="MARSEILLE, France -- A café set up", last="tourists rarely see.",
                            debris=["Home | Local", "© 2024"]),
    "html_article.html": dict(title="Port strike ends after dockworkers accept pay deal", authors=["Leila Haddad"],
                              published="2024-06-12", outlet="The Coastal Courier",
                              url="https://www.coastalcourier.example/business/2024/06/12/port-strike-ends",
                              first="Dockworkers at the country's second-largest container port",
                              last="add extra cranes to speed up unloading.",
                              debris=["SCRIPT_PAYLOAD", "Most read", "Council approves", "Privacy policy",
                                      "Subscribe", "All rights reserved"]),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_clean_fixtures_body_and_metadata(name):
    raw, c = clean_fixture(name)
    exp = dict(EXPECTED[name])
    first, last, debris = exp.pop("first"), exp.pop("last"), exp.pop("debris")
    assert c.text.startswith(first)
    assert c.text.endswith(last)
    for d in debris:
        assert d not in c.text, d
    for field, value in exp.items():
        assert getattr(c.meta, field) == value, field
        if value is not None:
            assert field in c.meta.evidence or field == "published_from"
    assert c.meta.language == "en"
    assert c.meta.title not in c.text


def test_clean_fixtures_short_paragraph_kept():
    _, c = clean_fixture("wire_reuters.txt")
    assert "\n\nThe slowdown comes as prices hover near record highs.\n\n" in c.text
    assert c.meta.evidence["authors"].source == "byline"


def test_clean_fixtures_html_script_never_reaches_text():
    raw, c = clean_fixture("html_article.html")
    assert raw.kind == "html"
    assert "SCRIPT_PAYLOAD" not in c.source_text and "SCRIPT_PAYLOAD" not in c.text
    assert c.meta.evidence["title"].source == "html-meta"
    assert c.meta.subtitle == "Cargo backlog expected to clear within two weeks, union says"


def test_clean_fixtures_navigation_page_has_no_body():
    _, c = clean_fixture("nav_only.html")
    assert len(c.text.split()) < 10
    assert "SCRIPT_PAYLOAD" not in c.source_text


def test_clean_fixtures_foreign_article_is_flagged():
    _, c = clean_fixture("german_article.txt")
    assert c.meta.language == "de" and "not-english" in c.flags
    assert "Radwege" in c.text  # kept: rejection is the pipeline's decision, with its reason


def test_clean_fixtures_hints_take_priority():
    raw, _ = clean_fixture("wire_reuters.txt")
    hinted = RawDoc(source="x", text=raw.text, hints={"title": "A hinted title", "outlet": "Hint Outlet",
                                                      "published": "2024-03-03", "authors": ["Jo Bloggs"],
                                                      "url": "https://example.org/a"})
    m = clean_document(hinted, load_settings()).meta
    assert (m.title, m.outlet, m.published, m.authors, m.url) == (
        "A hinted title", "Hint Outlet", "2024-03-03", ["Jo Bloggs"], "https://example.org/a")
    assert {m.evidence[f].source for f in ("title", "outlet", "published", "authors", "url")} == {"hint"}
    assert m.published_from == "hint"


def test_clean_fixtures_caption_labels_kept_apart():
    _, c = clean_fixture("bbc_like.txt")
    assert [x.text for x in c.captions] == ["Image caption, A passenger ferry leaves the harbour at dawn"]
    assert any(d.reason == "credit" and "Getty Images" in d.text for d in c.dropped)
