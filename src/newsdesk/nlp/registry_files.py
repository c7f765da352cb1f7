"""Loading the actor registry: the bundled JSON Lines data and user actor files (JSONL or CSV).

A user file extends the bundled data; an entry with an existing id replaces it. A malformed file
raises NewsdeskError naming the file and line.
"""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from pathlib import Path

from newsdesk.errors import NewsdeskError

from .registry import _DEFAULT_HEADS, DATA, Actor, Registry, Role, _bounds, canonical_title

def _head_rules(rows: list[dict]) -> dict[str, list[tuple[str, str, str | None, str | None]]]:
    rules: dict[str, list] = {}
    for row in rows:
        for rule in row.get("heads", ()):  # [title, head, start, end]
            title, head, *period = rule + [None] * (4 - len(rule))
            rules.setdefault(row["id"], []).append((canonical_title(title), head, *period[:2]))
    return rules


def _head_for(title: str, country: str | None, start: str | None, rules: dict) -> str | None:
    if country is None:
        return None
    matching = [r for r in rules.get(country, ()) if r[0] == title]
    if not matching:
        return _DEFAULT_HEADS.get(title)
    s = _bounds(start, False)
    for _, head, r_start, r_end in matching:
        if _bounds(r_start, False) <= s and (r_end is None or s < _bounds(r_end, False)):
            return head
    return matching[-1][1]


def _role(data: dict, rules: dict) -> Role:
    title = canonical_title(data["title"])
    country = data.get("country") or None
    head = data.get("head") or _head_for(title, country, data.get("start"), rules)
    return Role(title=title, country=country, org=data.get("org") or None,
                start=data.get("start") or None, end=data.get("end") or None,
                head=head if head != "none" else None, acting=bool(data.get("acting", False)))


def _actor(data: dict, rules: dict) -> Actor:
    def tup(key: str) -> tuple[str, ...]:
        value = data.get(key) or ()
        return tuple(value.split("|")) if isinstance(value, str) else tuple(value)

    return Actor(
        id=data["id"], name=data["name"], type=data.get("type") or "PERSON",
        wikidata=data.get("wikidata") or None, country=data.get("country") or None,
        sector=data.get("sector") or None,
        roles=tuple(_role(r, rules) for r in data.get("roles") or ()),
        aliases=tup("aliases"), demonyms=tup("demonyms"), capital=data.get("capital") or None,
        metonyms=tup("metonyms"), surnames=tup("surnames"), iso2=data.get("iso2") or None,
        leader=data.get("leader") or None)


def _read_jsonl(path: Path) -> list[tuple[int, dict]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise NewsdeskError(f"{path}:{n}: invalid JSON ({exc.msg})") from exc
            rows.append((n, row))
    return rows


def _csv_roles(text: str) -> list[dict]:
    roles = []
    for item in filter(None, (t.strip() for t in (text or "").split("|"))):
        parts = item.split(":") + [""] * 3
        if len(parts) > 7:
            raise ValueError(f"bad role {item!r} (want title:country:start:end)")
        roles.append({"title": parts[0], "country": parts[1] or None,
                      "start": parts[2] or None, "end": parts[3] or None})
    return roles


def _read_csv(path: Path) -> list[tuple[int, dict]]:
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"id", "name"} - set(reader.fieldnames or ())
        if missing:
            raise NewsdeskError(f"{path}:1: missing column(s) {', '.join(sorted(missing))}")
        for row in reader:
            n = reader.line_num
            try:
                row = {k: (v or "").strip() for k, v in row.items() if k}
                row["roles"] = _csv_roles(row.get("roles", ""))
            except ValueError as exc:
                raise NewsdeskError(f"{path}:{n}: {exc}") from exc
            rows.append((n, row))
    return rows


_VALID_TYPES = {"PERSON", "ORG", "GPE"}
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _check(row: dict) -> str | None:
    """Why a user row is unusable, or None."""
    if not isinstance(row, dict):
        return "not a JSON object"
    for key in ("id", "name"):
        if not isinstance(row.get(key), str) or not row[key].strip():
            return f"missing {key!r}"
    if (row.get("type") or "PERSON") not in _VALID_TYPES:
        return f"type must be one of {sorted(_VALID_TYPES)}"
    if row.get("wikidata") and not re.fullmatch(r"Q[1-9]\d*", row["wikidata"]):
        return f"bad wikidata id {row['wikidata']!r}"
    for role in row.get("roles") or ():
        if not isinstance(role, dict) or not role.get("title"):
            return "a role needs a title"
        for key in ("start", "end"):
            if role.get(key) and not _DATE.fullmatch(str(role[key])):
                return f"bad role date {role[key]!r} (want YYYY[-MM[-DD]])"
    return None


def load_registry(extra_files: Iterable[str | Path] = ()) -> Registry:
    """The bundled registry, extended or overridden (same id) by user JSONL/CSV actor files."""
    countries = [row for _, row in _read_jsonl(DATA / "countries.jsonl")]
    people = [row for _, row in _read_jsonl(DATA / "actors.jsonl")]
    extra: list[dict] = []
    for name in extra_files:
        path = Path(name)
        if not path.is_file():
            raise NewsdeskError(f"{path}: actor file not found")
        rows = _read_csv(path) if path.suffix.lower() == ".csv" else _read_jsonl(path)
        for n, row in rows:
            problem = _check(row)
            if problem:
                raise NewsdeskError(f"{path}:{n}: {problem}")
            extra.append(row)
    rules = _head_rules(countries + [r for r in extra if r.get("type") == "GPE"])
    for row in countries:
        row.setdefault("type", "GPE")
    return Registry(_actor(row, rules) for row in countries + people + extra)
