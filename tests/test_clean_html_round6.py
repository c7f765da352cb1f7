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
