"""The per-article pipeline: a pure function ``RawDoc -> ArticleRecord`` (no I/O, no store).

Stages are named callables over a shared :class:`Context`. In batch mode a failing stage is
recorded as a warning on the record and the article goes on; ``strict=True`` re-raises
(tests use it so that a broken stage cannot hide).
"""
from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import py3langid

from .clean import clean_document
from .config import Settings
from .corpus.claims import article_claims
from .corpus.quote_features import article_quote_features
from .errors import RejectedInput
from .events.coder import code_events
from .events.hygiene import drop_non_actors
from .language import ENGLISH_ONLY_STAGES, count_words, not_available_warnings
from .nlp.actors import link_actors
from .nlp.anchor import estimate_anchor
from .nlp.amounts import extract_amounts
from .nlp.context import Context, Resources
from .nlp.gazetteer import load_gazetteer
from .nlp.model import load_nlp
from .nlp.places import resolve_places
from .nlp.quotes import extract_quotes
from .nlp.registry import load_registry
from .nlp.times import extract_times
from .records import ArticleRecord, CleanDoc, Evidence, RawDoc

PIPELINE_VERSION = "1"

# (name, function, Context attribute it fills)
STAGES: list[tuple[str, Callable[[Context], list], str]] = [
    ("actors", link_actors, "mentions"),
    ("times", extract_times, "times"),
    ("places", resolve_places, "places"),
    ("amounts", extract_amounts, "amounts"),
    ("quotes", extract_quotes, "quotes"),
    ("events", code_events, "events"),
]


@dataclass
class Models:
    nlp: Any
    resources: Resources


@functools.lru_cache(maxsize=4)
def load_models(actor_files: tuple[str, ...] = ()) -> Models:
    """The spaCy model, actor registry and gazetteer, loaded once per process."""
    return Models(nlp=load_nlp(), resources=Resources(registry=load_registry(actor_files),
                                                      gazetteer=load_gazetteer()))


def article_id(raw: RawDoc) -> str:
    """Stable content hash: the same article text gives the same id whatever its path."""
    norm = re.sub(r"\s+", " ", raw.text).strip()
    return hashlib.sha256(f"{raw.kind}\0{norm}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


def check_article(clean: CleanDoc, source: str, settings: Settings) -> None:
    """Reject what is not a news article (too few body words), with the reason; with
    ``settings.english_only``, also what is not in English."""
    words = count_words(clean.text)
    if clean.meta.subtitle and any(d.reason == "subtitle" for d in clean.dropped):
        words += count_words(clean.meta.subtitle)  # a standfirst taken out of the body is article text too
    words += next((count_words(d.text) for d in clean.dropped if d.reason == "title"), 0)  # so is the headline
    if words < settings.min_article_words:
        raise RejectedInput(source, f"not an article: {words} words of body text after cleaning")
    lang = clean.meta.language or py3langid.classify(clean.text[:5000])[0]  # the cleaner usually knows
    if lang != "en" and settings.english_only:
        raise RejectedInput(source, f"not English (language detected: {lang})")
    clean.meta.language = lang


def prepare(raw: RawDoc, settings: Settings) -> CleanDoc:
    """Clean and check one article. Any failure is a RejectedInput naming the source, so one
    hostile document (say, HTML that breaks the parser) cannot end a batch."""
    try:
        clean = clean_document(raw, settings)
    except RejectedInput:
        raise
    except Exception as exc:  # noqa: BLE001 - a cleaner's crash is this input's rejection
        msg = " ".join(str(exc).split())[:150]
        raise RejectedInput(raw.source, f"cannot clean this document ({type(exc).__name__}: {msg})") from None
    check_article(clean, raw.source, settings)
    if len(clean.text) > settings.max_text_chars:
        clean.text = clean.text[: settings.max_text_chars]
        clean.offsets = [(c, s, min(n, settings.max_text_chars - c)) for c, s, n in clean.offsets
                         if c < settings.max_text_chars]
        clean.flags.append("truncated")
    clean.meta.language = clean.meta.language or "en"
    return clean


def extract(raw: RawDoc, clean: CleanDoc, doc: Any, models: Models, strict: bool = False) -> ArticleRecord:
    """Run the extraction stages over an analysed document."""
    est = estimate_anchor(doc, clean.meta, captions=[c.text for c in clean.captions])
    # Only a day-precision anchor resolves "on Tuesday"; a year or month would pose as its first day.
    anchor = est.date if est is not None and est.precision == "day" else None
    if est is not None and est.source != "published":
        clean.meta.evidence["anchor"] = Evidence(est.date, est.source, est.evidence or "")
    ctx = Context(doc=doc, meta=clean.meta, anchor=anchor, resources=models.resources, anchor_estimate=est)
    warnings: list[str] = []
    results: dict[str, list] = {}
    skipped = ENGLISH_ONLY_STAGES if clean.meta.language not in (None, "en") else ()
    warnings.extend(not_available_warnings(clean.meta.language, skipped))
    for name, stage, attr in STAGES:
        if name in skipped:
            results[attr] = []
            continue
        try:
            items = stage(ctx)
        except Exception as exc:  # noqa: BLE001 - one stage's bug must not lose the article
            if strict:
                raise
            warnings.append(f"stage {name} failed: {type(exc).__name__}: {exc}")
            items = []
        results[attr] = items
        if hasattr(ctx, attr):
            setattr(ctx, attr, items)
    results["events"] = drop_non_actors(results.get("events", []), clean.meta, clean.text, results["mentions"])
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    try:  # what comparing claims across articles needs, computed here so that linking never parses
        claims = article_claims(clean.text, sentences, results["amounts"], doc)
        quote_feats, lemma_vectors = article_quote_features(results["quotes"], doc)
    except Exception as exc:  # noqa: BLE001 - one stage's bug must not lose the article
        if strict:
            raise
        warnings.append(f"stage claims failed: {type(exc).__name__}: {exc}")
        claims, quote_feats, lemma_vectors = [], [], {}
    return ArticleRecord(
        id=article_id(raw), source=raw.source, kind=raw.kind, raw=raw.text, encoding=raw.encoding, clean=clean,
        entities=sorted(ctx.entities.values(), key=lambda e: e.key), mentions=results["mentions"],
        quotes=results["quotes"], amounts=results["amounts"], times=results["times"], places=results["places"],
        events=results["events"], sentences=sentences, warnings=warnings, claims=claims,
        quote_features=quote_feats, lemma_vectors=lemma_vectors,
    )


def process_article(raw: RawDoc, models: Models, settings: Settings, strict: bool = False) -> ArticleRecord:
    """Clean, analyse and extract one article. Raises RejectedInput for non-articles."""
    clean = prepare(raw, settings)
    return extract(raw, clean, models.nlp(clean.text), models, strict=strict)


def process_batch(raws: Sequence[RawDoc], models: Models, settings: Settings,
                  strict: bool = False) -> list[ArticleRecord | RejectedInput]:
    """Like :func:`process_article` over a batch, with one ``nlp.pipe`` pass for speed."""
    prepared: list[tuple[RawDoc, CleanDoc]] = []
    out: list[ArticleRecord | RejectedInput | None] = []
    for raw in raws:
        try:
            prepared.append((raw, prepare(raw, settings)))
            out.append(None)
        except RejectedInput as exc:
            out.append(exc)
    docs = models.nlp.pipe((c.text for _, c in prepared), batch_size=settings.batch_size)
    filled = iter(extract(raw, clean, doc, models, strict) for (raw, clean), doc in zip(prepared, docs))
    return [next(filled) if item is None else item for item in out]


def actor_files_tuple(files: Iterable[str | Path]) -> tuple[str, ...]:
    return tuple(str(Path(f).resolve()) for f in files)
