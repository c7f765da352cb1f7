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
    for page in store.article_pages():
        for a in page:
            yield {"id": a["id"], "source": a["source"], "url": a["url"], "outlet": a["outlet"], "title": a["title"],
                   "subtitle": a["subtitle"], "published": a["published"], "published_from": a["published_from"],
                   "authors": a["authors"], "dateline": a["dateline"], "dateline_day": a["dateline_day"],
                   "language": a["language"], "text": a["text"],
                   "duplicate_of": a["duplicate_of"], "dropped": a["dropped"], "captions": a["captions"],
                   "story": a["story_id"], "flags": a["flags"],
                   # what relative dates were resolved against when no publication date was found
                   "anchor_date": (a["evidence"].get("anchor") or {}).get("value") or a["published"],
                   "anchor_from": (a["evidence"].get("anchor") or {}).get("source") or a["published_from"]}


def entity_rows(store: Store) -> Iterator[Row]:
    """One row per canonical entity: article-local variants linked across documents are folded in."""
    for ents, canonical, found in store.entity_pages():
        spans: dict[str, list[Row]] = defaultdict(list)
        keys: dict[str, set[str]] = defaultdict(set)
        for m in found:
            key = canonical.get(m["entity"], m["entity"])
            keys[key].add(m["entity"])
            spans[key].append({"article": m["article_id"], "start": m["start"], "end": m["end"], "text": m["text"]})
        for e in ents:
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


def _items(store: Store, name: str) -> Iterator[Row]:
    for page in store.item_pages(name):
        yield from page


def quote_rows(store: Store) -> Iterator[Row]:
    for q in _items(store, "quotes"):
        yield {"id": q["id"], "article": q["article_id"], "text": q["text"], "partial": q["partial"],
               "speaker": q["speaker"], "speaker_entity": q["speaker_entity"],
               "speaker_description": q["speaker_description"], "speaker_inferred": q["speaker_inferred"],
               "verb": q["verb"], "start": q["start"], "end": q["end"]}


def amount_rows(store: Store) -> Iterator[Row]:
    for a in _items(store, "amounts"):
        yield {"id": a["id"], "article": a["article_id"], "value": a["value"], "unit": a["unit"],
               "approx": a["approx"], "qualifier": a["qualifier"], "about": a["about"], "date": a["date"],
               "original_value": a["original_value"], "original_unit": a["original_unit"],
               "text": a["text"], "start": a["start"], "end": a["end"]}


def time_rows(store: Store) -> Iterator[Row]:
    for t in _items(store, "times"):
        yield {"id": t["id"], "article": t["article_id"], "text": t["text"], "value": t["value"],
               "precision": t["precision"], "start": t["start"], "end": t["end"]}


def _party(row: Row, prefix: str) -> Row | None:
    vals = {k: row[f"{prefix}_{k}"] for k in ("name", "entity", "country")}
    return vals if any(vals.values()) else None


def event_rows(store: Store) -> Iterator[Row]:
    """Events in the export contract; events merged into another one become its extra sources."""
    for rows, merged in store.event_pages():
        for r in rows:
            if r["merged_into"]:
                continue
            group = [r, *merged.get(r["id"], [])]
            yield {
                "id": r["id"], "type": r["type"], "mode": r["mode"], "actor": _party(r, "actor"),
                "target": _party(r, "target"), "date": r["date"], "date_precision": r["date_precision"],
                "location": r["location"], "status": r["status"],
                "articles": sorted({g["article_id"] for g in group}),
                "evidence": [{"article": g["article_id"], **e} for g in group for e in g["evidence"]],
                "rule": r["rule"], "confidence": r["confidence"],
            }


def story_rows(store: Store) -> Iterator[Row]:
    for stories, members, events in store.story_pages():
        for st in stories:
            yield {"id": st["id"], "title": st["title"], "date": st["date"], "end_date": st["end_date"],
                   "place": st["place"], "articles": members.get(st["id"], []),
                   "events": sorted(events.get(st["id"], [])), "summary": st["summary"]}


def discrepancy_rows(store: Store) -> Iterator[Row]:
    for page in store.row_pages("discrepancies"):
        for r in page:
            yield {"id": r["id"], "kind": r["kind"], "about": r["about"], "story": r["story_id"],
                   "claims": r["claims"], "note": r["note"]}


def quote_group_rows(store: Store) -> Iterator[Row]:
    for page in store.row_pages("quote_groups"):
        for r in page:
            yield {"id": r["id"], "speaker": r["speaker"], "speaker_entity": r["speaker_entity"],
                   "story": r["story_id"], "quotes": r["quotes"]}


EXPORTS: dict[str, Callable[[Store], Iterator[Row]]] = {
    "articles": article_rows, "entities": entity_rows, "quotes": quote_rows, "amounts": amount_rows,
    "times": time_rows, "events": event_rows, "stories": story_rows, "discrepancies": discrepancy_rows,
    "quote_groups": quote_group_rows,
}
FORMATS = ("jsonl", "csv", "parquet")


def _flat(r: Row) -> Row:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in r.items()}


def write_rows(rows: Iterator[Row], path: Path, fmt: str) -> int:
    """Write rows to one file as they come (constant memory); nested values become JSON strings in CSV
    and Parquet."""
    n = 0
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
        return n
    if fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = None
            for r in rows:
                if writer is None:
                    writer = csv.DictWriter(fh, fieldnames=list(r))
                    writer.writeheader()
                writer.writerow(_flat(r))
                n += 1
            if writer is None:
                csv.writer(fh).writerow([])  # an empty file with an empty header line, as before
        return n
    return _write_parquet(rows, path)


def _write_parquet(rows: Iterator[Row], path: Path, chunk: int = 1000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    schema = None
    n = 0
    batch: list[Row] = []

    def flush() -> None:
        nonlocal writer, schema
        if schema is None:
            first = pa.Table.from_pylist(batch)
            # a column empty in the first chunk is text (every nested or optional value is text or number)
            schema = pa.schema([pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f for f in first.schema])
            writer = pq.ParquetWriter(path, schema)
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        batch.clear()

    for r in rows:
        batch.append(_flat(r))
        n += 1
        if len(batch) >= chunk:
            flush()
    if batch or writer is None:
        if batch:
            flush()
        else:
            pq.write_table(pa.Table.from_pylist([]), path)
    if writer is not None:
        writer.close()
    return n


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
