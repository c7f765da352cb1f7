"""The durable linking step: take pending articles from the store's link queue and link them.

Each batch (the ``link_batch`` smallest pending ids) is linked in ONE exclusive store transaction
that also removes it from the queue, so a crash leaves either all of the batch linked or none of it,
and writers of one store take turns. Batches are cut from the sorted pending ids, so a run that was
killed and started again links the same batches as one that was never interrupted.

Linking queues the stories it touches (``synthesis_queue``, in the batch's transaction); their summary,
in-story discrepancies and quote groups are recomputed after the last batch, a chunk of stories per
transaction. A story's synthesis is a function of its members only, so doing it once at the end gives
what doing it after every batch gave, without recomputing a big story once per batch that touches it.
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
    synthesize_pending(store, mapper)
    return done


def synthesize_pending(store: Any, mapper: Callable[..., list[Any]] | None = None) -> int:
    """Recompute the queued stories' synthesis, a chunk per transaction; returns how many stories."""
    from . import figures

    done = 0
    while True:
        with store.transaction():
            sids = store.pending_synthesis(limit=figures.STORY_READ_CHUNK)
            if not sids:
                return done
            figures.update_story_synthesis(store, sids, mapper)
            store.mark_synthesized(sids)
        done += len(sids)


def check(store: Any) -> dict[str, Any]:
    """What `newsdesk check` reports: pending links and integrity counts (all zero when healthy)."""
    problems = store.integrity()
    pending, stories = store.count_pending(), store.count_pending_synthesis()
    return {"articles": store.count_articles(), "pending_links": pending, "pending_synthesis": stories, **problems,
            "ok": pending == 0 and stories == 0 and not any(problems.values())}
