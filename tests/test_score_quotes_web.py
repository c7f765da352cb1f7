"""The web-news quote scorer's matching rules (scripts/score_quotes_web.py), on strings written here."""
from __future__ import annotations

import json

from paths import FIXTURES, load_script

web = load_script("score_quotes_web")


def test_score_quotes_web_person_matches_by_surname_full_name_or_one_word():
    assert web.person_right("Jane Q. Roe Jr.", "Jane Roe", None)
    assert web.person_right("Meghan", "Meghan, Duchess of Sussex", None)
    assert not web.person_right("Jane Roe", "Jane Doe", None)
    assert not web.person_right("Jane Roe", None, None)
    # with no speaker, the description is read ("Healthline reported")
    assert web.person_right("Healthline", None, "Healthline")


def test_score_quotes_web_acronym_matches_its_full_name_only():
    assert web.person_right("the IMF", "International Monetary Fund", None)
    assert not web.person_right("Jim Dunham", "John Doe", None)  # two sets of initials are no acronym
    assert not web.person_right("the IMF", "International Labour Organization", None)


def test_score_quotes_web_role_matches_by_head_noun():
    assert web.role_head("a spokesman for the ministry") == "spokesman"
    assert web.role_right("the court", None, "The court", None)
    assert web.role_right("researchers", None, "a researcher at the lab", None)
    assert not web.role_right("a story", None, "avocados", None)


def test_score_quotes_web_candidate_spans_need_four_words_within_a_paragraph():
    body = "He said “we will win this” and “go”.\n\"Not closed here\nnor here\" at all."
    assert web.candidate_spans(body) == ["we will win this"]


def test_score_quotes_web_gold_rows_hold_fragments_not_texts():
    rows = [json.loads(line) for line in (FIXTURES / "speakers_web" / "gold.jsonl").open(encoding="utf-8")]
    assert {r["split"] for r in rows} == {"dev", "dev2", "test"}
    for r in rows:
        if r["first"] is not None:
            assert len(r["first"].split()) <= 6 and len(r["last"].split()) <= 4
            assert r["kind"] in ("person", "role", "none")
