"""One settings object: defaults, overridden by environment variables, then by CLI flags."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    db: str = "newsdesk.db"  # a file path or a SQLAlchemy URL
    max_input_bytes: int = 5_000_000  # larger files are rejected before decoding
    max_text_chars: int = 200_000  # clean text longer than this is cut and flagged
    min_article_words: int = 40  # fewer body words than this: "not an article"
    min_english_share: float = 0.5  # langid must say English with at least this confidence
    english_only: bool = False  # NEWSDESK_ENGLISH_ONLY=1 / ingest --english-only: reject other languages
    workers: int = field(default_factory=lambda: max(1, min(2, os.cpu_count() or 1)))
    batch_size: int = 16
    dedup_threshold: float = 0.8  # MinHash Jaccard estimate above which two texts are copies
    story_threshold: float = 0.3  # similarity needed to join an existing story
    story_window_days: int = 10  # articles about events further apart open a new story
    story_merge_threshold: float = 0.28  # a story that grew merges with stories whose centroids are this close
    story_merge_big: int = 8  # ... while the two hold this many reports (not copies) together at most;
    story_merge_threshold_big: float = 0.4  # beyond, this close (a big story's centroid leans to its topic)
    story_core_share: float = 0.2  # a story past story_merge_big is joined only through what this share of it names
    story_candidates: int = 30  # stories loaded per article, by shared index-key weight (corpus.story_assign)
    dedup_containment: float = 0.9  # share of the shorter text's shingles inside the longer: a copy
    dedup_noted_containment: float = 0.5  # the same when the article names the other's outlet as its source
    merge_place_km: float = 100.0  # event places further apart are different events
    merge_day_slack: int = 1  # day-precision event dates this far apart can be one event (time zones)
    link_batch: int = 500  # pending articles linked per transaction (newsdesk.corpus.link)
    link_map_min: int = 64  # with Dask: fewer stories/blocks than this are linked in-process (task overhead)
    token: str | None = None  # NEWSDESK_TOKEN: write access to the API
    lock_reads: bool = False  # NEWSDESK_LOCK_READS=1: reads need the token too
    # server (issue 13): Host names served besides loopback (NEWSDESK_ALLOWED_HOSTS=a.example,b.example;
    # "*" turns the check off), and the ingest job limits
    allowed_hosts: tuple[str, ...] = ()
    job_max_items: int = 1000  # articles (files, lines, JSON items) one ingest request may carry
    job_queue: int = 8  # ingest jobs waiting at once; more get 429
    read_cache_mb: int = 64  # NEWSDESK_READ_CACHE_MB: each server process's cache of read responses (0: off)
    read_cache_shared: bool = False  # NEWSDESK_READ_CACHE_SHARED: workers share responses through files (serve --workers)


def db_url(db: str) -> str:
    """A bare path becomes a SQLite URL; anything with '://' is passed through."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def _int_env(name: str) -> int | None:
    value = os.environ.get(name)
    return int(value) if value and value.strip().isdigit() else None


def load_settings(**overrides: object) -> Settings:
    """Defaults < environment < explicit overrides (None values are ignored)."""
    env = {
        "db": os.environ.get("NEWSDESK_DB"),
        "token": os.environ.get("NEWSDESK_TOKEN"),
        "lock_reads": os.environ.get("NEWSDESK_LOCK_READS") in ("1", "true", "yes"),
        "english_only": os.environ.get("NEWSDESK_ENGLISH_ONLY") in ("1", "true", "yes"),
        "read_cache_shared": os.environ.get("NEWSDESK_READ_CACHE_SHARED") in ("1", "true", "yes"),
        "min_article_words": _int_env("NEWSDESK_MIN_WORDS"),
        "link_map_min": _int_env("NEWSDESK_LINK_MAP_MIN"),
        "allowed_hosts": tuple(h.strip().lower() for h in os.environ.get("NEWSDESK_ALLOWED_HOSTS", "").split(",")
                               if h.strip()) or None,
    }
    merged = {k: v for k, v in env.items() if v not in (None, False)}
    if _int_env("NEWSDESK_READ_CACHE_MB") is not None:  # 0 (off) is a value here, not "unset"
        merged["read_cache_mb"] = _int_env("NEWSDESK_READ_CACHE_MB")
    merged.update({k: v for k, v in overrides.items() if v is not None})
    return replace(Settings(), **merged)
