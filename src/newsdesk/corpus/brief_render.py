"""Render a briefing as markdown, HTML (autoescaped: article text is untrusted) or JSON; every line cites a span."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .brief_sections import date_text

if TYPE_CHECKING:
    from .brief import Briefing


def render_json(b: Briefing) -> str:
    return json.dumps(b.as_dict(), ensure_ascii=False, indent=2)


def _cite(item: dict[str, Any], outlets: dict[str, str]) -> str:
    return f"[{outlets.get(item['article']) or item['article'][:8]} {item['start']}-{item['end']}]"


def _outlet(c: dict[str, Any]) -> str:
    return f"{c['outlet']} (copy of {c['copy_of_outlet']})" if c.get("copy_of_outlet") else str(c["outlet"])


def _event_line(e: dict[str, Any], outlets: dict[str, str]) -> str:
    when = e["date"] or "date not stated"
    status = " (planned)" if e["status"] == "planned" else ""
    srcs = ", ".join(s["outlet"] or s["article"][:8] for s in e["sources"])
    return f"- {when}{status}: {e['label']} — {srcs}: \"{e['text']}\" {_cite(e, outlets)}"


def render_markdown(b: Briefing) -> str:
    outlets = {s["article"]: s["outlet"] or s["article"][:8] for s in b.sources}
    out = [f"# {b.title}", "", "## Summary", ""]
    out += [f"- {s['text']} {_cite(s, outlets)}" for s in b.summary] or ["- (no summary)"]
    if b.events:
        out += ["", "## Key events", ""] + [_event_line(e, outlets) for e in b.events]
    if b.background:
        out += ["", "### Background", ""] + [_event_line(e, outlets) for e in b.background]
    if b.figures:
        out += ["", "## Figures", ""]
        for f in b.figures:
            out.append(f"- **{f['kind'].capitalize()}: {f['about']}** ({f['note']})")
            out += [f"  - {_outlet(c)}: {c['figure']['text']}{' (approx.)' if c['approx'] else ''}: "
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
    out += [f"- {s['outlet'] or '?'}, {date_text(s)}: {s['title'] or ''} ({s['article']})"
            + (f" — copy of {s['copy_of_outlet'] or s['copy_of']}" if s["copy_of"] else "") for s in b.sources]
    return "\n".join(out) + "\n"


_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>{{ b.title }}</title></head><body>
{% macro cite(x, art) %}<cite data-article="{{ art }}" data-start="{{ x.start }}" data-end="{{ x.end }}">{{ o.get(art) or art }}</cite>{% endmacro %}
{% macro events(items) %}<ul>{% for e in items %}<li>{{ e.date or "date not stated" }}{% if e.status == "planned" %}
(planned){% endif %}: {{ e.label }} — {% for s in e.sources %}{{ s.outlet }}{% if not loop.last %}, {% endif %}{% endfor %}:
“{{ e.text }}” {{ cite(e, e.article) }}</li>{% endfor %}</ul>{% endmacro %}
<h1>{{ b.title }}</h1><h2>Summary</h2><ul>{% for s in b.summary %}<li>{{ s.text }} {{ cite(s, s.article) }}</li>
{% endfor %}</ul>{% if b.events %}<h2>Key events</h2>{{ events(b.events) }}{% endif %}
{% if b.background %}<h3>Background</h3>{{ events(b.background) }}{% endif %}
{% if b.figures %}<h2>Figures</h2><ul>{% for f in b.figures %}<li><b>{{ f.kind|capitalize }}: {{ f.about }}</b>
({{ f.note }})<ul>{% for c in f.claims %}<li>{{ c.outlet }}{% if c.copy_of_outlet %} (copy of {{ c.copy_of_outlet }}){% endif %}:
{{ c.figure.text }}{% if c.approx %} (approx.){% endif %}: “{{ c.text }}” {{ cite(c, c.article) }}</li>
{% endfor %}</ul></li>{% endfor %}</ul>{% endif %}{% if b.quotes %}<h2>Who said what</h2><ul>{% for sp in b.quotes %}
<li><b>{{ sp.speaker }}</b><ul>{% for st in sp.statements %}<li>{% for v in st.variants %}“{{ v.text }}”
{{ cite(v, v.article) }}{% if not loop.last %}<br>variant: {% endif %}{% endfor %}</li>{% endfor %}</ul></li>
{% endfor %}</ul>{% endif %}{% if b.only_here %}<h2>Only in one source</h2><ul>{% for x in b.only_here %}
<li><b>{{ x.outlet }}</b><ul>{% for it in x["items"] %}<li>{% if it.speaker %}{{ it.speaker }}: {% endif %}“{{ it.text }}”
{{ cite(it, x.article) }}</li>{% endfor %}</ul></li>{% endfor %}</ul>{% endif %}
<h2>Sources</h2><ul>{% for s in b.sources %}<li>{{ s.outlet }}, {{ dates[s.article] }}: {{ s.title }}
{% if s.copy_of %} — copy of {{ s.copy_of_outlet or s.copy_of }}{% endif %}</li>{% endfor %}</ul></body></html>
"""


def render_html(b: Briefing) -> str:
    from jinja2 import Environment

    env = Environment(autoescape=True)
    return env.from_string(_HTML).render(b=b.as_dict(), o={s["article"]: s["outlet"] for s in b.sources},
                                         dates={s["article"]: date_text(s) for s in b.sources})
