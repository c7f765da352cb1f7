"""HTML bodies, round four: calls to action in several languages go (logged), body prose stays."""
from newsdesk.clean.boilerplate import ui_reason

from html_fixtures import PROSE, clean as _clean, page as _page


def test_paywall_and_reader_calls_in_several_languages_are_dropped_with_their_reason():
    calls = ["To read the whole report, please subscribe to the Harbour Gazette.",
             "Tell us what you think. Submit a letter to the editor about this article.",
             "Für die digitale Ausgabe einfach hier klicken!",
             "Wesprzyj nas darowizną już dziś.",
             "Beitragsbild: Hafen im Morgenlicht, eigene Aufnahme.",
             "quay.html - Created 03-04-2021 - Last modified: 05-04-2021"]
    clean = _clean(_page("".join(f"<p>{c}</p>" for c in calls)))
    dropped = {d.text: d.reason for d in clean.dropped}
    for c in calls:
        assert c not in clean.text
        assert dropped.get(c) == "ui-vocabulary"
    assert "Paragraph 5: the harbour board" in clean.text


def test_the_same_words_inside_running_prose_do_not_remove_it():
    prose = ("The board's chairwoman said that anyone who wants to object can submit a letter to the editor "
             "of the local paper or to the council, and that she would please subscribe to any plan that "
             "keeps the fishermen's berths where they are.")
    assert not ui_reason(prose)
    assert prose in _clean(_page(f"<p>{prose}</p>")).text


def test_links_to_the_page_itself_are_not_links_to_other_pages():
    from lxml.html import fromstring

    from newsdesk.clean.html_page import link_texts
    html = ("<html><head><link rel='canonical' href='https://www.example.org/news/new-quay-for-ferries/'>"
            "</head><body><h2><a href='https://example.org/news/new-quay-for-ferries'>New quay for the ferries"
            "</a></h2><p><a href='/news/new-quay-for-ferries/'>The quay story again</a></p>"
            "<p><a href='/news/rain-floods-villages/'>Rain floods three villages</a></p>"
            "<p><a aria-current='page' href='/x'>Where you are now</a></p></body></html>")
    assert link_texts(fromstring(html)) == frozenset({"Rain floods three villages"})


def test_labels_written_with_no_break_spaces_or_in_table_cells_are_still_recognised():
    html = _page("<table><tr><td>\u00a0\u00a0Related\u00a0articles</td></tr></table>"
                 "<p>Please\u00a0subscribe\u00a0to\u00a0read\u00a0more</p>")
    clean = _clean(html)
    assert "subscribe" not in clean.text
    assert "Related" not in clean.text
    reasons = {" ".join(d.text.split()): d.reason for d in clean.dropped}
    assert reasons["| Related articles |"] == "link-label"
    assert reasons["Please subscribe to read more"] == "ui-vocabulary"
    assert "Paragraph 5: the harbour board" in clean.text


def test_a_link_after_a_short_label_is_a_link_line_in_any_language():
    tail = ("<p>Lesetipp: <a href='/other/winter-storms-close-the-pass'>Winterstürme schließen den Pass</a></p>"
            "<p>Mire: <a href='/otra/nueva-ruta-de-ferry'>La nueva ruta de ferry a las islas</a></p>"
            "<p>The captain said: <a href='/q'>we will sail on time</a> and the crowd cheered.</p>")
    clean = _clean(_page(tail))
    reasons = {" ".join(d.text.split()): d.reason for d in clean.dropped}
    assert reasons.get("Lesetipp: Winterstürme schließen den Pass") == "link-line"
    assert reasons.get("Mire: La nueva ruta de ferry a las islas") == "link-line"
    assert "The captain said: we will sail on time and the crowd cheered." in clean.text


def test_a_labelled_link_that_is_a_finished_sentence_stays():
    from newsdesk.clean.html_page import is_link_line
    links = frozenset({"The quay opens in May.", "Ferries to the islands"})
    assert not is_link_line("Update: The quay opens in May.", links)
    assert is_link_line("See also: Ferries to the islands", links)
    assert not is_link_line("A long label of many words here: Ferries to the islands", links)


def test_a_bulleted_link_line_is_a_link_line():
    from newsdesk.clean.html_page import is_link_line
    links = frozenset({"Winter storms close the mountain pass"})
    for line in ("- Winter storms close the mountain pass", "-Winter storms close the mountain pass",
                 "• Winter storms close the mountain pass"):
        assert is_link_line(line, links)
    assert not is_link_line("- Winter storms close the mountain pass for days", links)


STANDFIRST = ("The harbour board will spend two million euros on a new quay, and ferries from the islands "
              "will dock there from spring.")


def _header_page(lead_html: str, between: str = "") -> str:
    return ("<html><head><title>New quay for the island ferries</title></head><body>"
            "<div class='site'><header class='article-header'><h1>New quay for the island ferries</h1>"
            f"{between}{lead_html}</header></div>"
            f"<main><div class='wrap'><div class='text'>{PROSE}</div></div></main></body></html>")


def test_a_marked_standfirst_under_the_headline_is_put_back():
    from newsdesk.clean.html import extract_html
    page = extract_html(_header_page(f"<p class='article-excerpt'>{STANDFIRST}</p>"))
    assert page.text.startswith(STANDFIRST)
    assert STANDFIRST in _clean(_header_page(f"<p class='article-excerpt'>{STANDFIRST}</p>")).text


def test_a_teaser_list_or_a_marked_box_after_other_prose_is_not_a_standfirst():
    from newsdesk.clean.html import extract_html
    teasers = f"<ul class='teaser-list'><li><p class='teaser'>{STANDFIRST}</p></li></ul>"
    assert STANDFIRST not in extract_html(_header_page(teasers)).text
    prose = "<p>" + "Some other words of the page that come between the headline and the box. " * 2 + "</p>"
    assert STANDFIRST not in extract_html(_header_page(f"<p class='teaser'>{STANDFIRST}</p>", prose)).text


def test_the_headline_printed_again_between_it_and_the_standfirst_is_no_other_prose():
    from newsdesk.clean.html import extract_html
    again = ("<div class='kicker'><span>Harbour</span><span>:</span>"
             "<span>New quay for the island ferries</span></div>" * 3)
    page = extract_html(_header_page(f"<div class='intro'>{STANDFIRST}</div>", again))
    assert page.text.startswith(STANDFIRST)


def test_a_link_or_canonical_url_that_cannot_be_parsed_does_not_break_cleaning():
    from lxml.html import fromstring

    from newsdesk.clean.html_page import link_texts
    html = ("<html><head><link rel='canonical' href='http://[bad-placeholder]/x'>"
            "<meta property='og:url' content='https://example.org/news/quay'></head><body>"
            "<p><a href='http://[ccpa-preferences]'>Do not sell my data</a></p>"
            "<p><a href='/news/rain-floods-villages/'>Rain floods three villages</a></p></body></html>")
    assert link_texts(fromstring(html)) == frozenset({"Do not sell my data", "Rain floods three villages"})
    page = _page("<p><a href='http://[ccpa-preferences]'>Do not sell my personal information</a></p>")
    page = page.replace("<head>", "<head><link rel='canonical' href='https://example.org/news/quay'>")
    assert "Paragraph 5: the harbour board" in _clean(page).text
