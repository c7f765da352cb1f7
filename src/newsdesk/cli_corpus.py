"""The CLI's corpus commands: stories, timelines, briefings, linking upkeep and coding short texts.

Registered on the ``newsdesk`` group by :mod:`newsdesk.cli`.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from .cli_common import Ctx, console, emit_json, err_console, pass_ctx


@click.command()
@click.argument("actors", nargs=-1)
@click.option("--all", "whole", is_flag=True, help="The whole store's timeline (the default when no ACTORS are given).")
@click.option("--since", help="Events on or after YYYY[-MM[-DD]].")
@click.option("--until", help="Events on or before YYYY[-MM[-DD]].")
@click.option("--top", type=click.IntRange(min=1), default=None, help="Keep the N best-scored days.")
@click.option("--min-sources", type=click.IntRange(min=0), default=0, show_default=True,
              help="Keep days that at least K distinct articles refer to, and rows that K articles report.")
@click.option("--json", "as_json", is_flag=True, help="Print rows and ranked days (with scores) as JSON.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@pass_ctx
def timeline(obj: Ctx, actors: tuple[str, ...], whole: bool, since: str | None, until: str | None, top: int | None,
             min_sources: int, as_json: bool, fmt: str) -> None:
    """Dated history of one actor, of two (a dyad), or of the whole store, with evidence and sources.

    ACTORS are one or two names, QIDs or ISO3 country codes (e.g. `newsdesk timeline CHN RUS`); give
    none (or --all) for the whole store. Each row is one event (told by several articles: one row) or,
    store-wide, a day that articles refer to. A day's score is how many distinct articles refer to it
    by a resolved time expression ("on Thursday the Council voted") or date an event on it by its own
    words; a publication day alone does not count. Undated events are left out.
    """
    import csv

    from rich.markup import escape

    from .corpus.timeline import timeline_rows
    from .views import _snip

    if whole and actors:
        raise click.UsageError("give ACTORS or --all, not both")
    data = timeline_rows(obj.store, list(actors), since=since, until=until, top=top, min_sources=min_sources)
    rows = data["rows"]
    cols = ["date", "date_precision", "title", "type", "place", "score", "dated_by", "articles", "events",
            "evidence", "sources"]
    if as_json:
        emit_json(data)
    elif fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps({k: r[k] for k in cols}, ensure_ascii=False))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(cols[:7] + ["articles", "events", "evidence_article", "evidence_span", "evidence_text", "outlets"])
        for r in rows:
            ev = r["evidence"] or {}
            w.writerow([r["date"], r["date_precision"], r["title"], r["type"], r["place"] or "", r["score"],
                        r["dated_by"] or "", " ".join(r["articles"]), " ".join(r["events"]), ev.get("article", ""),
                        f"{ev['start']}-{ev['end']}" if ev else "", ev.get("text", ""), "|".join(r["outlets"])])
    else:
        table = Table("date", "score", "event", "type", "sources", box=None, pad_edge=False)
        for r in rows:
            ev = (r.get("evidence") or {}).get("text", "")
            table.add_row(r["date"] or "-", f"{r['score']:g}",
                          escape(r["title"]) + (f"\n[dim]“{escape(_snip(ev))}”[/dim]" if ev else ""), r["type"],
                          f"{len(r['articles'])}: " + ", ".join(r["outlets"] or [a[:8] for a in r["articles"]]))
        console.print(table)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON (with each member's evidence) instead of a table.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True,
              help="jsonl: one story per line, with its member articles, their dates and join scores.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True, help="Stories per page.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Stories to skip.")
@click.option("--page", type=click.IntRange(1), default=None, help="Page number (overrides --offset).")
@pass_ctx
def stories(obj: Ctx, as_json: bool, fmt: str, limit: int, offset: int, page: int | None) -> None:
    """List stories (articles about one happening), newest first, one page at a time:
    id, date, title, number of articles, outlets."""
    if page is not None:
        offset = (page - 1) * limit
    rows = obj.store.story_page(limit, offset)
    if as_json or fmt != "table":
        from .corpus.stories import story_report

        rows = story_report(obj.store, rows)
        if fmt == "jsonl":
            for r in rows:
                click.echo(json.dumps(r, ensure_ascii=False))
        else:
            emit_json(rows)
        return
    table = Table("id", "date", "title", "articles", "outlets", box=None, pad_edge=False)
    for r in rows:
        table.add_row(r["id"], r["date"] or "-", r["title"], str(len(r["articles"])), ", ".join(r["outlets"]) or "-")
    console.print(table)
    total = obj.store.count_stories()
    if total > offset + len(rows):
        err_console.print(f"stories {offset + 1}-{offset + len(rows)} of {total}; next: --offset {offset + len(rows)}",
                          highlight=False)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default=None,
              help="Where the per-story and per-block linking work runs: here (default) or on Dask "
                   "(default with --scheduler). Story assignment always runs here.")
@click.option("--scheduler", envvar="NEWSDESK_SCHEDULER", default=None,
              help="Dask scheduler address (tcp://host:8786); without it --engine dask starts a local cluster.")
@click.option("--workers", type=int, default=None, help="Local Dask worker processes (default: up to 2 cores).")
@pass_ctx
def relink(obj: Ctx, as_json: bool, engine: str | None, scheduler: str | None, workers: int | None) -> None:
    """Link every pending article (stored by an ingest that was interrupted before linking it), then
    synthesise the stories left waiting.

    Exit code 0: nothing left pending; 2: bad options; 4: a store error stopped it (re-run to go on).
    """
    from contextlib import nullcontext

    from .corpus.link import link_pending

    engine = engine or ("dask" if scheduler else "local")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if engine == "dask":
        from .engine.link_map import DaskSession

        session: Any = DaskSession(obj.settings, scheduler, workers)
    else:
        session = nullcontext()
    progress = Progress(TextColumn("[bold]link"), BarColumn(), MofNCompleteColumn(), console=err_console,
                        disable=as_json, transient=True)
    with progress, session:
        task = progress.add_task("", total=obj.store.count_pending() or None)
        done = link_pending(obj.store, obj.settings, on_batch=lambda n, total: progress.update(task, completed=n),
                            mapper=session.mapper() if engine == "dask" else None)
    left = obj.store.count_pending()
    if as_json:
        emit_json({"linked": done, "pending": left, "pending_synthesis": obj.store.count_pending_synthesis()})
    else:
        console.print(f"{done} articles linked; {left} pending")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_ctx
def check(obj: Ctx, as_json: bool) -> None:
    """Report pending links, stories waiting for synthesis and integrity problems of the store.

    Exit code 0: fully linked and consistent; 1: links or synthesis pending, or problems found
    (`newsdesk relink`).
    """
    from .corpus.link import check as check_store

    report = check_store(obj.store)
    if as_json:
        emit_json(report)
    else:
        for k, v in report.items():
            if k != "ok":
                console.print(f"{k:26s} {v}", highlight=False)
        console.print("ok" if report["ok"] else "problems found: run `newsdesk relink`", highlight=False)
    sys.exit(0 if report["ok"] else 1)


@click.command()
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print what changed as JSON.")
@pass_ctx
def delete(obj: Ctx, article_id: str, as_json: bool) -> None:
    """Delete one article and everything derived from it; its story, copies, merged events, people and
    figures are linked again without it. ARTICLE_ID may be a unique prefix. Exit code 2: no such article."""
    from .corpus.delete import delete_article

    result = delete_article(obj.store, obj.store.resolve_article_id(article_id), obj.settings)
    if as_json:
        emit_json(result)
    else:
        console.print(f"deleted {result['deleted']}" + (f" (story {result['story']} re-clustered)"
                                                          if result["story"] else ""), highlight=False)


@click.command()
@click.argument("story_id", required=False)
@click.option("--actor", "actors", multiple=True, help="Brief every article involving these actors (repeatable).")
@click.option("--since", help="With --actor: published on or after YYYY-MM-DD.")
@click.option("--until", help="With --actor: published on or before YYYY-MM-DD.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json", "jsonl"]), default="md", show_default=True,
              help="jsonl: one line per briefing item (section, text, cite with article, span and links).")
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@pass_ctx
def brief(obj: Ctx, story_id: str | None, actors: tuple[str, ...], since: str | None, until: str | None,
          fmt: str, as_json: bool) -> None:
    """Cited briefing of a story (STORY_ID) or of actors (--actor CHN --actor RUS): summary, events,
    figures that agree or conflict, who said what, what only one outlet reports, and the sources."""
    from .corpus.brief import brief_actors, brief_story, render_html, render_json, render_jsonl, render_markdown

    if bool(story_id) == bool(actors):
        raise click.UsageError("give a STORY_ID or --actor, not both")
    b = brief_story(obj.store, story_id) if story_id else brief_actors(obj.store, list(actors), since, until)
    fmt = "json" if as_json else fmt
    click.echo({"md": render_markdown, "html": render_html, "json": render_json, "jsonl": render_jsonl}[fmt](b),
               nl=fmt != "jsonl")


@click.command("code")
@click.argument("text", required=False)
@click.option("--file", "path", type=click.Path(dir_okay=False), help="Code the text of this file instead.")
@click.option("--date", "published", default=None,
              help="Day the text was published (YYYY-MM-DD); 'on Tuesday' resolves against it. Default: today (UTC).")
@click.option("--json", "as_json", is_flag=True, help="Print the events as JSON.")
@pass_ctx
def code_cmd(obj: Ctx, text: str | None, path: str | None, published: str | None, as_json: bool) -> None:
    """Code TEXT (a sentence to a whole article; `-` reads stdin) into PLOVER events, without storing it.

    No article checks apply (any length). Prints each event's type, mode, actor, target, date (and where
    it came from), status/factuality, title and evidence sentence. Exit code 0: coded (even with no event);
    2: no text given or file not found; 3: text rejected (empty, over the size cap, bad --date).
    """
    import datetime as dt

    from rich.markup import escape

    from .coding import code, event_dict
    from .errors import NotFound
    from .pipeline import actor_files_tuple

    if (text is None) == (path is None):
        raise click.UsageError("give TEXT (or - for stdin) or --file PATH")
    source = "stdin" if text == "-" else (path or "text")
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise NotFound(f"{path}: no such file")
        text = p.read_bytes().decode("utf-8", errors="replace")
    elif text == "-":
        text = sys.stdin.read()
    published = published or dt.datetime.now(dt.timezone.utc).date().isoformat()
    events = [event_dict(e) for e in code(text, obj.settings, published=published, source=source,
                                          actor_files=actor_files_tuple(obj.actors))]
    if as_json:
        emit_json({"published": published, "events": events})
        return
    if not events:
        console.print("no events found", highlight=False)
        return

    def party(p: dict[str, Any] | None) -> str:
        if not p:
            return "-"
        extra = ", ".join(x for x in (p.get("country"), p.get("sector") and f"sector {p['sector']}") if x)
        return f"{p.get('name') or '?'}" + (f" ({extra})" if extra else "")

    for n, e in enumerate(events, 1):
        when = f"{e['date']} ({e['date_from']})" if e["date"] else "date not stated"
        console.print(f"[bold]{n}. {e['type']}{'/' + e['mode'] if e['mode'] else ''}[/bold]  {when}  "
                      f"{e['status']}, {e['factuality']}", highlight=False)
        console.print(f"   {escape(e['title'] or '-')}", highlight=False)
        console.print(f"   actor: {escape(party(e['actor']))}  target: {escape(party(e['target']))}"
                      + (f"  place: {escape(e['location']['name'])}" if e.get("location") else ""), highlight=False)
        if e["evidence"]:
            console.print(f"   [dim]“{escape(e['evidence']['text'])}”[/dim]", highlight=False)


COMMANDS = (timeline, stories, relink, check, delete, brief, code_cmd)
