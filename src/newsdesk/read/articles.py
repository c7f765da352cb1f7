"""Articles: the filtered, paged list (with search snippets) and one article with every extracted item."""
from __future__ import annotations

from typing import Any

from ..store import Store
from .entities import resolve_ref
from .paging import MAX_LIMIT, check_limit, decode_cursor, page_body
from .params import check_date

ITEMS = ("mentions", "quotes", "amounts", "times", "places", "events")


def snippet_parts(snippet: str | None) -> list[dict[str, Any]]:
    """A snippet with hits marked by \\x02...\\x03 as [{text, hit}] (safe to escape, easy to render)."""
    if not snippet:
        return []
    parts: list[dict[str, Any]] = []
    for n, chunk in enumerate(snippet.replace("\x03", "\x02").split("\x02")):
        if chunk:
            parts.append({"text": " ".join(chunk.split()) if n % 2 == 0 else chunk, "hit": n % 2 == 1})
    return parts


def list_articles(store: Store, *, outlet: str | None = None, since: str | None = None,
                  until: str | None = None, q: str | None = None, actor: str | None = None,
                  story: str | None = None, cursor: str | None = None, limit: int | None = None,
                  actor_files: tuple[str, ...] = (), most: int = MAX_LIMIT) -> dict[str, Any]:
    """Articles newest first: ``{"items", "next"}``; with ``q`` each item has a ``snippet`` of the match
    ([{text, hit}] parts); a copy names the outlet it copies (``duplicate_outlet``)."""
    since, until = check_date(since, "since"), check_date(until, "until")
    keys = resolve_ref(store, actor, actor_files)["keys"] if actor else ()
    query = q if q and q.strip() else None
    items, nxt = store.articles_page(outlet=outlet or None, since=since, until=until, story=story or None,
                                     entities=keys, query=query, after=decode_cursor(cursor),
                                     limit=check_limit(limit, most=most))
    if query:
        found = store.snippets([a["id"] for a in items], query)
        for a in items:
            a["snippet"] = snippet_parts(found.get(a["id"]))
    return page_body(items, nxt)


def find_article_id(store: Store, ref: str) -> str:
    """A full id, or a unique prefix of one."""
    if store.has_article(ref):
        return ref
    return store.resolve_article_id(ref)


def article_detail(store: Store, ref: str) -> dict[str, Any]:
    """One article: metadata, clean text, removed boilerplate and every extracted item with its offsets."""
    article_id = find_article_id(store, ref)
    row = store.article_row(article_id)
    detail = {k: v for k, v in row.items() if k not in ("raw", "source_text", "offsets", "sentences")}
    detail["story"] = detail.pop("story_id")
    anchor = (row.get("evidence") or {}).get("anchor") or {}
    detail["date_estimated"] = anchor.get("value") if not row["published"] else None
    items = {name: store.items(name, article_id) for name in ITEMS}
    keys = sorted({m["entity"] for m in items["mentions"]})
    names = {e["key"]: e for e in store.entities_by_key(keys)}
    for m in items["mentions"]:
        ent = names.get(m["entity"])
        m["entity_name"] = ent["name"] if ent else None
        m["entity_type"] = ent["type"] if ent else None
    detail.update(items)
    detail["entities"] = [names[k] for k in keys if k in names]
    if row.get("duplicate_of"):
        orig = store.article_summaries([row["duplicate_of"]])
        detail["duplicate_outlet"] = orig[0]["outlet"] if orig else None
        detail["duplicate_title"] = orig[0]["title"] if orig else None
    return detail

