"""General page-furniture rules, each on text written for the test (not the held-out pages)."""
from __future__ import annotations

from newsdesk.clean import clean_document
from newsdesk.clean.captions import caption_kind
from newsdesk.clean.dates import date_line
from newsdesk.clean.lines import build_units
from newsdesk.records import RawDoc

_PARA = ("The port authority said on Monday that container traffic through the southern terminal had "
         "fallen by a third since the spring, as shipping lines diverted vessels to larger hubs further north.")


def texts(source: str) -> list[str]:
    return [u.text for u in build_units(source)]


def test_clean_page_furniture_header_lines_are_not_a_wrapped_paragraph():
    src = ("Home\nWorld\nMarkets\nOpinion\nPorts authority warns of lost traffic at southern terminal\n"
           "By Ana Silva and Rui Costa\nJune 3, 2024 10:05 AM\nShare\n\n" + _PARA + "\n")
    units = texts(src)
    assert "Ports authority warns of lost traffic at southern terminal" in units
    assert "By Ana Silva and Rui Costa" in units
    doc = clean_document(RawDoc(source="t", text=src))
    assert doc.meta.title == "Ports authority warns of lost traffic at southern terminal"
    assert doc.meta.authors == ["Ana Silva", "Rui Costa"]
    assert doc.meta.published == "2024-06-03"


def test_clean_page_furniture_page_break_is_dropped_and_paragraph_rejoined():
    src = ("The ministry published the figures late on Thursday, and officials said the\n"
           "shortfall would be covered by\n\n   7\n\fHARBOUR REVIEW  Spring 2024   Trade\n\n"
           "savings elsewhere in the budget, without new borrowing this year.\n\n" + _PARA + "\n")
    doc = clean_document(RawDoc(source="t", text=src))
    assert "covered by savings elsewhere in the budget" in doc.text
    assert "HARBOUR REVIEW" not in doc.text and "\n7\n" not in doc.text
    assert {d.reason for d in doc.dropped} >= {"page-furniture"}


def test_clean_page_furniture_name_over_role_or_date_is_a_byline():
    for header, name in (("Tomasz Nowak\nCentral Europe correspondent\n", "Tomasz Nowak"),
                         ("Leila Haddad in Beirut\n12 May 2023\n", "Leila Haddad")):
        src = "Lebanon's parliament fails again to agree on a budget\n" + header + "\n" + _PARA + "\n"
        doc = clean_document(RawDoc(source="t", text=src))
        assert doc.meta.authors == [name]
        assert doc.meta.title == "Lebanon's parliament fails again to agree on a budget"


def test_clean_page_furniture_single_title_is_not_taken_for_a_byline():
    src = "Coalition Talks Collapse\nMarch 4, 2024\n\n" + _PARA + "\n"
    doc = clean_document(RawDoc(source="t", text=src))
    assert doc.meta.title == "Coalition Talks Collapse" and doc.meta.authors == []


def test_clean_page_furniture_link_label_takes_the_headline_under_it():
    src = (_PARA + "\n\nRelated article\nDock workers vote to strike over pensions\n\n"
           "Union leaders said a walkout could begin as early as next week if talks with employers failed.\n")
    doc = clean_document(RawDoc(source="t", text=src))
    assert "Dock workers vote to strike" not in doc.text
    assert "Union leaders said a walkout" in doc.text


def test_clean_page_furniture_captions_dates_and_disclaimers():
    assert caption_kind("Delegates wait outside the hall in Lima, May 2, 2024. AGENCY/Jorge Paz/File Photo "
                        "Purchase Licensing Rights, opens new tab".replace("AGENCY", "REUTERS"), None)
    assert caption_kind("The mayor, left, greets volunteers at the shelter on Friday.", "Harbour Review")
    assert not caption_kind("The mayor greeted volunteers at the shelter on Friday.", "Harbour Review")
    assert date_line("09:15 KST, April 2, 2024") == ("2024-04-02", None)
    src = (_PARA + "\n\nThe views expressed in this commentary are those of the author alone.\n")
    assert "views expressed" not in clean_document(RawDoc(source="t", text=src)).text
