"""Library entry point for ingestion: read inputs, run the pipeline, store, update corpus links."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Settings
from .engine.local import run_local
from .errors import RejectedInput
from .pipeline import actor_files_tuple, article_id
from .readers import Rejection, read_file, walk
from .records import ArticleRecord, RawDoc
from .store import Store

if TYPE_CHECKING:
    from .engine.link_map import DaskSession


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected

    def as_dict(self) -> dict:
        return {"added": self.added, "unchanged": self.unchanged,
                "rejected": [{"source": r.source, "reason": r.reason} for r in self.rejected]}


def run_engine(engine: str, raws: Iterable[RawDoc], settings: Settings, actor_files: tuple[str, ...],
               workers: int | None = None, scheduler: str | None = None,
               session: DaskSession | None = None) -> Iterator[ArticleRecord | RejectedInput]:
    """Dispatch to an engine; Dask is imported only when asked for."""
    if engine == "dask":
        from .engine.dask import run_dask

        return run_dask(raws, settings, actor_files, scheduler=scheduler, workers=workers, session=session)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (local, dask)")
    if scheduler:
        raise ValueError("a scheduler address needs engine='dask'")
    return run_local(raws, settings, actor_files, workers=workers)


def ingest_docs(docs: Iterable[RawDoc | Rejection], store: Store, settings: Settings,
                actor_files: Iterable[str | Path] = (), replace: bool = False,
                on_item: Callable[[str, str], None] | None = None, workers: int | None = None,
                engine: str = "local", scheduler: str | None = None, session: DaskSession | None = None) -> IngestReport:
    """Process and store documents, then link every pending article; stored ones are skipped unless ``replace``.

    ``on_item(source, outcome)`` is called once per input ("added", "unchanged", "rejected").
    ``engine``: "local" (this machine) or "dask" (a LocalCluster, or the cluster at ``scheduler``; the
    pipeline and the per-story/per-block linking work share it through one ``session``).
    """
    if engine == "dask" and session is None:  # one cluster, started on first use, for the pipeline and linking
        from .engine.link_map import DaskSession

        with DaskSession(settings, scheduler, workers) as session:
            return ingest_docs(docs, store, settings, actor_files, replace, on_item, workers, engine, scheduler,
                               session)
    report = IngestReport()
    note = on_item or (lambda source, outcome: None)

    def todo() -> Iterator[RawDoc]:
        for doc in docs:
            if isinstance(doc, Rejection):
                with store.writer():
                    store.record_rejection(doc.source, doc.reason)
                report.rejected.append(doc)
                note(doc.source, "rejected")
            elif not replace and store.has_article(article_id(doc)):
                report.unchanged.append(article_id(doc))
                note(doc.source, "unchanged")
            else:
                yield doc

    for result in run_engine(engine, todo(), settings, actor_files_tuple(actor_files), workers, scheduler, session):
        if isinstance(result, RejectedInput):
            with store.writer():
                store.record_rejection(result.source, result.reason)
            report.rejected.append(Rejection(result.source, result.reason))
            note(result.source, "rejected")
            continue
        if replace and store.has_article(result.id):  # re-ingest: unlink the old version first (same cascade as delete)
            from .corpus.delete import delete_article

            delete_article(store, result.id, settings)
        with store.writer():  # waits while another process links (SQLite would give up after busy_timeout)
            saved = store.save_record(result, replace=replace)
        if saved:
            report.added.append(result.id)
            note(result.source, "added")
        else:  # the same article twice in one batch
            report.unchanged.append(result.id)
            note(result.source, "unchanged")
    # every pending article, this run's and any an interrupted run left, in the same batches an
    # uninterrupted run would have linked
    from .corpus.link import link_pending

    link_pending(store, settings, mapper=session.mapper() if session is not None else None)
    return report


def ingest_paths(paths: Iterable[str | Path], store: Store, settings: Settings,
                 actor_files: Iterable[str | Path] = (), replace: bool = False,
                 on_item: Callable[[str, str], None] | None = None, workers: int | None = None,
                 engine: str = "local", scheduler: str | None = None) -> IngestReport:
    """Ingest files and folders (recursively)."""
    files = list(walk(paths))
    docs = (doc for f in files for doc in ([f] if isinstance(f, Rejection) else read_file(f, settings)))
    return ingest_docs(docs, store, settings, actor_files, replace, on_item, workers, engine, scheduler)


def count_inputs(paths: Iterable[str | Path]) -> int:
    return sum(1 for _ in walk(paths))
