"""Run the per-article pipeline on a Dask cluster: the same batches and results as the local engine.

Without a scheduler address a LocalCluster lives for the duration of the call; with one, the call
connects to a running cluster (see ``scripts/dask-cluster.sh``). Workers load the models once per
process (``load_models`` is cached), so tasks only carry documents and records.
"""
from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import replace
from itertools import chain

from distributed import Client, Future

from ..config import Settings
from ..errors import NewsdeskError, RejectedInput
from ..pipeline import Models, load_models, process_batch
from ..records import ArticleRecord, RawDoc
from .link_map import DaskSession
from .local import batches

Result = ArticleRecord | RejectedInput

WORKER_WAIT_S = 120
_load_lock = threading.Lock()  # a worker started with several threads must not load the models twice


def _models(actor_files: tuple[str, ...]) -> Models:
    with _load_lock:
        return load_models(actor_files)


def _warm(actor_files: tuple[str, ...]) -> None:
    """Load the models on one worker; a worker that cannot (missing actor file) fails here, early."""
    _models(actor_files)


def _run_batch(batch: list[RawDoc], settings: Settings, actor_files: tuple[str, ...]) -> list[Result]:
    return process_batch(batch, _models(actor_files), settings)


def _failed(exc: BaseException) -> str:
    return f"worker failed: {type(exc).__name__}: {exc}"[:500]


def _check_alive(client: Client, exc: BaseException) -> None:
    """A lost scheduler is not a bad batch: stop instead of rejecting everything that follows."""
    if client.status != "running":
        raise NewsdeskError(f"lost the Dask scheduler: {type(exc).__name__}: {exc}") from exc


def _retry_singly(client: Client, batch: list[RawDoc], settings: Settings,
                  actor_files: tuple[str, ...]) -> list[Result]:
    """A batch failed on its worker: run each document on its own so only the culprit is rejected."""
    futures = [client.submit(_run_batch, [doc], settings, actor_files, pure=False) for doc in batch]
    out: list[Result] = []
    for doc, fut in zip(batch, futures):
        try:
            out.extend(fut.result())
        except Exception as exc:  # noqa: BLE001 - any worker error becomes this document's rejection
            _check_alive(client, exc)
            out.append(RejectedInput(doc.source, _failed(exc)))
    return out


def _prepare_workers(client: Client, actor_files: tuple[str, ...]) -> int:
    """Wait for a worker, load the models on every worker now, and return the cluster's thread count."""
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT_S)
    except TimeoutError as exc:
        raise NewsdeskError(f"no Dask worker joined the scheduler within {WORKER_WAIT_S} s") from exc
    nthreads = client.nthreads()
    warm = [client.submit(_warm, actor_files, workers=[addr], allow_other_workers=False, pure=False)
            for addr in nthreads]
    for addr, fut in zip(nthreads, warm):
        try:
            fut.result()
        except Exception as exc:  # noqa: BLE001 - reported as one line naming the worker
            raise NewsdeskError(f"Dask worker {addr} cannot load the models: {type(exc).__name__}: {exc}") from exc
    return max(1, sum(nthreads.values()))


def run_on_client(client: Client, raws: Iterable[RawDoc], settings: Settings,
                  actor_files: tuple[str, ...] = ()) -> Iterator[Result]:
    """Process documents on ``client``'s cluster in input order, with bounded work in flight."""
    # Workers need no database URL or API token; keep secrets off the wire.
    task_settings = replace(settings, db="", token=None)
    window = 2 * _prepare_workers(client, actor_files)
    pending: deque[tuple[list[RawDoc], Future]] = deque()
    chunks = batches(raws, settings.batch_size)
    try:
        for chunk in chunks:
            pending.append((chunk, client.submit(_run_batch, chunk, task_settings, actor_files, pure=False)))
            if len(pending) >= window:
                yield from _collect(client, *pending.popleft(), task_settings, actor_files)
        while pending:
            yield from _collect(client, *pending.popleft(), task_settings, actor_files)
    finally:
        if pending and client.status == "running":
            client.cancel([fut for _, fut in pending])


def _collect(client: Client, chunk: list[RawDoc], fut: Future, settings: Settings,
             actor_files: tuple[str, ...]) -> list[Result]:
    try:
        return fut.result()
    except Exception as exc:  # noqa: BLE001 - one failed batch must not lose its documents
        _check_alive(client, exc)
        return _retry_singly(client, chunk, settings, actor_files)
    finally:
        fut.release()


def run_dask(raws: Iterable[RawDoc], settings: Settings, actor_files: tuple[str, ...] = (),
             scheduler: str | None = None, workers: int | None = None,
             session: DaskSession | None = None) -> Iterator[Result]:
    """Like :func:`newsdesk.engine.local.run_local`, on Dask.

    ``scheduler``: address of a running scheduler (``tcp://host:8786``); without one a LocalCluster of
    ``workers`` (default ``settings.workers``) single-threaded processes is started and closed here.
    ``session``: an open :class:`~newsdesk.engine.link_map.DaskSession` to run on instead (ingest shares
    it with corpus linking); it stays open.
    On a cluster, actor files must be readable at the same paths on every worker (checked up front).
    Call it under a ``if __name__ == "__main__":`` guard: worker processes are spawned.
    """
    docs = iter(raws)
    first = next(docs, None)
    if first is None:  # nothing to do (e.g. every input already stored): start no cluster
        return
    with ExitStack() as stack:
        if session is None:
            session = stack.enter_context(DaskSession(settings, scheduler, workers))
        yield from run_on_client(session.client, chain([first], docs), settings, actor_files)
