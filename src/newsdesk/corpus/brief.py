"""Briefings: what happened, what each outlet adds, where outlets disagree; every line cites a span.

:func:`update_synthesis` stores what briefings read (story summaries, discrepancies, quote groups);
:func:`brief_story` and :func:`brief_actors` assemble a :class:`Briefing` (sections: :mod:`.brief_sections`),
rendered by :func:`render_markdown`, :func:`render_html` (autoescaped: article text is untrusted) and
:func:`render_json` (:mod:`.brief_render`). Copies (``duplicate_of``) are listed as sources but never
count as independent.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import NotFound
from .brief_cites import add_cites, background_year, trivial_figure
from .brief_sections import article_date, event_sections, event_spans, only_here, source_rows, story_span
from .compare import build_claims, discrepancies
from .quote_groups import group_quotes
from .summarize import summarize

__all__ = ["Briefing", "brief_actors", "brief_story", "render_html", "render_json", "render_jsonl", "render_markdown",
           "update_synthesis"]


@dataclass
class Briefing:
    title: str
    summary: list[dict[str, Any]] = field(default_factory=list)  # {text, article, start, end}
    events: list[dict[str, Any]] = field(default_factory=list)  # the story's own, chronological
    background: list[dict[str, Any]] = field(default_factory=list)  # history mentioned in passing
    quotes: list[dict[str, Any]] = field(default_factory=list)  # by speaker: {speaker, statements: [...]}
    figures: list[dict[str, Any]] = field(default_factory=list)  # corroborations and conflicts
    only_here: list[dict[str, Any]] = field(default_factory=list)  # per outlet: {outlet, article, items}
    sources: list[dict[str, Any]] = field(default_factory=list)
    story: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- computing and storing ---------------------------------------------------------------------
def _claims(store: Any, ids: list[str], articles: list[dict[str, Any]]) -> list:
    amounts = store.synthesis_items("amounts", ids)
    mentions = store.synthesis_items("mentions", ids)
    keys = {m["entity"] for m in mentions} | {a["about_entity"] for a in amounts if a["about_entity"]}
    ents = store.entity_rows(keys)
    return build_claims(articles, amounts, mentions, {k: e["country"] for k, e in ents.items()},
                        store.canonical_keys(keys))


def _quotes(store: Any, ids: list[str], articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id = {a["id"]: a for a in articles}
    rows = []
    for q in store.synthesis_items("quotes", ids):
        a = by_id[q["article_id"]]
        rows.append({**q, "published": a["published"], "story_id": a["story_id"], "outlet": a["outlet"],
                     "duplicate_of": a["duplicate_of"]})
    return rows


def update_synthesis(store: Any, story_ids: list[str] | None = None) -> None:
    """(Re)compute summaries, discrepancies and quote groups of these stories (all when None).

    Cross-story figures are kept by linking (seeded claim groups, :mod:`.figures`); for all stories they
    are grouped again from scratch too.
    """
    from .figures import regroup_all, update_story_synthesis  # figures builds on this module's claim readers

    update_story_synthesis(store, story_ids if story_ids is not None else store.story_ids(), anew=True)
    if story_ids is None:
        regroup_all(store)


# -- assembling --------------------------------------------------------------------------------
def _quote_section(quotes: list[dict[str, Any]], groups: list[dict[str, Any]],
                   by_id: dict[str, dict[str, Any]],
                   spans: dict[str, list[tuple[int, int, str, bool]]] | None = None) -> list[dict[str, Any]]:
    """Statements by speaker: one statement once, with every outlet that renders it (copies marked).

    Each statement carries its article's date; one whose sentence refers to an earlier year than
    its article is background (``background``: that year), not something said at this event.
    """
    group_of = {qid: g["id"] for g in groups for qid in g["quotes"]}
    by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
    seen: set[str] = set()
    for q in quotes:
        if not q["speaker"] or q["duplicate_of"] or (q["partial"] and len(q["text"].split()) < 3):
            continue  # one- and two-word scare quotes ("ally") say little on their own
        gid = group_of.get(q["id"])
        if gid and gid in seen:
            continue
        variants = [x for x in quotes if gid and group_of.get(x["id"]) == gid] if gid else [q]
        variants += [x for x in quotes if x["duplicate_of"] and x["text"] == q["text"] and x not in variants]
        seen.add(gid or q["id"])
        art = by_id.get(q["article_id"], {})
        by_speaker[q["speaker"]].append({
            "text": q["text"], "date": article_date(art)[0] if art else None,
            "background": background_year(art, q["start"], q["end"], (spans or {}).get(q["article_id"], [])),
            "outlets": sorted({x["outlet"] for x in variants if x["outlet"] and not x["duplicate_of"]}),
            "variants": [{"quote": x["id"], "text": x["text"], "article": x["article_id"], "outlet": x["outlet"],
                          "start": x["start"], "end": x["end"], "partial": x["partial"],
                          "copy": bool(x["duplicate_of"])} for x in variants]})
    return [{"speaker": k, "statements": v} for k, v in sorted(by_speaker.items(), key=lambda kv: -len(kv[1]))]


def _assemble(store: Any, title: str, ids: list[str], story: str | None, summary: list[dict[str, Any]] | None,
              figures: list[dict[str, Any]], groups: list[dict[str, Any]],
              span: tuple[str, str] | None = None, keep: Any = None) -> Briefing:
    articles = store.synthesis_articles(ids)
    by_id = {a["id"]: a for a in articles}
    quotes = _quotes(store, ids, articles)
    if summary is None:
        summary = summarize(articles)
    outlet_of = {a["id"]: a["outlet"] for a in articles}
    outlet_of.update(store.article_outlets({a["duplicate_of"] for a in articles if a["duplicate_of"]} - set(by_id)))
    for f in figures:
        for c in f["claims"]:
            copied = by_id.get(c["article"], {}).get("duplicate_of")
            c["copy_of_outlet"] = outlet_of.get(copied) if copied else None
    if story is not None:  # a story's own dates; an actor briefing compares each event with its article
        span = span or story_span([article_date(a)[0] for a in articles if not a["duplicate_of"]])
    rows = store.events_of(ids)
    own, background = event_sections(rows, by_id, span, keep)
    figures = [f for f in figures if not trivial_figure(f)]
    grouped = {q for g in groups for q in g["quotes"]}
    aligned = {c["amount"] for f in figures for c in f["claims"]}
    unique = only_here(articles, quotes, grouped, store.synthesis_items("amounts", ids),
                       store.synthesis_items("mentions", ids), aligned)
    b = Briefing(title=title, story=story, summary=summary, events=own, background=background,
                 quotes=_quote_section(quotes, groups, by_id, event_spans(rows, by_id, span)), figures=figures,
                 only_here=unique,
                 sources=source_rows(articles, outlet_of))
    add_cites(b, by_id)
    return b


def brief_story(store: Any, story_id: str) -> Briefing:
    """The briefing of one story, from what :func:`update_synthesis` stored (computed now if missing)."""
    row = store.story_row(story_id)
    if row is None:
        raise NotFound(f"no story {story_id!r}")
    ids = store.story_article_ids(story_id)
    figures = store.discrepancies_of(story_id)
    groups = store.quote_groups_of(story_id)
    if not row["summary"] and ids:
        update_synthesis(store, [story_id])
        row = store.story_row(story_id)
        figures, groups = store.discrepancies_of(story_id), store.quote_groups_of(story_id)
    span = (row["date"], row["end_date"] or row["date"]) if row.get("date") else None
    return _assemble(store, row["title"], ids, story_id, row["summary"] or None, _figure_rows(figures), groups, span)


def _figure_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    order = {"conflict": 0, "corroboration": 1}
    return [{"id": r["id"], "kind": r["kind"], "about": r["about"], "story": r["story_id"], "claims": r["claims"],
             "note": r["note"]} for r in sorted(rows, key=lambda r: (order.get(r["kind"], 2), r["id"]))]


def brief_actors(store: Any, refs: list[str], since: str | None = None, until: str | None = None) -> Briefing:
    """A briefing over every article involving all of these actors (names, QIDs, ISO3), in a date range."""
    from .timeline import involves, resolve_ref

    resolved = [resolve_ref(store, r) for r in refs]
    found: set[str] | None = None
    for ref in resolved:
        hits = set().union(*store.articles_with_entities(ref.entities).values()) if ref.entities else set()
        if ref.country:
            hits |= store.articles_with_country(ref.country)
        found = hits if found is None else found & hits
    arts = [a for a in store.synthesis_articles(found or set())
            if (not since or (a["published"] or "9999") >= since) and (not until or (a["published"] or "") <= until)]
    ids = [a["id"] for a in arts]
    figures = [{**r, "story": r.pop("story_id")} for r in discrepancies(_claims(store, ids, arts))]
    canon = store.canonical_keys({q["speaker_entity"] for q in _quotes(store, ids, arts)})
    groups = group_quotes(_quotes(store, ids, arts), canon)
    title = " and ".join(r.name for r in resolved) + (f" since {since}" if since else "") + \
        (f" until {until}" if until else "")
    return _assemble(store, title, ids, None, None, figures, groups, None, keep=lambda e: involves(e, resolved))


from .brief_render import render_html, render_json, render_jsonl, render_markdown  # noqa: E402  (re-exported)
