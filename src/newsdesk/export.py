"""Exports for analysts: one file per kind of item, as JSON Lines, CSV or Parquet.

Field names are a contract: fields may be added, never renamed.
"""
from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .store import Store

Row = dict[str, Any]


def article_rows(store: Store) -> Iterator[Row]:
    for article_id in store.article_ids():
        a = store.article_row(article_id)
        yield {"id": a["id"], "source": a["source"], "url": a["url"], "outlet": a["outlet"], "title": a["title"],
               "subtitle": a["subtitle"], "published": a["published"], "published_from": a["published_from"],
               "authors": a["authors"], "dateline": a["dateline"], "language": a["language"], "text": a["text"],
               "duplicate_of": a["duplicate_of"], "dropped": a["dropped"], "captions": a["captions"],
               "story": a["story_id"], "flags": a["flags"],
               # what relative dates were resolved against when no publication date was found
               "anchor_date": (a["evidence"].get("anchor") or {}).get("value") or a["published"],
               "anchor_from": (a["evidence"].get("anchor") or {}).get("source") or a["published_from"]}


def entity_rows(store: Store) -> Iterator[Row]:
    """One row per canonical entity: article-local variants linked across documents are folded in."""
    canonical = store.entity_link_map()
    spans: dict[str, list[Row]] = defaultdict(list)
    keys: dict[str, set[str]] = defaultdict(set)
    for table in ("mentions", "places"):
        for m in store.items(table):
            key = canonical.get(m["entity"], m["entity"])
            keys[key].add(m["entity"])
            spans[key].append({"article": m["article_id"], "start": m["start"], "end": m["end"],
                               "text": m["text"]})
    for e in store.entity_table():
        ms = sorted(spans.get(e["key"], []), key=lambda m: (m["article"], m["start"]))
        if not ms:
            continue
        row = {"id": e["key"], "name": e["name"], "type": e["type"], "wikidata": e["wikidata"],
               "country": e["country"], "sector": e["sector"],
               "aliases": sorted({m["text"] for m in ms}), "articles": sorted({m["article"] for m in ms}),
               "mentions": ms, "merged_keys": sorted(keys[e["key"]] - {e["key"]})}
        if e["lat"] is not None or e["geonames_id"] is not None:
            row.update(lat=e["lat"], lon=e["lon"], geonames_id=e["geonames_id"])
        yield row


def quote_rows(store: Store) -> Iterator[Row]:
    for q in store.items("quotes"):
        yield {"id": q["id"], "article": q["article_id"], "text": q["text"], "partial": q["partial"],
               "speaker": q["speaker"], "speaker_entity": q["speaker_entity"],
               "speaker_description": q["speaker_description"], "speaker_inferred": q["speaker_inferred"],
               "verb": q["verb"], "start": q["start"], "end": q["end"]}


def amount_rows(store: Store) -> Iterator[Row]:
    for a in store.items("amounts"):
        yield {"id": a["id"], "article": a["article_id"], "value": a["value"], "unit": a["unit"],
               "approx": a["approx"], "qualifier": a["qualifier"], "about": a["about"], "date": a["date"],
               "original_value": a["original_value"], "original_unit": a["original_unit"],
               "text": a["text"], "start": a["start"], "end": a["end"]}


def time_rows(store: Store) -> Iterator[Row]:
    for t in store.items("times"):
        yield {"id": t["id"], "article": t["article_id"], "text": t["text"], "value": t["value"],
               "precision": t["precision"], "start": t["start"], "end": t["end"]}


def event_rows(store: Store) -> Iterator[Row]:
    yield from store.event_export_rows()


def story_rows(store: Store) -> Iterator[Row]:
    yield from store.story_export_rows()


def discrepancy_rows(store: Store) -> Iterator[Row]:
    yield from store.discrepancy_export_rows()


def quote_group_rows(store: Store) -> Iterator[Row]:
    yield from store.quote_group_export_rows()


EXPORTS: dict[str, Callable[[Store], Iterator[Row]]] = {
    "articles": article_rows, "entities": entity_rows, "quotes": quote_rows, "amounts": amount_rows,
    "times": time_rows, "events": event_rows, "stories": story_rows, "discrepancies": discrepancy_rows,
    "quote_groups": quote_group_rows,
}
FORMATS = ("jsonl", "csv", "parquet")


def write_rows(rows: Iterator[Row], path: Path, fmt: str) -> int:
    """Write rows to one file; nested values become JSON strings in CSV and Parquet."""
    rows = list(rows)
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        return len(rows)
    flat = [{k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in r.items()}
            for r in rows]
    if fmt == "csv":
        fields = list(flat[0]) if flat else []
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields)
            writer.writeheader()
            writer.writerows(flat)
        return len(rows)
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(flat), path)
    return len(rows)


def export_all(store: Store, out: str | Path, fmt: str = "jsonl", only: list[str] | None = None) -> dict[str, int]:
    """Write every export file into ``out``; returns rows written per file."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, fn in EXPORTS.items():
        if only and name not in only:
            continue
        counts[f"{name}.{fmt}"] = write_rows(fn(store), out / f"{name}.{fmt}", fmt)
    return counts
