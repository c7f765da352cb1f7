"""Corpus-level work over the store: duplicates, stories, merged events, timelines.

:func:`update_corpus` runs after each ingest over the newly stored articles only: it signs and
links copies, merges their events into stored ones and puts them into stories. Stored state
(signatures, term frequencies, story centroids) makes each step incremental.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..config import Settings
from ..engine.link_map import Mapper
from .dedup import find_duplicates
from .entities import resolve_entities
from .figures import update_synthesis_for
from .merge import merge_events
from .stories import assign_stories
from .timeline import TimelineRow, cached_registry, timeline


@dataclass
class CorpusReport:
    duplicates: dict[str, str | None] = field(default_factory=dict)  # article -> original (None: unlinked)
    merged: dict[str, str | None] = field(default_factory=dict)  # event -> canonical event
    stories: dict[str, str] = field(default_factory=dict)  # article -> story
    entity_links: int = 0  # cross-document entity links written


def update_corpus(store, new_ids: Sequence[str], settings: Settings, mapper: Mapper | None = None) -> CorpusReport:
    """Link newly stored articles to the rest of the corpus (incremental, deterministic).

    ``mapper(fn, items)`` runs the per-story and per-block synthesis (pure functions of data read here;
    default: in this process); duplicates, entities, events and story assignment stay here, in order.
    """
    ids = sorted(set(new_ids))
    report = CorpusReport()
    if not ids:
        return report
    report.duplicates = find_duplicates(store, ids, settings)
    # before merging: events compare canonical keys
    report.entity_links = resolve_entities(store, cached_registry(), ids)
    report.merged = merge_events(store, ids, settings)
    report.stories = assign_stories(store, ids, settings)
    # articles whose copy link changed compare anew too: a claim's source is its original
    relinked = set(report.duplicates) | {v for v in report.duplicates.values() if v}
    update_synthesis_for(store, sorted(set(report.stories.values())), sorted(set(ids) | relinked),
                         mapper)
    return report


__all__ = ["CorpusReport", "TimelineRow", "timeline", "update_corpus"]
