"""Deleting an article from a linked corpus: everything derived from it goes, its neighbours are relinked.

In one exclusive store transaction: its rows go (text, items, signature and bands, claims, name keys);
its copies elect a new original among themselves; its story is dissolved and the remaining members
are clustered again (story features, summary, discrepancies and quote groups recomputed); events
merged into its events are merged again; its people's cross-document links are resolved again; the
cross-story discrepancies of its claim blocks are recomputed; its story terms leave ``term_stats``.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from ..config import Settings
from ..errors import NotFound
from .dedup import _original_key
from .entities import resolve_entities
from .figures import update_blocks, update_story_synthesis
from .merge import merge_events
from .stories import DOCS, article_features, assign_stories
from .timeline import cached_registry


def _term_counts(store: Any, ids: list[str]) -> Counter:
    """The document frequencies these (original) articles added to ``term_stats`` when clustered."""
    arts = store.story_inputs(ids)
    keys = {m["entity"] for a in arts.values() for m in a["mentions"]}
    canonical = {k: v["canonical"] for k, v in store.entity_info(keys).items()}
    counts: Counter = Counter()
    for art in arts.values():
        if not art["duplicate_of"] and art["story_id"]:
            counts.update(article_features(art, canonical).vector.keys())
            counts[DOCS] += 1
    return counts


def delete_article(store: Any, article_id: str, settings: Settings) -> dict[str, Any]:
    """Remove one article and relink what depended on it; returns what changed."""
    with store.transaction():
        row = store.link_state(article_id)
        if row is None:
            raise NotFound(f"no article {article_id!r}")
        story = row["story_id"]
        members = [m for m in store.story_members([story]).get(story, []) if m != article_id] if story else []
        copies = store.duplicate_members([article_id])
        blocks = store.claim_blocks([article_id])
        people = {p["key"] for p in store.article_people([article_id])}
        merged_here = store.events_merged_into_article(article_id)
        counts = _term_counts(store, [article_id, *members])
        store.delete_article(article_id)
        if counts:
            store.subtract_term_counts(dict(counts))
        # copies of a deleted original: the best remaining one becomes the original of the others
        copies = [r for r in store.dedup_rows(copies)]
        if copies:
            original = min(copies, key=_original_key)["id"]
            store.set_duplicate_of({r["id"]: (None if r["id"] == original else original) for r in copies})
        new_stories: dict[str, str] = {}
        if story:
            store.dissolve_story(story)
            new_stories = assign_stories(store, members, settings)
            update_story_synthesis(store, set(new_stories.values()))
        if merged_here:
            store.set_merged_into({e: None for e in merged_here})
            merge_events(store, sorted({eid.rsplit("-e", 1)[0] for eid in merged_here}), settings)
        relinked = 0
        if people:  # the people it named, and the groups they had been linked into, are resolved again
            linked = store.links_into(people)
            near = people | set(linked) | set(linked.values())
            relinked = resolve_entities(store, cached_registry(), store.articles_mentioning(near))
        update_blocks(store, blocks)
    return {"deleted": article_id, "story": story, "restoried": new_stories,
            "copies_relinked": sorted(r["id"] for r in copies), "events_remerged": sorted(merged_here),
            "entity_links": relinked, "claim_blocks": sorted(blocks)}
