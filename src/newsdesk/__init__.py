"""newsdesk: a self-hosted news-intelligence engine.

Library API (the CLI, REST API and web UI only call these)::

    from newsdesk import open_store, load_settings, ingest_paths
    store = open_store("newsdesk.db")
    report = ingest_paths(["articles/"], store, load_settings())
"""
from __future__ import annotations

__version__ = "0.1.0"

from .config import Settings, load_settings  # noqa: E402
from .store import Store, open_store  # noqa: E402


def ingest_paths(*args, **kwargs):  # lazy: importing spaCy is slow and not needed for reads
    from .ingest import ingest_paths as _ingest_paths

    return _ingest_paths(*args, **kwargs)


def code(text: str, settings: Settings | None = None, **kwargs: object) -> list:  # lazy, like ingest_paths
    """Code any text into PLOVER events without storing it: a list of newsdesk.records.Event
    (see newsdesk.coding.code for ``published`` and ``actor_files``)."""
    from .coding import code as _code

    return _code(text, settings, **kwargs)


__all__ = ["Settings", "Store", "code", "ingest_paths", "load_settings", "open_store", "__version__"]
