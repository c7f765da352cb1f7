"""Check a --db target before opening it: a missing store is an error unless the command creates
one, a missing folder is always an error, and a file that is not SQLite is refused in one line."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import StoreError

if TYPE_CHECKING:
    from .store import Store

SQLITE_MAGIC = b"SQLite format 3\x00"


def sqlite_path(db: str) -> Path | None:
    """The file behind a bare path or a sqlite:/// URL; None for other databases and in-memory SQLite."""
    if "://" not in db:
        return Path(db).expanduser()
    if db.startswith("sqlite:///") and db not in ("sqlite:///", "sqlite:///:memory:"):
        return Path(db[len("sqlite:///"):].split("?", 1)[0]).expanduser()
    return None


def check_db(db: str, may_create: bool = False) -> None:
    """Raise StoreError (exit code 4) when ``db`` cannot be a newsdesk SQLite store."""
    path = sqlite_path(db)
    if path is None:
        return
    if not path.exists():
        if not path.parent.is_dir():
            raise StoreError(f"no store at {path}: folder {path.parent} does not exist")
        if not may_create:
            raise StoreError(f"no store at {path} (`newsdesk --db {path} ingest ...` creates one)")
        return
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file")
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(f"cannot read the store {path}: {exc.strerror or exc}") from None
    if head and head != SQLITE_MAGIC:
        raise StoreError(f"{path} is not a newsdesk store (not an SQLite database)")


def open_db(db: str) -> Store:
    """open_store with its database errors (a damaged file, a refused connection) as one-line StoreErrors."""
    from sqlalchemy.exc import SQLAlchemyError

    from .store import open_store

    try:
        return open_store(db)
    except SQLAlchemyError as exc:
        msg = " ".join(str(getattr(exc, "orig", None) or exc).split())[:200]
        raise StoreError(f"cannot open the store {db}: {msg}") from None
