"""Story, actor and dyad pages."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from .. import read
from ..server.auth import require_read
from .charts import map_points, map_view, timeline_chart
from .pages import actor_files, page, store_of

router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)


def _cite(item: Any) -> dict[str, Any] | None:
    """The first (article, start, end) citation of a briefing sentence or a claim, whatever its key names."""
    if not isinstance(item, dict):
        return None
    if {"article", "start", "end"} <= item.keys():
        return {"article": item["article"], "start": item["start"], "end": item["end"]}
    if {"article_id", "start", "end"} <= item.keys():
        return {"article": item["article_id"], "start": item["start"], "end": item["end"]}
    for key in ("evidence", "sources", "citations", "cites", "spans"):
        value = item.get(key)
        for sub in value if isinstance(value, list) else [value]:
            found = _cite(sub)
            if found:
                return found
    return None


def briefing_sentences(summary: Any) -> list[dict[str, Any]]:
    """The stored story summary as sentences, each with its first citation when it has one."""
    if isinstance(summary, dict):
        summary = summary.get("sentences") or summary.get("summary") or summary.get("text") or []
    if isinstance(summary, str):
        summary = [summary]
    out = []
    for s in summary if isinstance(summary, list) else []:
        text = s if isinstance(s, str) else (s.get("text") or s.get("sentence") if isinstance(s, dict) else None)
        if text:
            out.append({"text": str(text), "cite": _cite(s)})
    return out


def claims(discrepancy: dict[str, Any]) -> list[dict[str, Any]]:
    rows = discrepancy.get("claims")
    rows = rows if isinstance(rows, list) else []
    return [{"text": str(c.get("text") or c.get("value") or c) if isinstance(c, dict) else str(c),
             "outlet": c.get("outlet") if isinstance(c, dict) else None, "cite": _cite(c)} for c in rows]


def quotes_by_speaker(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for q in quotes:
        key = q["speaker_entity"] or (q["speaker"] or "").lower() or "?"
        g = groups.setdefault(key, {"speaker": q["speaker"] or "Unattributed", "entity": q["speaker_entity"],
                                    "quotes": []})
        g["quotes"].append(q)
    return sorted(groups.values(), key=lambda g: (g["speaker"] == "Unattributed", -len(g["quotes"])))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> HTMLResponse:
    st = read.story_detail(store_of(request), story_id)
    titles = {a["id"]: a for a in st["articles"]}
    figures: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for x in st["amounts"]:
        figures[x["about"] or x["unit"]].append(x)
    return page(request, "story.html", st=st, briefing=briefing_sentences(st["briefing"]), titles=titles,
                speakers=quotes_by_speaker(st["quotes"]), figures=sorted(figures.items()),
                discrepancies=[{**d, "claim_rows": claims(d)} for d in st["discrepancies"]])


def _with_evidence(rows: list[dict[str, Any]], events: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Timeline rows with the first evidence span of their events, to link each row to its words."""
    out = []
    for row in rows:
        ev = next((events[e] for e in row["events"] if e in events and events[e]["evidence"]), None)
        span = ev["evidence"][0] if ev else None
        out.append({**row, "evidence": {"article": ev["article_id"], **span} if span else None})
    return out


def _actor_page(request: Request, refs: list[str]) -> HTMLResponse:
    store = store_of(request)
    tl = read.timeline(store, refs, actor_files=actor_files(request), days=False)
    rows, who = tl["events"], tl["actors"]
    events = {e["id"]: e for e in store.events_by_id({i for r in rows for i in r["events"]})}
    points = map_points(list(events.values()))
    if len(who) == 1:  # the same data as GET /api/entities/{ref}
        detail = read.entity_detail(store, who[0]["key"], actor_files(request))
        quotes, articles, partners = detail["quotes"][:30], detail["articles"][:20], detail["partners"]
    else:  # a dyad: quotes by either, articles that mention both
        quotes = [q for r in who for q in store.quotes_by(r["keys"], limit=30)]
        other = {a["id"] for a in store.articles_page(entities=who[1]["keys"], limit=200)[0]}
        articles = [a for a in store.articles_page(entities=who[0]["keys"], limit=200)[0] if a["id"] in other][:20]
        partners = []
    return page(request, "actor.html", refs=who, rows=_with_evidence(list(reversed(rows))[:100], events),
                count=len(rows), chart=timeline_chart(rows), points=points, view=map_view(points),
                partners=partners, quotes=quotes, articles=articles)


@router.get("/actors/{ref}", response_class=HTMLResponse)
def actor(request: Request, ref: str) -> HTMLResponse:
    return _actor_page(request, [ref])


@router.get("/actors/{a}/{b}", response_class=HTMLResponse)
def dyad(request: Request, a: str, b: str) -> HTMLResponse:
    return _actor_page(request, [a, b])
