"""Mappers for the pure per-block linking work: serial here, or on the Dask cluster the pipeline uses.

Corpus linking reads its inputs from the store in the main process, maps a pure function over
plain-data items (one story, one claim block, one group of claims) and writes the results back in
the same transaction. A mapper is any ``mapper(fn, items) -> list`` that returns ``[fn(x) for x in
items]`` in input order; :func:`serial_map` is the default. :class:`DaskMapper` sends chunks of items
to a Dask client, so the results, and the store they are written to, are the same as the serial run.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, ExitStack
from typing import Any, TypeVar

from ..config import Settings
from ..errors import NewsdeskError

T = TypeVar("T")
R = TypeVar("R")
Mapper = Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]

CONNECT_TIMEOUT_S = 10
WORKER_WAIT_S = 120
TASKS_PER_THREAD = 4  # chunks per worker thread: enough to even out uneven items, few enough to keep overhead low


def serial_map(fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """The default mapper: this process, in order."""
    return [fn(x) for x in items]


def _run_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [fn(x) for x in chunk]


class DaskSession(AbstractContextManager):
    """A Dask client opened on first use: the cluster at ``scheduler``, else a LocalCluster of ``workers``
    single-threaded processes. An ingest with nothing to process or link starts no cluster."""

    def __init__(self, settings: Settings, scheduler: str | None = None, workers: int | None = None) -> None:
        self.settings, self.scheduler, self.workers = settings, scheduler, workers
        self._stack = ExitStack()
        self._client: Any = None

    @property
    def client(self) -> Any:
        if self._client is None:
            from distributed import Client, LocalCluster

            if self.scheduler:
                try:
                    self._client = self._stack.enter_context(Client(self.scheduler, timeout=CONNECT_TIMEOUT_S))
                except (OSError, TimeoutError) as exc:
                    raise NewsdeskError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from exc
            else:
                n = self.settings.workers if self.workers is None else self.workers
                cluster = self._stack.enter_context(LocalCluster(n_workers=max(1, n), threads_per_worker=1,
                                                                 processes=True, dashboard_address="127.0.0.1:0"))
                self._client = self._stack.enter_context(Client(cluster))
        return self._client

    def mapper(self) -> DaskMapper:
        """A mapper on this session's client (which it opens only for a map of ``link_map_min`` items or more)."""
        return DaskMapper(lambda: self.client, self.settings.link_map_min)

    def close(self) -> None:
        self._client = None
        self._stack.close()

    def __exit__(self, *exc: object) -> None:
        self.close()


class DaskMapper:
    """``mapper(fn, items)`` on a Dask client, in chunks; fewer than ``min_items`` items run here.

    ``client`` is a Client or a callable returning one (opened only when a map is big enough).
    ``fn`` must be importable on the workers (a module-level function of newsdesk).
    """

    def __init__(self, client: Any, min_items: int = 64) -> None:
        self._client = client
        self.min_items = max(1, min_items)
        self.remote_calls = 0  # maps sent to the cluster (tests and benchmarks read it)

    def client(self) -> Any:
        return self._client() if callable(self._client) and not hasattr(self._client, "map") else self._client

    def __call__(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        items = list(items)
        if len(items) < self.min_items:
            return serial_map(fn, items)
        client = self.client()
        if not client.nthreads():
            try:
                client.wait_for_workers(1, timeout=WORKER_WAIT_S)
            except TimeoutError as exc:
                raise NewsdeskError(f"no Dask worker joined the scheduler within {WORKER_WAIT_S} s") from exc
        threads = max(1, sum(client.nthreads().values()))
        size = -(-len(items) // min(len(items), threads * TASKS_PER_THREAD))
        chunks = [items[i:i + size] for i in range(0, len(items), size)]
        futures = client.map(_run_chunk, [fn] * len(chunks), chunks, pure=False)
        try:
            done = client.gather(futures)
        except Exception:  # noqa: BLE001 - a lost cluster: the same pure work runs here instead
            if client.status == "running":
                raise  # the work itself failed: it would fail here too
            return serial_map(fn, items)
        self.remote_calls += 1
        return [r for chunk in done for r in chunk]
