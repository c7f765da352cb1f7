"""Coded PLOVER events with filters and keyset pages."""
from __future__ import annotations

from typing import Any

from ..store import Store
from .entities import resolve_ref
from .paging import check_limit, decode_cursor, page_body
from .params import check_country, check_date, check_event_types


def list_events(store: Store, *, types: list[str] | tuple[str, ...] = (), actor: str | None = None,
                target: str | None = None, country: str | None = None, since: str | None = None,
                until: str | None = None, place: str | None = None, story: str | None = None,
                cursor: str | None = None, limit: int | None = None,
                actor_files: tuple[str, ...] = ()) -> dict[str, Any]:
    """Events newest first (merged duplicates hidden: they are sources of the event they joined)."""
    wanted = check_event_types(list(types))
    since, until = check_date(since, "since"), check_date(until, "until")
    articles = store.story_article_ids(store.story_row(story)["id"]) if story else None
    items, nxt = store.events_page(
        types=wanted, actor=resolve_ref(store, actor, actor_files)["keys"] if actor else (),
        target=resolve_ref(store, target, actor_files)["keys"] if target else (), country=check_country(country),
        since=since, until=until and until + "~", place=place, articles=articles, after=decode_cursor(cursor),
        limit=check_limit(limit))
    return page_body(items, nxt)
