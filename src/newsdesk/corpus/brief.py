"""Briefings: what happened, what each outlet adds, where outlets disagree; every line cites a span.

:func:`update_synthesis` stores what briefings read (story summaries, discrepancies, quote groups);
:func:`brief_story` and :func:`brief_actors` assemble a :class:`Briefing`, rendered by
:func:`render_markdown`, :func:`render_html` (autoescaped: article text is untrusted) and
:func:`render_json`. Copies (``duplicate_of``) are listed as sources but never count as independent.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import NotFound
from .compare import build_claims, discrepancies
from .quote_groups import group_quotes
from .summarize import similarity_matrix, summarize, units_of

UNIQUE_MAX_SIM = 0.3  # a sentence no other independent source comes this close to is "only here"
UNIQUE_PER_OUTLET = 3


@dataclass
class Briefing:
    title: str
    summary: list[dict[str, Any]] = field(default_factory=list)  # {text, article, start, end}
    events: list[dict[str, Any]] = field(default_factory=list)
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

    Cross-story claims (figures stating the same period in different stories) are recomputed too.
    """
    ids = story_ids if story_ids is not None else store.story_ids()
    for sid in sorted(set(ids)):
        members = store.story_article_ids(sid)
        articles = store.synthesis_articles(members)
        store.save_summary(sid, summarize(articles))
        rows = discrepancies(_claims(store, members, articles))
        store.replace_discrepancies([sid], [r for r in rows if r["story_id"] == sid])
        canon = store.canonical_keys({q["speaker_entity"] for q in _quotes(store, members, articles)})
        groups = group_quotes(_quotes(store, members, articles), canon)
        store.replace_quote_groups([sid], [g for g in groups if g["story_id"] == sid])
    dated = store.dated_amount_articles()
    articles = store.synthesis_articles(dated)
    cross = [r for r in discrepancies(_claims(store, dated, articles)) if r["story_id"] is None]
    store.replace_discrepancies([], cross, cross_story=True)


# -- assembling --------------------------------------------------------------------------------
def _sources(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"article": a["id"], "outlet": a["outlet"], "published": a["published"], "title": a["title"],
             "url": a["url"], "copy_of": a["duplicate_of"]}
            for a in sorted(articles, key=lambda a: (a["published"] or "", a["id"]))]


def _events(store: Any, ids: list[str], by_id: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    from .timeline import describe_event

    rows = [e for e in store.events_of(ids) if not e["merged_into"] and not e["duplicate_of"]]
    rank = {"happened": 0, "planned": 1}
    rows.sort(key=lambda e: (rank.get(e["status"], 2), e["date"] or "9999", e["id"]))
    out = []
    for e in rows[:12]:
        ev = (e["evidence"] or [{}])[0]
        out.append({"id": e["id"], "date": e["date"], "status": e["status"], "type": e["type"],
                    "label": describe_event(e), "article": e["article_id"],
                    "outlet": by_id[e["article_id"]]["outlet"], "text": ev.get("text"), "start": ev.get("start"),
                    "end": ev.get("end")})
    return out


def _quote_section(quotes: list[dict[str, Any]], groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
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
        seen.add(gid or q["id"])
        by_speaker[q["speaker"]].append({"variants": [
            {"quote": x["id"], "text": x["text"], "article": x["article_id"], "outlet": x["outlet"],
             "start": x["start"], "end": x["end"], "partial": x["partial"]} for x in variants]})
    return [{"speaker": k, "statements": v} for k, v in sorted(by_speaker.items(), key=lambda kv: -len(kv[1]))]


def _only_here(articles: list[dict[str, Any]], quotes: list[dict[str, Any]], groups: list[dict[str, Any]],
               figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    originals = [a for a in articles if not a["duplicate_of"]]
    if len(originals) < 2:
        return []
    units = [u for a in originals for u in units_of(a)]
    sim = similarity_matrix(units)
    grouped = {q for g in groups for q in g["quotes"]}
    shared_figures = {c["amount"] for f in figures for c in f["claims"]}
    out = []
    for a in originals:
        idx = [i for i, u in enumerate(units) if u.article == a["id"]]
        others = [j for j, u in enumerate(units) if u.article != a["id"]]
        items = [{"kind": "sentence", "text": units[i].text, "start": units[i].start, "end": units[i].end}
                 for i in idx if not others or max(sim[i, j] for j in others) < UNIQUE_MAX_SIM][:UNIQUE_PER_OUTLET]
        items += [{"kind": "quote", "speaker": q["speaker"], "text": q["text"], "start": q["start"], "end": q["end"]}
                  for q in quotes if q["article_id"] == a["id"] and q["id"] not in grouped and q["speaker"]
                  and not q["partial"]][:UNIQUE_PER_OUTLET]
        if items:
            out.append({"outlet": a["outlet"], "article": a["id"], "items": items,
                        "figures_shared": sorted(x for x in shared_figures if x.startswith(a["id"]))})
    return out


def _assemble(store: Any, title: str, ids: list[str], story: str | None, summary: list[dict[str, Any]] | None,
              figures: list[dict[str, Any]], groups: list[dict[str, Any]]) -> Briefing:
    articles = store.synthesis_articles(ids)
    by_id = {a["id"]: a for a in articles}
    quotes = _quotes(store, ids, articles)
    if summary is None:
        summary = summarize(articles)
    return Briefing(title=title, story=story, summary=summary, events=_events(store, ids, by_id),
                    quotes=_quote_section(quotes, groups), figures=figures,
                    only_here=_only_here(articles, quotes, groups, figures), sources=_sources(articles))


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
    return _assemble(store, row["title"], ids, story_id, row["summary"] or None, _figure_rows(figures), groups)


def _figure_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    order = {"conflict": 0, "corroboration": 1}
    return [{"id": r["id"], "kind": r["kind"], "about": r["about"], "story": r["story_id"], "claims": r["claims"],
             "note": r["note"]} for r in sorted(rows, key=lambda r: (order.get(r["kind"], 2), r["id"]))]


def brief_actors(store: Any, refs: list[str], since: str | None = None, until: str | None = None) -> Briefing:
    """A briefing over every article involving all of these actors (names, QIDs, ISO3), in a date range."""
    from .timeline import resolve_ref

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
    return _assemble(store, title, ids, None, None, figures, groups)


# -- rendering ---------------------------------------------------------------------------------
def render_json(b: Briefing) -> str:
    return json.dumps(b.as_dict(), ensure_ascii=False, indent=2)


def _cite(item: dict[str, Any], outlets: dict[str, str]) -> str:
    return f"[{outlets.get(item['article']) or item['article'][:8]} {item['start']}-{item['end']}]"


def render_markdown(b: Briefing) -> str:
    outlets = {s["article"]: s["outlet"] or s["article"][:8] for s in b.sources}
    out = [f"# {b.title}", "", "## Summary", ""]
    out += [f"- {s['text']} {_cite(s, outlets)}" for s in b.summary] or ["- (no summary)"]
    if b.events:
        out += ["", "## Key events", ""]
        out += [f"- {e['date'] or 'undated'} ({e['status']}) {e['label']}: \"{e['text']}\" {_cite(e, outlets)}"
                for e in b.events if e["start"] is not None]
    if b.figures:
        out += ["", "## Figures", ""]
        for f in b.figures:
            out.append(f"- **{f['kind']}**: {f['about']} ({f['note']})")
            out += [f"  - {c['outlet']}: {c['figure']['text']}{' (approx.)' if c['approx'] else ''}: "
                    f"\"{c['text']}\" {_cite(c, outlets)}" for c in f["claims"]]
    if b.quotes:
        out += ["", "## Who said what", ""]
        for sp in b.quotes:
            out.append(f"- **{sp['speaker']}**")
            for st in sp["statements"]:
                for k, v in enumerate(st["variants"]):
                    lead = "  - " if k == 0 else "    - variant: "
                    out.append(f"{lead}\"{v['text']}\" {_cite(v, outlets)}")
    if b.only_here:
        out += ["", "## Only in one source", ""]
        for o in b.only_here:
            out.append(f"- **{o['outlet']}**")
            out += [f"  - {it['speaker'] + ': ' if it.get('speaker') else ''}\"{it['text']}\" "
                    f"{_cite({**it, 'article': o['article']}, outlets)}" for it in o["items"]]
    out += ["", "## Sources", ""]
    out += [f"- {s['outlet'] or '?'}, {s['published'] or 'undated'}: {s['title'] or ''} ({s['article']})"
            + (f" — copy of {s['copy_of']}" if s["copy_of"] else "") for s in b.sources]
    return "\n".join(out) + "\n"


_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>{{ b.title }}</title></head><body>
<h1>{{ b.title }}</h1><h2>Summary</h2><ul>{% for s in b.summary %}<li>{{ s.text }}
<cite data-article="{{ s.article }}" data-start="{{ s.start }}" data-end="{{ s.end }}">{{ o.get(s.article) }}</cite></li>
{% endfor %}</ul>{% if b.events %}<h2>Key events</h2><ul>{% for e in b.events %}<li>{{ e.date or "undated" }}
({{ e.status }}) {{ e.label }}: “{{ e.text }}” <cite>{{ e.outlet }}</cite></li>{% endfor %}</ul>{% endif %}
{% if b.figures %}<h2>Figures</h2><ul>{% for f in b.figures %}<li><b>{{ f.kind }}</b>: {{ f.about }} ({{ f.note }})<ul>
{% for c in f.claims %}<li>{{ c.outlet }}: {{ c.figure.text }}{% if c.approx %} (approx.){% endif %}: “{{ c.text }}”</li>
{% endfor %}</ul></li>{% endfor %}</ul>{% endif %}{% if b.quotes %}<h2>Who said what</h2><ul>{% for sp in b.quotes %}
<li><b>{{ sp.speaker }}</b><ul>{% for st in sp.statements %}<li>{% for v in st.variants %}“{{ v.text }}”
<cite>{{ v.outlet }}</cite>{% if not loop.last %}<br>variant: {% endif %}{% endfor %}</li>{% endfor %}</ul></li>
{% endfor %}</ul>{% endif %}{% if b.only_here %}<h2>Only in one source</h2><ul>{% for x in b.only_here %}
<li><b>{{ x.outlet }}</b><ul>{% for it in x["items"] %}<li>“{{ it.text }}”</li>{% endfor %}</ul></li>{% endfor %}
</ul>{% endif %}<h2>Sources</h2><ul>{% for s in b.sources %}<li>{{ s.outlet }}, {{ s.published or "undated" }}:
{{ s.title }}{% if s.copy_of %} (copy){% endif %}</li>{% endfor %}</ul></body></html>
"""


def render_html(b: Briefing) -> str:
    from jinja2 import Environment

    env = Environment(autoescape=True)
    return env.from_string(_HTML).render(b=b.as_dict(), o={s["article"]: s["outlet"] for s in b.sources})
