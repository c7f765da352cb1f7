"""Corpus-level work over the store: duplicates, stories, merged events, comparisons."""
from __future__ import annotations

from collections.abc import Sequence

from ..config import Settings


def update_corpus(store, new_ids: Sequence[str], settings: Settings) -> None:
    """Link newly stored articles to the rest of the corpus (incremental). [contract stub]"""
    return None
