"""Extractive summaries: only source sentences, exact spans, no near-duplicates, copies ignored."""
from __future__ import annotations

from newsdesk.corpus.summarize import REDUNDANT, similarity_matrix, summarize, units_of


def article(aid, sentences, published="2024-01-05", copy=None):
    text = " ".join(sentences)
    spans, pos = [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        pos += len(s) + 1
    return {"id": aid, "text": text, "sentences": spans, "published": published, "outlet": aid,
            "duplicate_of": copy}


A = article("a", ["The city council approved a new tram line to the airport on Monday after a long debate.",
                  "The line will have twelve stops and open to passengers in three years.",
                  "Opposition members said the budget was unrealistic and asked for an audit.",
                  "Local shop owners fear months of roadworks on the main avenue."])
B = article("b", ["On Monday the council approved the new airport tram line after a long debate.",
                  "Twelve stops are planned and passengers should ride it within three years.",
                  "The mayor called the vote a turning point for public transport in the city."], "2024-01-06")
C = article("c", A["text"].split(". ")[:1], copy="a")


def test_summary_items_slice_sources_and_are_not_redundant():
    items = summarize([A, B, C])
    texts = {"a": A["text"], "b": B["text"]}
    assert 2 <= len(items) <= 6
    for it in items:
        assert texts[it["article"]][it["start"]:it["end"]] == it["text"]
    assert all(it["article"] != "c" for it in items)
    units = [u for a in (A, B) for u in units_of(a) if any(u.start == it["start"] and u.article == it["article"]
                                                          for it in items)]
    sim = similarity_matrix(units)
    assert all(sim[i, j] < REDUNDANT for i in range(len(units)) for j in range(len(units)) if i != j)
    assert items[0]["article"] == "a"  # ordered by date, then position


def test_summary_candidates_capped_leads_first():
    from newsdesk.corpus.summarize import candidates

    arts = [article(f"x{i:02d}", [f"Report {i} says the council approved the tram line on Monday {w}." for w in
                                  ("morning", "evening", "again")]) for i in range(30)]
    per = [units_of(a) for a in arts]
    assert candidates(per, limit=200) == [u for us in per for u in us]  # under the cap: every sentence
    kept = candidates(per, limit=40)
    assert len(kept) == 40
    assert {u.article for u in kept if u.position == 0} == {a["id"] for a in arts}  # every lead first
    assert sum(u.position == 1 for u in kept) == 10 and not any(u.position == 2 for u in kept)
    assert kept == sorted(kept, key=lambda u: (u.article, u.position))  # in article order
    assert len(summarize(arts)) >= 1
