"""Quote variants: translations group, other statements by the same speaker do not, copies always do."""
from __future__ import annotations

from newsdesk.corpus.quote_groups import VARIANT_MIN, group_quotes, similarity


def q(qid, article, text, speaker="Anna Berg", entity="loc:PERSON:anna berg", story="s1"):
    return {"id": qid, "article_id": article, "text": text, "speaker": speaker, "speaker_entity": entity,
            "published": "2024-03-01", "story_id": story, "start": 0, "end": len(text)}


def test_quote_groups_translation_vs_other_statement(models):
    a = "Our two countries have built relations of trust in trade, energy and security"
    b = "We have a relationship of confidence between our countries in the areas of trade, energy and security"
    other = "The harbour must be dredged before the winter storms close the shipping lanes"
    assert similarity(a, b) >= VARIANT_MIN > similarity(a, other)
    rows = group_quotes([q("1", "x", a), q("2", "y", b), q("3", "y", other)], {})
    assert [r["quotes"] for r in rows] == [["1", "2"]]


def test_quote_groups_need_same_speaker_and_close_dates(models):
    text = "We will open the border crossing to trucks carrying food and medicine next week"
    rows = group_quotes([q("1", "x", text), q("2", "y", text, speaker="Omar Haddad", entity="loc:PERSON:omar haddad")], {})
    assert rows == []
    far = q("2", "y", text, story="s2")
    far["published"] = "2024-09-01"
    assert group_quotes([q("1", "x", text), far], {}) == []
    assert len(group_quotes([q("1", "x", text), q("2", "y", text)], {})) == 1
