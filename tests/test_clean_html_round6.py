"""HTML bodies, round six: contact cards after the article."""
from html_fixtures import clean as _clean, page as _page

CARD = ["Press contact", "Mara Lindqvist", "Harbour Board press office", "Quay Road 4, 2100 Eastport",
        "Tel.: +00 555 0123 44", "press@harbour.example"]


def test_a_contact_card_after_the_article_is_dropped():
    clean = _clean(_page("".join(f"<p>{line}</p>" for line in CARD)))
    reasons = {d.text: d.reason for d in clean.dropped}
    assert reasons.get(CARD[0]) in ("contact-card", "ui-vocabulary")  # "contact" alone is UI vocabulary too
    for line in CARD[1:]:
        assert reasons.get(line) == "contact-card"
    for line in CARD:
        assert line not in clean.text
    assert "Paragraph 5: the harbour board" in clean.text


def test_a_german_label_with_words_after_it_opens_a_card_too():
    card = ["Ansprechpartnerin zum Thema:", "Telefon +00 40 555 11 05", "jana.roe@hafen.example"]
    clean = _clean(_page("".join(f"<p>{line}</p>" for line in card)))
    assert {d.reason for d in clean.dropped if d.text in card} == {"contact-card"}


def test_the_card_ends_at_the_next_paragraph_of_prose():
    after = ("The board will publish the timetable for the new quay in March, after the ferry companies "
             "have agreed on their slots.")
    clean = _clean(_page("".join(f"<p>{line}</p>" for line in CARD) + f"<p>{after}</p>"))
    assert after in clean.text
    assert "press@harbour.example" not in clean.text


def test_a_contact_page_keeps_its_card():
    # the label opens the page's text: the card is what the page is about, not furniture after it
    html = ("<html><head><title>Contact</title></head><body><article>"
            + "".join(f"<p>{line}</p>" for line in CARD)
            + "<p>Write to the press office for interviews with the harbour master, pictures of the new quay "
              "and the board's yearly reports on traffic, fishing and the island ferries.</p>"
            + "</article></body></html>")
    clean = _clean(html)
    assert "contact-card" not in {d.reason for d in clean.dropped}


def test_a_sentence_that_starts_like_a_label_is_no_card():
    prose = ("Press contacts with the harbour board were rare before the storm, the editor said, but since "
             "January the board has answered every question within a day.")
    clean = _clean(_page(f"<p>{prose}</p><p>Mara Lindqvist</p>"))
    assert prose in clean.text


POPUP = ("The Harbour Gazette's summer quiz is open until Friday, and every reader who answers the ten "
         "questions about the islands can win a ferry pass for two.")


def test_a_box_hidden_from_readers_is_dropped(monkeypatch):
    from newsdesk.clean import document, html
    from newsdesk.clean.html_page import hidden_texts
    from trafilatura.utils import load_html
    page_html = _page(f'<div class="overlay" aria-hidden="true"><p>{POPUP}</p></div>')
    assert POPUP in hidden_texts(load_html(page_html))
    # trafilatura's own extractor skips aria-hidden boxes, its fallbacks (readability, jusText) do not:
    # here the extraction is one that kept the box, as a fallback does
    real = html.extract_html

    def with_box(text: str) -> html.HtmlExtract:
        found = real(text)
        found.text = f"{found.text}\n{POPUP}"
        return found
    monkeypatch.setattr(document, "extract_html", with_box)
    clean = _clean(page_html)
    assert POPUP not in clean.text
    assert {d.reason for d in clean.dropped if d.text == POPUP} == {"hidden"}
    assert "Paragraph 5: the harbour board" in clean.text


def test_hidden_text_also_printed_outside_the_box_stays():
    from newsdesk.clean.html_page import hidden_texts
    from trafilatura.utils import load_html
    html = _page(f'<p>{POPUP}</p><div aria-hidden="true"><p>{POPUP}</p></div>')
    assert POPUP not in hidden_texts(load_html(html))


def test_a_hidden_wrapper_around_the_article_does_not_count():
    # a page saved while its menu was open: the whole content wrapper is aria-hidden
    from newsdesk.clean.html_page import hidden_texts
    from trafilatura.utils import load_html
    html = ("<html><head><title>New quay</title></head><body><div aria-hidden='true'><div class='content'>"
            + "".join(f"<p>Paragraph {i}: the harbour board said the new quay will take ferries by spring.</p>"
                      for i in range(6)) + "</div></div><nav>Home News Sport</nav></body></html>")
    assert not hidden_texts(load_html(html))


def test_text_printed_only_in_the_navigation_or_a_dialog_is_found():
    from newsdesk.clean.html_page import nav_texts
    from trafilatura.utils import load_html
    blurb = "Island Ferries is a network of harbour guides for every port on the coast"
    ask = "Would you tell us how you liked the new timetable page?"
    html = _page(f'<div role="dialog"><p>{ask}</p></div>', head=f"<nav><p>{blurb}</p></nav>")
    found = nav_texts(load_html(html))
    assert blurb in found and ask in found
    assert not any("Paragraph 1" in t for t in found)


def test_a_navigation_box_holding_the_article_does_not_count():
    # broken markup: the article sits inside the menu's <nav>
    from newsdesk.clean.html_page import nav_texts
    from trafilatura.utils import load_html
    html = ("<html><head><title>New quay</title></head><body><nav><ul><li>Home</li></ul>"
            "<article><h1>New quay</h1><p>Paragraph 0: the harbour board said the quay opens in spring.</p>"
            "</article></nav></body></html>")
    assert not any("Paragraph 0" in t for t in nav_texts(load_html(html)))


def test_a_line_printed_only_in_a_dialog_is_dropped(monkeypatch):
    from newsdesk.clean import document, html
    ask = "Would you tell us how you liked the new timetable page?"
    real = html.extract_html

    def with_box(text: str) -> html.HtmlExtract:
        found = real(text)
        found.text = f"{found.text}\n{ask}"  # a fallback extractor kept the dialog's text
        return found
    monkeypatch.setattr(document, "extract_html", with_box)
    clean = _clean(_page(f'<dialog><p>{ask}</p></dialog>'))
    assert ask not in clean.text
    assert {d.reason for d in clean.dropped if d.text == ask} == {"nav-or-dialog"}
