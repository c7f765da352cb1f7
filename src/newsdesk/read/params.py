"""Checks on user arguments shared by the CLI, the API and the pages: one error, one message."""
from __future__ import annotations

import datetime as dt
import functools
import re

from ..errors import NewsdeskError

DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")


class InvalidArgument(NewsdeskError):
    """A malformed argument (a date, a type, a cursor): HTTP 422, CLI exit code 2."""

    exit_code = 2

    def __init__(self, message: str, code: str = "invalid_request") -> None:
        super().__init__(message)
        self.code = code


def check_date(value: str | None, name: str = "date") -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar date (2024-13-45 is refused)."""
    if value is None or value == "":
        return None
    m = DATE_RE.match(value.strip())
    if not m:
        raise InvalidArgument(f"{name}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = m.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise InvalidArgument(f"{name}: {value!r} is not a calendar date") from None
    return value.strip()


@functools.lru_cache(maxsize=1)
def event_types() -> frozenset[str]:
    from ..events.plover import load_ontology

    return frozenset(load_ontology())


def check_event_types(types: list[str] | tuple[str, ...]) -> list[str]:
    wanted = [t.strip().upper() for t in types if t and t.strip()]
    unknown = sorted(set(wanted) - event_types())
    if unknown:
        raise InvalidArgument(f"type: unknown PLOVER type(s) {', '.join(unknown)}; "
                              f"known: {', '.join(sorted(event_types()))}")
    return wanted


def check_entity_type(value: str | None) -> str | None:
    if not value:
        return None
    if value.strip().upper() not in ENTITY_TYPES:
        raise InvalidArgument(f"type: unknown entity type {value!r}; known: {', '.join(ENTITY_TYPES)}")
    return value.strip().upper()


def check_country(value: str | None) -> str | None:
    if not value:
        return None
    if not re.fullmatch(r"[A-Za-z]{3}", value.strip()):
        raise InvalidArgument(f"country: {value!r} is not an ISO3 code")
    return value.strip().upper()
