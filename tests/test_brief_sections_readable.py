"""Briefing sections a person reads: own events vs background, estimated source dates, copies, only-here by meaning."""
from __future__ import annotations

import re

from newsdesk.corpus.brief import Briefing, render_html, render_json, render_markdown
from newsdesk.corpus.brief_sections import article_date, event_sections, only_here, source_rows, story_span


def _event(eid, article, date, text, type_="CONSULT", actor="Q1", target="Q2", status="happened", merged=None):
    return {"id": eid, "article_id": article, "type": type_, "mode": "meet", "actor_name": "Ana Ruiz",
            "actor_entity": actor, "actor_country": None, "target_name": "Tomas Vik", "target_entity": target,
            "target_country": None, "date": date, "date_precision": None, "location": None, "status": status,
            "evidence": [{"start": 0, "end": len(text), "text": text}], "confidence": 0.8, "symmetric": True,
            "merged_into": merged, "duplicate_of": None}


def test_brief_events_split_own_from_background_and_collapse_sources():
    by_id = {"a": {"outlet": "Lake Post"}, "b": {"outlet": "Hill Times"}}
    rows = [_event("a-1", "a", "2024-05-02", "Ruiz met Vik in the capital on Thursday."),
            _event("b-1", "b", "2024-05-02", "The two ministers met on Thursday.", actor="Q2", target="Q1"),
            _event("b-2", "b", None, "Ruiz and Vik meet again next week, aides say."),
            _event("a-2", "a", "1998", "The two countries last held talks in 1998.", type_="CONSULT"),
            _event("a-3", "a", "2024-03", "In March the ministers talked by phone."),
            _event("a-4", "a", "2024-05-01", "Ruiz did not meet the envoy.", status="negated"),
            _event("b-3", "b", "2024-05-02", "merged copy", merged="a-1")]
    own, background = event_sections(rows, by_id, ("2024-05-02", "2024-05-03"))
    assert [e["date"] for e in own] == ["2024-05-02"]  # undated reporting is no key event (issue 11)
    assert {s["outlet"] for s in own[0]["sources"]} == {"Lake Post", "Hill Times"}  # one line, both sources
    assert [e["date"] for e in background] == ["1998", "2024-03"]
    assert all(e["status"] != "negated" for e in own + background)


def test_brief_sources_show_estimated_dates_and_copied_outlet():
    arts = [{"id": "x", "outlet": "Lake Post", "published": None, "title": "T", "url": None, "duplicate_of": None,
             "evidence": {"anchor": {"value": "2019-06-28", "source": "summit:g20-2019", "text": "G20 summit in Osaka"}}},
            {"id": "y", "outlet": "Hill Times", "published": "2019-06-29", "title": "T", "url": None,
             "duplicate_of": "x", "evidence": {}}]
    assert article_date(arts[0]) == ("2019-06-28", True, "a known summit (“G20 summit in Osaka”)")
    rows = source_rows(arts, {"x": "Lake Post"})
    assert rows[0]["date_estimated"] and rows[1]["copy_of_outlet"] == "Lake Post"
    assert story_span(["2019-06-29", None, "2019-06-28"]) == ("2019-06-28", "2019-06-29")
    b = Briefing(title="<T>", sources=rows)
    md, html = render_markdown(b), render_html(b)
    assert "c. 2019-06-28, estimated from a known summit" in md and "undated" not in md
    assert "copy of Lake Post" in md and "copy of Lake Post" in html and "&lt;T&gt;" in html
    assert '"date_estimated": true' in render_json(b)


def _article(aid, outlet, text):
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]", text)]
    return {"id": aid, "outlet": outlet, "text": text, "sentences": spans, "published": "2024-05-02",
            "duplicate_of": None}


def test_brief_only_here_ignores_paraphrased_ledes(models):
    a = _article("a", "Lake Post", "Farmers blocked the northern motorway with tractors on Monday to protest against "
                 "cuts to diesel subsidies. The blockade stretched for twelve kilometres near the border crossing. "
                 "A local baker said she had never seen anything like it in thirty years.")
    b = _article("b", "Hill Times", "Hundreds of growers drove their tractors onto the main northern highway on "
                 "Monday, angry at the reduction of fuel subsidies for agriculture. Police diverted lorries through "
                 "nearby villages. The agriculture minister promised to meet union leaders before the weekend.")
    rows = only_here([a, b], [], set(), [], [])
    texts = {o["outlet"]: [it["text"] for it in o["items"]] for o in rows}
    assert not any(t.startswith("Farmers blocked") for t in texts["Lake Post"])
    assert not any(t.startswith("Hundreds of growers") for t in texts["Hill Times"])
    assert any("baker" in t for t in texts["Lake Post"]) and any("minister" in t for t in texts["Hill Times"])
    for o in rows:
        art = a if o["article"] == "a" else b
        assert all(art["text"][it["start"]:it["end"]] == it["text"] for it in o["items"])
