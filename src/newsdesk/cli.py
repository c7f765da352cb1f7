"""Command-line interface: a thin layer over the library. Each command wraps one library call."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from . import __version__
from .config import Settings, load_settings
from .errors import NewsdeskError
from .store import Store, open_store

# Piped output keeps whole lines (ids, titles) instead of wrapping to an 80-column guess.
console = Console() if sys.stdout.isatty() else Console(width=240)
err_console = Console(stderr=True, soft_wrap=True)  # an error or rejection stays one line


class Ctx:
    def __init__(self, settings: Settings, actors: tuple[str, ...]) -> None:
        self.settings = settings
        self.actors = actors
        self._store: Store | None = None
        self.may_create = False  # set by the commands that create a missing store file (ingest, serve)

    @property
    def store(self) -> Store:
        if self._store is None:
            from .store_check import check_db, open_db

            check_db(self.settings.db, may_create=self.may_create)
            self._store = open_db(self.settings.db)
        return self._store


pass_ctx = click.make_pass_decorator(Ctx)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


class NewsdeskGroup(click.Group):
    """Turns library errors into one line on stderr and a meaningful exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NewsdeskError as exc:
            err_console.print(f"[red]error:[/red] {exc}", highlight=False, markup=True)
            sys.exit(exc.exit_code)


@click.group(cls=NewsdeskGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsdesk")
@click.option("--db", envvar="NEWSDESK_DB", default="newsdesk.db", show_default=True,
              help="SQLite file path or database URL (sqlite:///…, postgresql://…).")
@click.option("--actors", "actors", multiple=True, type=click.Path(exists=True, dir_okay=False),
              envvar="NEWSDESK_ACTORS", help="Extra actor file(s) extending the bundled registry (repeatable).")
@click.pass_context
def cli(ctx: click.Context, db: str, actors: tuple[str, ...]) -> None:
    """newsdesk: turn news articles into sourced, linked event data."""
    ctx.obj = Ctx(load_settings(db=db), actors)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--replace", is_flag=True, help="Re-process articles that are already stored.")
@click.option("--workers", type=int, default=None, help="Worker processes (default: up to 2 cores).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default=None,
              help="Where articles are processed: this machine (default) or Dask (default with --scheduler).")
@click.option("--scheduler", envvar="NEWSDESK_SCHEDULER", default=None,
              help="Dask scheduler address (tcp://host:8786); without it --engine dask starts a local cluster.")
@click.option("--min-words", type=click.IntRange(min=1), default=None,
              help="Store items with at least this many body words (default 40; 1 stores headlines and "
                   "one-sentence wire snippets). Also NEWSDESK_MIN_WORDS.")
@click.option("--english-only", is_flag=True, default=None,
              help="Reject articles not in English (default: store every language; stages that need "
                   "English are marked 'not available'). Also NEWSDESK_ENGLISH_ONLY=1.")
@pass_ctx
def ingest(obj: Ctx, paths: tuple[str, ...], replace: bool, workers: int | None, as_json: bool,
           engine: str | None, scheduler: str | None, min_words: int | None, english_only: bool | None) -> None:
    """Ingest article files and folders (text, HTML, JSON Lines), recursively.

    The store file (--db) is created if missing; its folder must exist.
    Exit code 0: everything stored or already there; 1: some inputs were rejected (see `newsdesk rejects`);
    4: the store failed or ingest crashed (one line on stderr); 5: the spaCy model is missing.
    """
    from dataclasses import replace as replace_settings

    from .ingest import count_inputs, ingest_paths

    obj.may_create = True
    if min_words is not None or english_only:
        overrides = {k: v for k, v in (("min_article_words", min_words), ("english_only", english_only))
                     if v is not None}
        obj.settings = replace_settings(obj.settings, **overrides)
    engine = engine or ("dask" if scheduler else "local")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    total = count_inputs(paths)
    rejected_lines: list[str] = []
    progress = Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        TextColumn("{task.description}"), console=err_console, disable=as_json,
                        transient=True)
    with progress:
        task = progress.add_task("", total=total or None)
        seen_files: set[str] = set()

        def on_item(source: str, outcome: str) -> None:
            if outcome == "rejected":
                rejected_lines.append(source)
            path = source.split("#L", 1)[0]
            if path not in seen_files:
                seen_files.add(path)
                progress.advance(task)
            progress.update(task, description=Path(path).name[:40])

        report = _run_ingest(lambda: ingest_paths(paths, obj.store, obj.settings, obj.actors, replace=replace,
                                                  on_item=on_item, workers=workers, engine=engine,
                                                  scheduler=scheduler))
    if as_json:
        emit_json(report.as_dict())
    else:
        for r in report.rejected:
            err_console.print(f"rejected {r.source}: {r.reason}", highlight=False, markup=False)
        console.print(f"{len(report.added)} added, {len(report.unchanged)} unchanged, "
                      f"{len(report.rejected)} rejected; {obj.store.count_articles()} articles in the store")
    sys.exit(0 if report.ok else 1)


def _run_ingest(run: Any) -> Any:
    """Run an ingest; a crash is one line and exit code 4 (never 1, which means "some inputs rejected")."""
    from sqlalchemy.exc import SQLAlchemyError

    from .errors import StoreError

    try:
        return run()
    except NewsdeskError:
        raise
    except SQLAlchemyError as exc:
        raise StoreError(f"store error during ingest: {' '.join(str(exc).split())[:200]}") from None
    except Exception as exc:  # noqa: BLE001 - a crash is reported in one line with exit code 4
        raise StoreError(f"ingest failed: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}") from None


@cli.command()
@click.option("--outlet", help="Only this outlet.")
@click.option("--since", help="Published on or after YYYY-MM-DD.")
@click.option("--until", help="Published on or before YYYY-MM-DD.")
@click.option("--search", "query", help="Full-text search in titles and text.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many (newest first).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@pass_ctx
def articles(obj: Ctx, outlet: str | None, since: str | None, until: str | None, query: str | None,
             limit: int | None, as_json: bool) -> None:
    """List stored articles: id, outlet, published, title (the same list as /api/articles and /articles)."""
    from .read import list_articles

    rows = list_articles(obj.store, outlet=outlet, since=since, until=until, q=query, limit=limit or 10**9,
                         most=10**9, actor_files=obj.actors)["items"]
    if as_json:
        emit_json(rows)
        return
    table = Table(box=None, pad_edge=False)
    for name in ("id", "outlet", "published"):
        table.add_column(name, no_wrap=True)
    table.add_column("title", overflow="ellipsis", no_wrap=True)
    table.add_column("copy of", no_wrap=True)
    for r in rows:
        date = r["published"] or (f"c. {r['date_estimated']}" if r["date_estimated"] else "-")
        copy = (r["duplicate_outlet"] or r["duplicate_of"][:8]) if r["duplicate_of"] else ""
        table.add_row(r["id"], r["outlet"] or "-", date, r["title"] or "-", copy)
    console.print(table)


@cli.command()
@click.argument("article_id")
@click.option("--dropped/--no-dropped", default=True, help="List the passages removed as boilerplate.")
@click.option("--json", "as_json", is_flag=True, help="Print the whole stored record as JSON.")
@pass_ctx
def show(obj: Ctx, article_id: str, dropped: bool, as_json: bool) -> None:
    """Show one article: metadata, clean text, removed boilerplate and extracted items.

    ARTICLE_ID may be a unique prefix of the id.
    """
    from .records import to_dict
    from .views import render_article_text

    rec = obj.store.get_record(obj.store.resolve_article_id(article_id))
    if as_json:
        data = to_dict(rec)
        data.pop("raw", None)
        data["clean"].pop("source_text", None)
        emit_json(data)
        return
    render_article_text(console, rec, show_dropped=dropped)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON (source, reason, at) instead of lines.")
@pass_ctx
def rejects(obj: Ctx, as_json: bool) -> None:
    """List inputs that were rejected, with the reason."""
    from .read import list_rejects

    rows = list_rejects(obj.store)["items"]
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        console.print(f"{r['source']}: {r['reason']}", highlight=False, markup=False)


@cli.command()
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="Folder to write into.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("--only", multiple=True, help="Only these files (articles, entities, quotes, ...).")
@pass_ctx
def export(obj: Ctx, out: str, fmt: str, only: tuple[str, ...]) -> None:
    """Export the store: articles, entities, quotes, amounts, times, events, stories, ..."""
    from .export import export_all

    counts = export_all(obj.store, out, fmt, list(only) or None)
    for name, n in counts.items():
        console.print(f"{n:6d}  {Path(out) / name}", highlight=False)


@cli.command()
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


@cli.command()
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


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@pass_ctx
def relink(obj: Ctx, as_json: bool) -> None:
    """Link every pending article (stored by an ingest that was interrupted before linking it).

    Exit code 0: nothing left pending; 4: a store error stopped it (re-run to go on).
    """
    from .corpus.link import link_pending

    progress = Progress(TextColumn("[bold]link"), BarColumn(), MofNCompleteColumn(), console=err_console,
                        disable=as_json, transient=True)
    with progress:
        task = progress.add_task("", total=obj.store.count_pending() or None)
        done = link_pending(obj.store, obj.settings, on_batch=lambda n, total: progress.update(task, completed=n))
    left = obj.store.count_pending()
    if as_json:
        emit_json({"linked": done, "pending": left})
    else:
        console.print(f"{done} articles linked; {left} pending")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_ctx
def check(obj: Ctx, as_json: bool) -> None:
    """Report pending links and integrity problems of the store.

    Exit code 0: fully linked and consistent; 1: links pending or problems found (`newsdesk relink`).
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


@cli.command()
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


@cli.command()
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


KEEP_ALIVE_S = 30  # uvicorn's 5 s default drops busy clients' idle connections mid-reuse (ReadError)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Server processes (uvicorn workers); each reads the store on its own.")
@pass_ctx
def serve(obj: Ctx, host: str, port: int, workers: int) -> None:
    """Serve the REST API (/docs) and the web UI.

    Only loopback Host names are served unless NEWSDESK_ALLOWED_HOSTS lists others (DNS rebinding).
    """
    import os

    import uvicorn

    obj.may_create = True  # a new store can be filled from the upload page
    obj.store  # migrate before serving, so errors surface here  # noqa: B018
    if workers == 1:
        from .server.app import create_app

        uvicorn.run(create_app(obj.settings, actor_files=obj.actors), host=host, port=port, log_level="info",
                    timeout_graceful_shutdown=10, timeout_keep_alive=KEEP_ALIVE_S)
        return
    # worker processes build the app from the environment (uvicorn imports it by name in each one)
    os.environ["NEWSDESK_DB"] = obj.settings.db
    os.environ["NEWSDESK_ACTORS"] = os.pathsep.join(obj.actors)
    if obj.settings.allowed_hosts:
        os.environ["NEWSDESK_ALLOWED_HOSTS"] = ",".join(obj.settings.allowed_hosts)
    uvicorn.run("newsdesk.server.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="info", timeout_graceful_shutdown=10, timeout_keep_alive=KEEP_ALIVE_S)


@cli.command("code")
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


def main() -> None:
    cli(prog_name="newsdesk")


if __name__ == "__main__":
    main()
