"""Plain-text rendering of stored items for the terminal (used by `newsdesk show`)."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from .language import not_available
from .records import ArticleRecord


def _snip(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _speaker_how(q) -> str:
    """' [pronoun 0.85]': how the quote's speaker was found, and how sure that is."""
    if not q.speaker_how:
        return ""
    conf = f" {q.speaker_confidence:.2f}" if q.speaker_confidence is not None else ""
    return f" \\[{q.speaker_how}{conf}]"


def render_article_text(console: Console, rec: ArticleRecord, show_dropped: bool = True) -> None:
    m = rec.meta
    console.print(f"[bold]{escape(m.title or '(no title)')}[/bold]")
    if m.subtitle:
        console.print(escape(m.subtitle))
    for label, value in (("id", rec.id), ("source", rec.source), ("outlet", m.outlet), ("url", m.url),
                         ("published", f"{m.published} (from {m.published_from})" if m.published else None),
                         ("authors", ", ".join(m.authors) or None), ("dateline", f"{m.dateline}, day {m.dateline_day} (no year)" if m.dateline_day else m.dateline),
                         ("language", m.language), ("flags", ", ".join(rec.clean.flags) or None)):
        console.print(f"[dim]{label:>10}[/dim]  {escape(str(value)) if value else '-'}")
    console.print()
    console.print(escape(rec.text))
    names = {e.key: e.name for e in rec.entities}
    sections = [
        ("actors", [f"{escape(x.text)} -> {escape(names.get(x.entity, x.entity))} [{x.how}]" for x in rec.mentions]),
        ("quotes", [f"{escape(q.speaker or q.speaker_description or '?')} ({q.verb or '-'}{', partial' if q.partial else ''})"
                    f"{_speaker_how(q)}: “{escape(_snip(q.text))}”" for q in rec.quotes]),
        ("amounts", [f"{escape(a.text)} = {a.value:g} {escape(a.unit)}{' (approx.)' if a.approx else ''}"
                     f"{' about ' + escape(a.about) if a.about else ''}{' in ' + a.date if a.date else ''}"
                     for a in rec.amounts]),
        ("dates", [f"{escape(t.text)} -> {t.value or 'unresolved'} ({t.precision or '-'})" for t in rec.times]),
        ("places", [f"{escape(p.text)} -> {escape(p.name)}, {p.country or '-'} ({p.lat}, {p.lon})"
                    for p in rec.places]),
        ("events", [f"{e.date or 'date not stated'} {e.type}{'/' + e.mode if e.mode else ''}: "
                    f"{escape(e.title or (e.actor.name or '?') + ' -> ' + (e.target.name if e.target else '-'))} "
                    f"{escape('[' + e.status + ', ' + e.factuality + ']')}\n      “{escape(_snip(e.evidence[0].text, 160))}”"
                    for e in rec.events if e.evidence]),
    ]
    if rec.clean.captions:
        sections.insert(0, ("captions", [escape(_snip(c.text)) for c in rec.clean.captions]))
    if show_dropped:
        sections.append(("dropped", [f"[{escape(d.reason)}] {escape(_snip(d.text, 70))}" for d in rec.clean.dropped]))
    missing = not_available(rec.warnings)
    stage_of = {"dates": "times"}
    for title, lines in sections:
        if stage_of.get(title, title) in missing:
            console.print(f"\n[bold]{title}[/bold] ({missing[stage_of.get(title, title)]})")
            continue
        console.print(f"\n[bold]{title}[/bold] ({len(lines)})")
        for line in lines:
            console.print(f"  {line}", highlight=False)
    for w in rec.warnings:
        if w.startswith("not available for "):
            continue  # shown in place of the empty sections above
        console.print(f"[yellow]warning:[/yellow] {escape(w)}")
