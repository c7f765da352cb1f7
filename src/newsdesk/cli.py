"""Command-line interface: a thin layer over the library. Each command wraps one library call.

The group, ingest and the article commands live here; the corpus commands in :mod:`newsdesk.cli_corpus`."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from . import __version__
from .cli_common import Ctx, console, emit_json, err_console, pass_ctx
from .cli_corpus import COMMANDS
from .config import load_settings
from .errors import NewsdeskError


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
    os.environ.setdefault("NEWSDESK_READ_CACHE_SHARED", "1")  # a read made by one worker serves all
    if obj.settings.allowed_hosts:
        os.environ["NEWSDESK_ALLOWED_HOSTS"] = ",".join(obj.settings.allowed_hosts)
    from .server.run import serve_workers

    serve_workers(host, port, workers, log_level="info", timeout_graceful_shutdown=10,
                  timeout_keep_alive=KEEP_ALIVE_S)


for _command in COMMANDS:
    cli.add_command(_command)


def main() -> None:
    cli(prog_name="newsdesk")


if __name__ == "__main__":
    main()
