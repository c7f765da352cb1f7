"""Code any text, one sentence to a whole article, into PLOVER events without storing it.

``code(text)`` runs the same per-article stages as ingest (actors, times, places, quotes, events) but
skips the article checks (length, "is this an article") and the store: headlines, wire snippets and
spreadsheet cells can be coded. Plain text is used as given (offsets are into it); HTML is cleaned first.
Relative dates ("on Tuesday") resolve against ``published`` (YYYY-MM-DD) when given.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .config import Settings, load_settings
from .errors import RejectedInput
from .records import CleanDoc, Event, Meta, RawDoc

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _clean(raw: RawDoc, settings: Settings, published: str | None) -> CleanDoc:
    if raw.kind == "html":
        from .clean import clean_document

        clean = clean_document(raw, settings)
        clean.meta.published = published or clean.meta.published
    else:
        clean = CleanDoc(text=raw.text, source_text=raw.text, offsets=[(0, 0, len(raw.text))],
                         meta=Meta(published=published))
    clean.meta.language = clean.meta.language or "en"
    return clean


def check_text(text: Any, settings: Settings, source: str = "text") -> str:
    """The text to code, or RejectedInput naming why not (not text, empty, over the size cap)."""
    if not isinstance(text, str):
        raise RejectedInput(source, "not text")
    if not text.strip():
        raise RejectedInput(source, "empty text")
    if len(text) > settings.max_text_chars:
        raise RejectedInput(source, f"over the size cap ({len(text):,} characters > {settings.max_text_chars:,})")
    return text


def code(text: str, settings: Settings | None = None, published: str | None = None,
         source: str = "text", actor_files: tuple[str, ...] = ()) -> list[Event]:
    """PLOVER events of ``text`` (each with type, mode, actor, target, date, status, factuality, title and
    evidence). Raises RejectedInput for empty, non-text or oversized input or a bad ``published``."""
    from .pipeline import extract, load_models
    from .readers import sniff_kind

    settings = settings or load_settings()
    text = check_text(text, settings, source)
    if published is not None:
        try:
            if not ISO_DAY.match(published):
                raise ValueError(published)
            dt.date.fromisoformat(published)
        except ValueError:
            raise RejectedInput(source, f"bad date {published!r} (want YYYY-MM-DD)") from None
    raw = RawDoc(source=source, text=text, kind=sniff_kind(text))
    clean = _clean(raw, settings, published)
    if not clean.text.strip():
        return []
    models = load_models(actor_files)
    record = extract(raw, clean, models.nlp(clean.text), models)
    return record.events


def event_dict(e: Event) -> dict[str, Any]:
    """A plain, JSON-ready view of one coded event (what `newsdesk code --json` and POST /api/code return)."""
    def party(p: Any) -> dict[str, Any] | None:
        if p is None:
            return None
        out = {"name": p.name, "entity": p.entity, "country": p.country}
        sector = getattr(p, "sector", None)  # sector codes, where the actor stage gives them
        if sector:
            out["sector"] = sector
        return out

    ev = e.evidence[0] if e.evidence else None
    return {"type": e.type, "mode": e.mode, "actor": party(e.actor), "target": party(e.target),
            "date": e.date, "date_precision": e.date_precision, "date_from": e.date_from,
            "status": e.status, "factuality": e.factuality, "title": e.title,
            "location": e.location, "symmetric": e.symmetric, "confidence": e.confidence, "rule": e.rule,
            "evidence": {"start": ev.start, "end": ev.end, "text": ev.text} if ev else None}
