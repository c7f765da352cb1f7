"""Render a briefing as markdown, HTML (autoescaped: article text is untrusted), JSON or JSON lines.

Every line cites its sources by a short unique label (outlet and date, see :mod:`.brief_cites`) linked
to the span in newsdesk's web UI, plus a link to the sentence on the original page when its URL is known.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .brief_sections import date_text

if TYPE_CHECKING:
    from .brief import Briefing

_QUOTES = "\"'“”‘’«»"


def render_json(b: Briefing) -> str:
    return json.dumps(b.as_dict(), ensure_ascii=False, indent=2)


def jsonl_rows(b: Briefing) -> Iterator[dict[str, Any]]:
    """One JSON object per briefing line: ``{"section": ..., **item}`` (sources last)."""
    d = b.as_dict()
    yield {"section": "title", "title": d["title"], "story": d["story"]}
    for section in ("summary", "events", "background", "figures", "quotes", "only_here", "sources"):
        for item in d[section]:
            yield {"section": section, **item}


def render_jsonl(b: Briefing) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in jsonl_rows(b))


def quoted(text: str) -> str:
    """The text in quote marks, unless it already opens or closes with one (no doubled marks)."""
    t = text.strip()
    return t if t[:1] in _QUOTES or t[-1:] in _QUOTES else f"“{t}”"


def _md_cite(c: dict[str, Any]) -> str:
    out = f"[{c['label']}{' (copy)' if c.get('copy') else ''}]({c['href']})"
    return out + (f" [↗]({c['url']})" if c.get("url") else "")


def _cites(items: list[dict[str, Any]]) -> str:
    seen, out = set(), []
    for c in (x["cite"] for x in items):
        if c["article"] not in seen:
            seen.add(c["article"])
            out.append(_md_cite(c))
    return "; ".join(out)


def _event_line(e: dict[str, Any]) -> str:
    others = [s["label"] for s in e["sources"] if s["article"] != e["article"]]
    also = f" (also {', '.join(others)})" if others else ""
    return f"- {e['date']}: {e['label']} — {quoted(e['text'])} ({_md_cite(e['cite'])}){also}"


def _statement_line(st: dict[str, Any]) -> str:
    when = f" — c. {st['date']}" if st.get("date") else ""
    if st.get("background"):  # said at an earlier event the article recalls
        when = f" — background, {st['background']}" + (f" (reported c. {st['date']})" if st.get("date") else "")
    return f"  - {quoted(st['text'])}{when} ({_cites(st['variants'])})"


def _ensure_cites(b: Briefing) -> None:
    """A briefing built by hand (not by brief.py) gets its labels and links here."""
    if any("label" not in s for s in b.sources):
        from .brief_cites import add_cites

        add_cites(b, {})


def render_markdown(b: Briefing) -> str:
    _ensure_cites(b)
    out = [f"# {b.title}", "", "## Summary", ""]
    out += [f"- {s['text']} ({_md_cite(s['cite'])})" for s in b.summary] or ["- (no summary)"]
    if b.events:
        out += ["", "## Key events", ""] + [_event_line(e) for e in b.events]
    if b.background:
        out += ["", "### Background (earlier events mentioned)", ""] + [_event_line(e) for e in b.background]
    if b.figures:
        out += ["", "## Figures", ""]
        for f in b.figures:
            out.append(f"- **{f['kind'].capitalize()}: {f['about']}** ({f['note']})")
            out += [f"  - {c['figure']['text']}{' (approx.)' if c['approx'] else ''}: {quoted(c['text'])} "
                    f"({_md_cite(c['cite'])})" for c in f["claims"]]
    if b.quotes:
        out += ["", "## Who said what", ""]
        for sp in b.quotes:
            out.append(f"- **{sp['speaker']}**")
            out += [_statement_line(st) for st in sp["statements"]]
    if b.only_here:
        out += ["", "## Only in one source", ""]
        for o in b.only_here:
            out.append(f"- **{o['label']}**")
            out += [f"  - {it['speaker'] + ': ' if it.get('speaker') else ''}{quoted(it['text'])} "
                    f"({_md_cite(it['cite'])})" for it in o["items"]]
    copies = sum(1 for s in b.sources if s["copy_of"])
    out += ["", "## Sources", "", f"{len(b.sources) - copies} independent"
            + (f", {copies} {'copy' if copies == 1 else 'copies'} (not counted)" if copies else ""), ""]
    for s in b.sources:
        line = f"- **{s['label']}**: {s['title'] or '(no title)'} — {date_text(s)}; id {s['article']}"
        line += f"; <{s['url']}>" if s.get("url") else ""
        if s["copy_of"]:
            line += f" — copy of {s['copy_of_outlet'] or s['copy_of']}, not counted as an independent source"
        out.append(line)
    return "\n".join(out) + "\n"


_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>{{ b.title }}</title></head><body>
{% macro cite(c) %}<cite><a href="{{ c.href }}" data-article="{{ c.article }}" data-start="{{ c.start }}"
data-end="{{ c.end }}" title="{{ c.title or '' }}">{{ c.label }}{% if c.copy %} (copy){% endif %}</a>{% if c.url %}
<a href="{{ c.url }}" rel="noopener noreferrer">↗</a>{% endif %}</cite>{% endmacro %}
{% macro q(t) %}{% if t[:1] in quotes or t[-1:] in quotes %}{{ t }}{% else %}“{{ t }}”{% endif %}{% endmacro %}
{% macro events(items) %}<ul>{% for e in items %}<li>{{ e.date }}: {{ e.label }} — {{ q(e.text) }} ({{ cite(e.cite) }})
{% set others = e.sources | rejectattr("article", "equalto", e.article) | list %}{% if others %}(also
{% for s in others %}{{ s.label }}{% if not loop.last %}, {% endif %}{% endfor %}){% endif %}</li>{% endfor %}</ul>{% endmacro %}
<h1>{{ b.title }}</h1><h2>Summary</h2><ul>{% for s in b.summary %}<li>{{ s.text }} ({{ cite(s.cite) }})</li>
{% endfor %}</ul>{% if b.events %}<h2>Key events</h2>{{ events(b.events) }}{% endif %}
{% if b.background %}<h3>Background (earlier events mentioned)</h3>{{ events(b.background) }}{% endif %}
{% if b.figures %}<h2>Figures</h2><ul>{% for f in b.figures %}<li><b>{{ f.kind|capitalize }}: {{ f.about }}</b>
({{ f.note }})<ul>{% for c in f.claims %}<li>{{ c.figure.text }}{% if c.approx %} (approx.){% endif %}: {{ q(c.text) }}
({{ cite(c.cite) }})</li>{% endfor %}</ul></li>{% endfor %}</ul>{% endif %}
{% if b.quotes %}<h2>Who said what</h2><ul>{% for sp in b.quotes %}<li><b>{{ sp.speaker }}</b><ul>
{% for st in sp.statements %}<li>{{ q(st.text) }}{% if st.background %} — background, {{ st.background }}{% if st.date %}
(reported c. {{ st.date }}){% endif %}{% elif st.date %} — c. {{ st.date }}{% endif %} ({% for v in st.variants %}{{ cite(v.cite) }}{% if not loop.last %};
{% endif %}{% endfor %})</li>{% endfor %}</ul></li>{% endfor %}</ul>{% endif %}
{% if b.only_here %}<h2>Only in one source</h2><ul>{% for x in b.only_here %}<li><b>{{ x.label }}</b><ul>
{% for it in x["items"] %}<li>{% if it.speaker %}{{ it.speaker }}: {% endif %}{{ q(it.text) }} ({{ cite(it.cite) }})</li>
{% endfor %}</ul></li>{% endfor %}</ul>{% endif %}
<h2>Sources</h2><ul>{% for s in b.sources %}<li><b><a href="/articles/{{ s.article }}">{{ s.label }}</a></b>:
{{ s.title or "(no title)" }} — {{ dates[s.article] }}{% if s.url %}; <a href="{{ s.url }}" rel="noopener noreferrer">{{ s.url }}</a>{% endif %}
{% if s.copy_of %} — copy of {{ s.copy_of_outlet or s.copy_of }}, not counted as an independent source{% endif %}</li>
{% endfor %}</ul></body></html>
"""


def render_html(b: Briefing) -> str:
    from jinja2 import Environment

    _ensure_cites(b)
    env = Environment(autoescape=True)
    return env.from_string(_HTML).render(b=b.as_dict(), quotes=_QUOTES,
                                         dates={s["article"]: date_text(s) for s in b.sources})
