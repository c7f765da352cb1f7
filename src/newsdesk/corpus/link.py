"""The durable linking step: take pending articles from the store's link queue and link them.

Each batch (the ``link_batch`` smallest pending ids) is linked in ONE exclusive store transaction
that also removes it from the queue, so a crash leaves either all of the batch linked or none of it,
and writers of one store take turns. Batches are cut from the sorted pending ids, so a run that was
killed and started again links the same batches as one that was never interrupted.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..config import Settings


def link_pending(store: Any, settings: Settings, on_batch: Callable[[int, int], None] | None = None,
                 mapper: Callable[..., list[Any]] | None = None) -> int:
    """Link every pending article; returns how many were linked. ``on_batch(done, total)`` reports progress;
    ``mapper`` runs the pure per-story/per-block work (:mod:`newsdesk.engine.link_map`; default in-process)."""
    from . import update_corpus

    total = store.count_pending()
    done = 0
    while True:
        with store.transaction():
            ids = store.pending_links(limit=settings.link_batch)  # read under the lock: another writer may have run
            if not ids:
                break
            update_corpus(store, ids, settings, mapper=mapper)
            store.mark_linked(ids)
        done += len(ids)
        if on_batch:
            on_batch(done, max(total, done))
    return done


def check(store: Any) -> dict[str, Any]:
    """What `newsdesk check` reports: pending links and integrity counts (all zero when healthy)."""
    problems = store.integrity()
    pending = store.count_pending()
    return {"articles": store.count_articles(), "pending_links": pending, **problems,
            "ok": pending == 0 and not any(problems.values())}
