"""Metadata readers: bylines, datelines, dates, outlets (registry), no invented dates."""
from __future__ import annotations

import pytest

from newsdesk.clean import clean_document
from newsdesk.clean.dates import date_line, url_date
from newsdesk.clean.metadata import city_name, dateline_of, parse_byline
from newsdesk.clean.outlets import load_outlets
from newsdesk.records import RawDoc


@pytest.mark.parametrize("line,names", [
    ("By Maria Lopez and Sam Otieno", ["Maria Lopez", "Sam Otieno"]),
    ("By Priya Natarajan, Senior Fellow at the Institute of Rivers", ["Priya Natarajan"]),
    ("By Anna Berg, Li Wei and Tom O'Neill", ["Anna Berg", "Li Wei", "Tom O'Neill"]),
    ("Write to Dana Ford at dana@example.com and Ken Ito at ken@example.com", ["Dana Ford", "Ken Ito"]),
    ("Write to Dana Ford at and Ken Ito at", ["Dana Ford", "Ken Ito"]),
    ("Reporting by Jo Park in Seoul; Editing by Ray Hunt", ["Jo Park"]),
    ("By Monday the river had risen", []),
])
def test_metadata_byline_names(line, names):
    assert parse_byline(line) == names


@pytest.mark.parametrize("text,city,agency,day,full", [
    ("VLADIVOSTOK, Russia -- The leaders met", "Vladivostok", None, None, None),
    ("SHANGHAI -- Prices rose", "Shanghai", None, None, None),
    ("NEW YORK, March 3 (Reuters) - Stocks fell", "New York", "Reuters", "03-03", None),
    ("ST. PETERSBURG (AP) — A court ruled", "St. Petersburg", "AP", None, None),
    ("SALVADOR, Feb 26 - Showers continued", "Salvador", None, "02-26", None),
    ("WASHINGTON, Sept. 30 (Reuters) - The agency said", "Washington", "Reuters", "09-30", None),
    ("TOKYO, Feb 30 - No such day", "Tokyo", None, None, None),
    ("WASHINGTON, May 3, 2024 (Reuters) - Talks resumed", "Washington", "Reuters", "05-03", "2024-05-03"),
    ("OSLO, Feb 29, 2023 - No such day that year", "Oslo", None, None, None),
])
def test_metadata_dateline(text, city, agency, day, full):
    assert dateline_of(text) == (city, agency, day, full)


def test_metadata_dateline_day_is_recorded_with_its_evidence():
    """A wire dateline's day has no year: it is kept as MM-DD, never made a publication date."""
    from newsdesk.clean import clean_document
    from newsdesk.records import RawDoc

    body = ("The Philippines will offer its bank creditors a new plan, the finance ministry said on Sunday, as "
            "talks on its debt went on for a third week and the central bank weighed its reserves.")
    doc = clean_document(RawDoc("a.txt", "MANILA, March 1 - " + body)).meta
    assert doc.dateline == "Manila" and doc.dateline_day == "03-01"
    assert doc.evidence["dateline_day"].source == "dateline" and doc.published is None
    hinted = clean_document(RawDoc("b.jsonl#L1", body, hints={"dateline": "MANILA, March 1 -"})).meta
    assert hinted.dateline_day == "03-01" and hinted.evidence["dateline_day"].source == "hint"
    # a dateline that names the year too dates the article, when nothing better does
    dated = clean_document(RawDoc("c.txt", "MANILA, March 1, 1987 (Reuters) - " + body)).meta
    assert (dated.published, dated.published_from, dated.dateline) == ("1987-03-01", "dateline", "Manila")
    hinted = clean_document(RawDoc("d.jsonl#L1", "MANILA, March 1, 1987 (Reuters) - " + body,
                                   hints={"published": "1987-03-02"})).meta
    assert (hinted.published, hinted.published_from, hinted.dateline_day) == ("1987-03-02", "hint", "03-01")


def test_metadata_no_dateline_in_plain_sentence():
    assert dateline_of("The US and China -- both large economies -- met") is None
    assert city_name("WINSTON-SALEM") == "Winston-Salem"


@pytest.mark.parametrize("line,expected", [
    ("Thursday, October 6, 2022", ("2022-10-06", None)),
    ("Published: 16 May 2024 10:30 BST", ("2024-05-16", "published")),
    ("Updated Sept. 15, 2022 5:02 am ET", ("2022-09-15", "updated")),
    ("Copyright ©2022 Dow Jones & Company, Inc.", None),  # a year alone is not a date
    ("February 30, 2023", None),
    ("The talks began on October 6, 2022 and lasted for three long days in the capital city", None),
])
def test_metadata_date_lines(line, expected):
    assert date_line(line) == expected


def test_metadata_url_dates():
    assert url_date("https://news.example.com/world/2023/11/05/some-story") == "2023-11-05"
    assert url_date("https://news.example.com/a-20231105-story") == "2023-11-05"
    assert url_date("https://asia.example.com/Politics/story-2024") is None


def test_metadata_outlet_registry_lookups():
    reg = load_outlets()
    assert len(reg.outlets) >= 300
    assert reg.by_domain("https://asia.nikkei.com/Business/x").name == "Nikkei Asia"
    assert reg.by_domain("www.nikkei.com").name == "Nikkei"
    assert reg.by_domain("https://edition.cnn.com/2024/01/01/x").name == "CNN"
    assert reg.by_name("the guardian").name == "The Guardian"
    assert [o.name for o, _ in reg.find("Copyright 2023 The Associated Press. All rights reserved.")] == [
        "Associated Press"]
    # short aliases only match with their own case
    assert reg.find("an ap of the map") == []
    countries = {o.country for o in reg.outlets}
    assert {"USA", "GBR", "CHN", "JPN", "IND", "BRA", "NGA", "QAT", "RUS", "DEU"} <= countries


BODY = ("The committee approved the proposal after a long debate on Tuesday, and the chairman said the new rules "
        "would take effect next spring once the regulator has reviewed them.\n\n"
        "Opponents said they would appeal the decision in court before the end of the year.\n")


def test_metadata_outlet_from_self_reference_and_republication():
    a = clean_document(RawDoc("a", "Why readers trust DW\n\nCouncil approves harbour plan\n\n" + BODY))
    assert a.meta.outlet == "Deutsche Welle" and a.meta.evidence["outlet"].source == "self-reference"
    b = clean_document(RawDoc("b", "Council approves harbour plan\n\n" + BODY +
                              "\nThis article was originally published in The Conversation.\n"))
    assert b.meta.outlet == "The Conversation" and b.meta.evidence["outlet"].source == "republished"


def test_metadata_copyright_year_gives_no_date():
    c = clean_document(RawDoc("c", "Council approves harbour plan\n\n" + BODY + "\n© 2021 Financial Times Ltd.\n"))
    assert c.meta.outlet == "Financial Times"
    assert c.meta.published is None and c.meta.published_from is None


def test_metadata_reuters_jsonl_hint_dateline():
    c = clean_document(RawDoc("r", BODY, hints={"dateline": "WESTPORT, Conn., Feb 26 -", "outlet": "Reuters"}))
    assert c.meta.dateline == "Westport" and c.meta.evidence["dateline"].source == "hint"
