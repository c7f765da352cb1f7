"""Run the per-article pipeline on this machine: in-process, or in a pool of worker processes."""
from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice

from ..config import Settings
from ..errors import RejectedInput
from ..pipeline import load_models, process_batch
from ..records import ArticleRecord, RawDoc

_worker_state: dict = {}


def _init_worker(actor_files: tuple[str, ...], settings: Settings) -> None:
    _worker_state["models"] = load_models(actor_files)
    _worker_state["settings"] = settings


def _work(batch: list[RawDoc]) -> list[ArticleRecord | RejectedInput]:
    return process_batch(batch, _worker_state["models"], _worker_state["settings"])


def batches(items: Iterable[RawDoc], size: int) -> Iterator[list[RawDoc]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def run_local(raws: Iterable[RawDoc], settings: Settings, actor_files: tuple[str, ...] = (),
              workers: int | None = None) -> Iterator[ArticleRecord | RejectedInput]:
    """Process documents in order, streaming: memory stays flat however many there are."""
    workers = settings.workers if workers is None else workers
    chunks = batches(raws, settings.batch_size)
    if workers <= 1:
        models = load_models(actor_files)
        for chunk in chunks:
            yield from process_batch(chunk, models, settings)
        return
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(actor_files, settings)) as pool:
        for result in pool.imap(_work, chunks):
            yield from result
