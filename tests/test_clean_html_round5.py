"""HTML bodies, round five: longer calls to action, homoglyph furniture, standfirsts under a picture."""
from newsdesk.clean.boilerplate import ui_reason

from html_fixtures import PROSE, clean as _clean, page as _page


def test_a_long_call_to_action_with_several_ui_cues_is_dropped():
    calls = ["Write to the harbour desk or follow the Gazette on Facebook, Twitter and Instagram, or join our "
             "newsletter here for the weekly tide tables and ferry times.",
             "Get the Harbour Gazette's morning briefing by email and never miss our top stories from the "
             "islands Free Sign Up"]
    clean = _clean(_page("".join(f"<p>{c}</p>" for c in calls)))
    dropped = {d.text: d.reason for d in clean.dropped}
    for c in calls:
        assert dropped.get(c) == "ui-vocabulary"
        assert c not in clean.text
    assert "Paragraph 5: the harbour board" in clean.text


def test_a_long_sentence_with_one_ui_phrase_in_running_prose_stays():
    # one UI phrase and ordinary words around it: advice in the article, not a widget
    prose = ("Several chandlers along the quay have web pages up already where skippers can sign up to get "
             "notified when the new berths open for bookings in the spring.")
    assert not ui_reason(prose)
    assert prose in _clean(_page(f"<p>{prose}</p>")).text


def test_an_advert_spelled_with_cyrillic_look_alike_letters_is_read_as_latin_and_dropped():
    from newsdesk.clean.boilerplate import fold_homoglyphs
    advert = ("Аdvеrtіѕе wіth the Harbour Gazette ~ wе оffеr flехіblе dіgіtаl расkаgеѕ for shops on the "
              "islands and the mainland, from one week to a whole season of banners and sponsored posts. "
              "Соntасt uѕ at ads@gazette.example today.")
    assert fold_homoglyphs("Соntасt uѕ") == "Contact us"
    clean = _clean(_page(f"<p>{advert}</p>"))
    assert advert not in clean.text
    assert {d.reason for d in clean.dropped if d.text == advert} == {"ui-vocabulary"}


def test_words_wholly_in_cyrillic_are_not_folded():
    from newsdesk.clean.boilerplate import fold_homoglyphs
    russian = "Скоро откроется новый причал для паромов"
    assert fold_homoglyphs(russian) == russian


def test_a_link_label_naming_the_site_with_its_domain_is_still_a_label():
    box = ("<p>Mehr zum Thema auf hafenblatt.de</p>"
           "<p>- 2021-03-04: Neuer Kai für die Inselfähren eröffnet</p>")
    clean = _clean(_page(box))
    reasons = {d.text: d.reason for d in clean.dropped}
    assert reasons.get("Mehr zum Thema auf hafenblatt.de") == "link-label"
    assert "Neuer Kai" not in clean.text
    assert "Paragraph 5: the harbour board" in clean.text


def test_middle_length_calls_need_two_cues_and_german_subscription_words_count():
    paywall = "If you are reading this note but you are already a subscriber, you can log in for the tide tables."
    kiosk = "Die neue Ausgabe des Hafenblatts jetzt an jedem Kiosk, im Abo, als E-Paper und in unserer Lese-App erhältlich."
    assert ui_reason(paywall) and ui_reason(kiosk)
    # the same length with one UI phrase and no other cue is prose
    assert not ui_reason("The harbour master said the ferry company told everyone who was already a subscriber "
                         "to the old timetable service about the change.")


def test_affiliate_disclosures_are_dropped_whatever_their_length():
    disclosure = ("This post contains affiliate links to shops selling ferry tickets and harbour maps. If you buy "
                  "through them the Gazette may earn a small share of the price, which helps pay for our reporting "
                  "on the islands; prices are the same for you and our reporters choose what they cover on their own.")
    clean = _clean(_page(f"<p>{disclosure}</p>"))
    assert {d.reason for d in clean.dropped if d.text == disclosure} == {"ui-vocabulary"}
    assert not ui_reason("This post office contains the oldest letters of the island, the museum says.")


def test_small_words_of_menu_phrases_do_not_make_a_heading_a_menu():
    assert not ui_reason("My Top 5 Harbour Walks")  # "my" of "my account" is no menu word alone
    assert ui_reason("Sign in")
    assert ui_reason("My account")


def test_german_next_article_and_membership_calls_and_their_broken_rest_are_dropped():
    box = ("<p>Vorschau auf den nächsten Artikel</p>"
           "<p>Werden Sie Mitglied beim</p><p>hafenclub und sparen Sie zehn Prozent!</p>")
    clean = _clean(_page(box))
    reasons = {d.text: d.reason for d in clean.dropped}
    assert reasons.get("Vorschau auf den nächsten Artikel") == "ui-vocabulary"
    assert reasons.get("hafenclub und sparen Sie zehn Prozent!") == "ui-vocabulary"
    assert "Paragraph 5: the harbour board" in clean.text


def test_a_lower_case_line_after_a_finished_ui_line_is_not_its_rest():
    clean = _clean(_page("<p>Sign up for our newsletter.</p><p>iPhone owners can now book the ferry in the "
                         "harbour app, the board said.</p>"))
    assert "iPhone owners can now book the ferry" in clean.text


def test_lines_printed_only_inside_a_sign_up_or_feed_box_are_dropped_as_widget():
    line = ("Every Friday the week's harbour news, tide tables and ferry times straight to your inbox, "
            "with offers from our partners.")
    for cls in ("registration", "rss-feed", "donate", "login"):
        box = f"<div class='{cls}'><p>{line}</p></div>"
        html = (f"<html><head><title>Quay</title></head><body><article><h1>Quay</h1>{PROSE[:400]}{box}"
                f"{PROSE[400:]}</article></body></html>")
        clean = _clean(html)
        assert line in clean.source_text  # the extractor kept the box ...
        assert line not in clean.text  # ... and the page's markup shows it is not the article
        assert {d.reason for d in clean.dropped if d.text == line} == {"widget"}
        assert "Paragraph 5: the harbour board" in clean.text


def test_a_page_wide_wrapper_named_like_a_widget_does_not_remove_the_article():
    html = (f"<html><head><title>Quay</title></head><body><div class='page cookie-consent-shown'>"
            f"<article><h1>New quay</h1>{PROSE}</article></div></body></html>")
    assert "Paragraph 5: the harbour board" in _clean(html).text


def test_a_line_also_printed_outside_the_box_stays():
    line = "The new quay opens for the island ferries on the first of May, the harbour board said."
    html = _page(f"<p>{line}</p><aside class='newsletter'><p>{line}</p></aside>")
    assert line in _clean(html).text


def test_a_lead_marked_by_schema_org_description_before_the_article_body_is_put_back():
    from newsdesk.clean.html import extract_html
    lead = ("The island ferries will berth at a new quay from spring, and the fishermen keep their old "
            "places on the north side of the harbour.")
    html = ("<html><head><title>New quay</title></head><body><article><h1>New quay for the island ferries</h1>"
            "<p>By Jane Roe</p><p>Published 4 March 2021, updated 5 March 2021 at 10:15, with more details "
            "from the harbour board meeting</p>"
            f"<div itemprop='description'><p><strong>{lead}</strong></p></div>"
            f"<div itemprop='articleBody'>{PROSE}</div></article></body></html>")
    page = extract_html(html)
    assert page.text.startswith(lead) or lead in page.text
    assert page.lead == lead


def test_a_caption_class_word_at_the_end_of_a_longer_class_name_marks_a_caption():
    from lxml.html import fromstring

    from newsdesk.clean.html_page import caption_texts
    cap = "The harbour master at the new quay on Monday morning.Photo desk / Jane Roe"
    html = (f"<html><body><p class='icaption_nonfloating'>{cap}</p>"
            "<p class='captionless-layout'>The quay opens in May for the island ferries.</p></body></html>")
    assert caption_texts(fromstring(html)) == frozenset({cap})


def test_server_error_messages_printed_into_the_page_are_dropped():
    warning = ("Warning: Undefined variable $gallery in /var/www/site/wp-content/plugins/photos/show.php "
               "on line 42")
    assert ui_reason(warning)
    assert not ui_reason("Warning: the harbour board says the quay will close on line 4 of its timetable.")


_STANDFIRST = ("The island ferries will berth at a new quay from the spring, the harbour board decided on Monday "
               "after two years of talks with the fishermen.")


def _header_page(h1: str, title: str) -> str:
    return (f"<html><head><title>{title}</title><meta property='og:title' content='{title}'></head>"
            f"<body><main><header><h1>{h1}</h1><p>{_STANDFIRST}</p>"
            f"</header><article>{PROSE}</article></main></body></html>")


def test_an_unmarked_standfirst_under_the_article_headline_is_put_back():
    from newsdesk.clean.html import extract_html
    page = extract_html(_header_page("New quay for the island ferries", "New quay for the island ferries"))
    assert page.lead == _STANDFIRST
    assert page.text.split("\n")[0] == _STANDFIRST


def test_no_unmarked_standfirst_under_a_site_name_headline():
    from newsdesk.clean.html import extract_html
    page = extract_html(_header_page("Harbour Gazette", "New quay for the island ferries"))
    assert page.lead is None


def test_a_long_japanese_extraction_is_not_retried_as_too_short(monkeypatch):
    from types import SimpleNamespace

    from newsdesk.clean import html as html_mod
    calls = []
    text = "新しい港の岸壁は春から島のフェリーが使います。漁師は北側の古い場所を使い続けます。" * 4

    def fake(page, **opts):
        calls.append(opts.get("favor_recall", False))
        return SimpleNamespace(text=text, title=None, description=None, author=None, date=None,
                               sitename=None, url=None)
    monkeypatch.setattr(html_mod.trafilatura, "bare_extraction", fake)
    html_mod.extract_html("<html><body><p>x</p></body></html>")
    assert calls == [False]  # no spaces, but well over RECALL_BELOW_WORDS words: no favor_recall retry


def test_cookie_notices_in_other_languages_are_dropped():
    for notice in ("Wir verwenden Cookies, damit die Seite schneller lädt. Mit der Nutzung stimmen Sie zu.",
                   "Nous utilisons des cookies pour mesurer l'audience du site."):
        assert ui_reason(notice)


def test_a_lower_case_line_after_a_one_word_ad_label_is_not_dropped_with_it():
    from newsdesk.clean.boilerplate import mark_continuations
    from newsdesk.clean.lines import build_units
    units = build_units("Der Hafen hat seinen Kai\nAnzeige\num zwei Liegeplätze erweitert, sagte die Behörde.",
                        rewrap=False)
    units[1].reason = "ui-vocabulary"
    mark_continuations(units)
    assert units[2].reason is None


def test_a_caption_word_inside_a_long_word_of_an_id_is_no_caption_mark():
    from lxml.html import fromstring

    from newsdesk.clean.html_page import caption_texts
    html = ("<html><body><h3 id='grundlegende-techniken-fuer-die-pressearbeit'>Grundlegende Techniken für die "
            "Pressearbeit im Verein</h3></body></html>")
    assert caption_texts(fromstring(html)) == frozenset()
