"""The cleaner on the five seed pages: metadata, captions, every body line kept, debris gone.

Assertions use short anchors only (the seeds are copyrighted and read from ../shared).
"""
from __future__ import annotations

import re

import pytest

from newsdesk.clean import clean_document
from newsdesk.config import load_settings
from newsdesk.records import RawDoc

from paths import SEEDS


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def load(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    raw = RawDoc(source=str(path), text=path.read_text(encoding="utf-8"))
    return raw, clean_document(raw, load_settings())


# first body line, last body line, lines inside the body span that are not body, debris
SEEDS_SPEC = {
    "000": ("VLADIVOSTOK, Russia", "deepen their budding romance.", [],
            ["Sponsored Content", "numberArticlesLeft", "Try 1 month", "subscription", "now known as",
             "Find out more", "ArrowArtboard", "International relations", "Offer ends", "trial period"]),
    "001": ("Chinese President Xi Jinping and his Russian counterpart", "British soil in March.", ["Advertisement"],
            ["Advertisement", "loading", "Reading Time", "trust SCMP"]),
    "002": ("SHANGHAI --", 'on that position," he said.', ["(Sputnik via Reuters)"],
            ["[Salon]", "archive was generated", "Additional reporting", "https://"]),
    "003": ("Chinese leader", "explicit pledges of support.",
            ["Join the conversation", "Shutterstock", "sees U.S. foreign policy as part of a strategy",
             "WSJ examines"],
            ["HomeWorld", "Please enter", "Most Popular", "Recent Comments", "search engine", "Advertisment",
             "Write to", "Copyright", "Join the conversation", "Shutterstock", "October 6, 2022"]),
    "004": ("September was a busy month", "a little less lonely.",
            ["Taking Stock of Recent Events", "Deepening Political Ties", "Enhanced Military Cooperation",
             "Increasing Trade and Investment", "Geopolitical Realignment"],
            ["fbpx", "Alumni Media", "Leave a Reply", "republished", "By Torrey", "Taking Stock"]),
}


@pytest.mark.parametrize("prefix", sorted(SEEDS_SPEC))
def test_clean_seeds_keep_every_body_line_and_drop_debris(prefix):
    raw, clean = load(prefix)
    first, last, not_body, debris = SEEDS_SPEC[prefix]
    lines = raw.text.split("\n")
    i = next(k for k, line in enumerate(lines) if first in line)
    j = next(k for k, line in enumerate(lines) if last in line)
    text = norm(clean.text)
    assert text.startswith(norm(lines[i])[:30])
    assert text.endswith(last)
    for line in lines[i:j + 1]:
        line = norm(line)
        if line and not any(a in line for a in not_body):
            assert line in text, f"body line lost: {line[:80]!r}"
    for a in debris:
        assert a not in clean.text, f"debris kept: {a!r}"
    # every removed passage has a reason and the title is not repeated in the body
    assert all(d.reason for d in clean.dropped)
    assert norm(clean.meta.title) not in text


def test_clean_seeds_000_metadata_and_caption():
    _, c = load("000")
    m = c.meta
    assert m.title == "Xi-Putin summit in Vladivostok highlights common front against US"
    assert m.subtitle.startswith("China plays prominent role")
    assert m.outlet == "Nikkei Asia" and m.evidence["outlet"].source in ("now-known-as", "copyright")
    assert m.dateline == "Vladivostok"
    assert m.published is None  # no explicit date on the page: none is guessed
    assert len(c.captions) == 1 and c.captions[0].text.rstrip().endswith("Reuters")
    assert c.text.startswith("VLADIVOSTOK, Russia -- China's Xi Jinping")
    assert {d.reason for d in c.dropped} >= {"template", "ui-vocabulary"}


def test_clean_seeds_001_self_reference_outlet():
    _, c = load("001")
    m = c.meta
    assert m.title == "China’s Xi Jinping, Russia’s Vladimir Putin agree to boost ties amid growing US unilateralism"
    assert m.subtitle.startswith("Two nations will")
    assert m.outlet == "South China Morning Post" and m.evidence["outlet"].source == "self-reference"
    assert len(c.captions) == 1 and "REUTERS" in c.captions[0].text
    assert [d.text for d in c.dropped].count("Advertisement") == 4


def test_clean_seeds_002_mailing_list_copy():
    _, c = load("002")
    m = c.meta
    assert m.url.startswith("https://asia.nikkei.com/Politics/")
    assert m.outlet == "Nikkei Asia" and m.evidence["outlet"].source == "url"
    assert m.title.startswith("Xi Jinping and Vladimir Putin agree to bolster trade")
    assert m.subtitle.startswith("Chinese and Russian leaders vow")
    assert m.dateline == "Shanghai"
    assert m.authors == []  # "Additional reporting by" credits a contributor, not the author
    assert len(c.captions) == 2 and all("(Sputnik via Reuters)" in x.text for x in c.captions)
    reasons = {d.reason for d in c.dropped}
    assert "mailing-list" in reasons and "credit" in reasons


def test_clean_seeds_003_rejoins_names_and_reads_footer():
    _, c = load("003")
    m = c.meta
    assert m.title == "China’s Xi Jinping and Russia’s Vladimir Putin Showcase Deepening Ties"
    assert m.authors == ["Keith Zhai", "Thomas Grove"]
    assert m.outlet == "The Wall Street Journal" and m.evidence["outlet"].source == "copyright"
    # the date above the site menu is the aggregator's display date: recorded, not used
    assert m.published is None and m.evidence["display_date"].value == "2022-10-06"
    assert m.evidence["display_date"].source == "page-header"
    text = c.text
    assert text.startswith("Chinese leader Xi Jinping and Russian President Vladimir Putin met in person")
    assert "said Craig Singleton, a former U.S. diplomat" in text
    assert "said Alicia García Herrero, chief economist" in text
    assert "with Russian Ambassador Andrey Denisov in Beijing" in text
    assert any("Shutterstock" in d.text for d in c.dropped + c.captions)
    assert any(x.text.startswith("Vladimir Putin sees U.S.") for x in c.captions)


def test_clean_seeds_004_republished_piece():
    _, c = load("004")
    m = c.meta
    assert m.title == "Growing Connection Between Putin and Xi"
    assert m.authors == ["Torrey Taussig"]
    assert m.outlet == "China-US Focus" and m.evidence["outlet"].source == "republished"
    headings = [d.text for d in c.dropped if d.reason == "heading"]
    assert headings == ["Taking Stock of Recent Events", "Deepening Political Ties in an Era of Uncertainty",
                        "Enhanced Military Cooperation", "Increasing Trade and Investment Flows",
                        "Geopolitical Realignment"]
    # no heading glued to the paragraph after it
    assert "\n\nSince 2015, the Eastern Economic Forum" in c.text


def test_clean_seeds_language_is_english():
    for prefix in SEEDS_SPEC:
        _, c = load(prefix)
        assert c.meta.language == "en" and "not-english" not in c.flags
