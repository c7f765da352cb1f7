"""The store's tables (SQLAlchemy Core). Migrations in ``migrations/versions`` create and alter them.

Per-article tables hold what the pure pipeline produced; corpus tables hold what runs over the
whole store (duplicates, stories, merged events, comparisons). Spans are offsets into
``articles.text``.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON, BigInteger, Boolean, Column, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table, Text,
    text,
)

metadata = MetaData()


def _article_fk() -> Column:
    return Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True)


def _span() -> list[Column]:
    return [Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
            Column("text", Text, nullable=False)]


articles = Table(
    "articles", metadata,
    Column("id", String(32), primary_key=True),
    Column("source", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("url", Text), Column("outlet", Text), Column("title", Text), Column("subtitle", Text),
    Column("published", String(10), index=True), Column("published_from", Text),
    Column("authors", JSON, nullable=False), Column("dateline", Text), Column("language", String(8)),
    Column("dateline_day", Text),  # migration 0019: MM-DD of a wire dateline (no year)
    Column("text", Text, nullable=False),
    Column("raw", Text, nullable=False), Column("encoding", String(32)),
    Column("source_text", Text, nullable=False),
    Column("offsets", JSON, nullable=False),
    Column("dropped", JSON, nullable=False), Column("captions", JSON, nullable=False),
    Column("evidence", JSON, nullable=False), Column("flags", JSON, nullable=False),
    Column("sentences", JSON, nullable=False), Column("warnings", JSON, nullable=False),
    Column("duplicate_of", String(32), index=True),
    Column("story_id", String(32), index=True),
    Column("ingested_at", String(32), nullable=False),
)

rejections = Table(
    "rejections", metadata,
    Column("source", Text, primary_key=True),
    Column("reason", Text, nullable=False),
    Column("at", String(32), nullable=False),
)

entities = Table(
    "entities", metadata,
    Column("key", String(128), primary_key=True),
    Column("name", Text, nullable=False), Column("type", String(16), nullable=False),
    Column("wikidata", String(16), index=True), Column("country", String(3), index=True),
    Column("sector", String(32)), Column("lat", Float), Column("lon", Float), Column("geonames_id", Integer),
)

# Cross-document resolution: a local entity key found to be the same as another (canonical) one.
entity_links = Table(
    "entity_links", metadata,
    Column("key", String(128), primary_key=True),
    Column("canonical", String(128), nullable=False, index=True),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True), _article_fk(), *_span(),
    Column("entity", String(128), nullable=False, index=True),
    Column("how", String(16), nullable=False), Column("description", Text),
)

quotes = Table(
    "quotes", metadata,
    Column("id", String(48), primary_key=True), _article_fk(), *_span(),
    Column("partial", Boolean, nullable=False), Column("speaker", Text),
    Column("speaker_entity", String(128), index=True), Column("speaker_description", Text),
    Column("speaker_inferred", Boolean, nullable=False), Column("verb", Text),
    Column("speaker_how", Text), Column("speaker_confidence", Float),  # migration 0004
    Column("source_start", Integer), Column("source_end", Integer), Column("source_text", Text),  # migration 0011
)

amounts = Table(
    "amounts", metadata,
    Column("id", String(48), primary_key=True), _article_fk(), *_span(),
    Column("value", Float, nullable=False), Column("unit", Text, nullable=False),
    Column("approx", Boolean, nullable=False), Column("qualifier", Text),
    Column("about", Text), Column("about_entity", String(128)), Column("date", String(10)),
    Column("original_value", Float), Column("original_unit", Text),
)

times = Table(
    "times", metadata,
    Column("id", String(48), primary_key=True), _article_fk(), *_span(),
    Column("value", String(10)), Column("precision", String(8)), Column("anchor", Text),
)

places = Table(
    "places", metadata,
    Column("id", String(48), primary_key=True), _article_fk(), *_span(),
    Column("entity", String(128), nullable=False, index=True), Column("name", Text, nullable=False),
    Column("country", String(3)), Column("lat", Float), Column("lon", Float),
    Column("geonames_id", Integer), Column("feature", String(16)),
)

events = Table(
    "events", metadata,
    Column("id", String(48), primary_key=True), _article_fk(),
    Column("type", String(16), nullable=False, index=True), Column("mode", String(32)),
    Column("actor_name", Text), Column("actor_entity", String(128), index=True), Column("actor_country", String(3)),
    Column("target_name", Text), Column("target_entity", String(128), index=True), Column("target_country", String(3)),
    Column("date", String(10), index=True), Column("date_precision", String(8)),
    Column("location", JSON), Column("status", String(16), nullable=False),
    Column("evidence", JSON, nullable=False), Column("rule", Text, nullable=False),
    Column("confidence", Float, nullable=False), Column("symmetric", Boolean, nullable=False),
    # corpus level: the id of the event this one was merged into (same real-world event)
    Column("merged_into", String(48), index=True),
    # factuality, own-words title and where the date came from (migration 0004)
    Column("factuality", Text), Column("title", Text), Column("date_from", Text),
)

signatures = Table(  # MinHash signatures kept for incremental near-duplicate detection
    "signatures", metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("minhash", LargeBinary, nullable=False),
)

stories = Table(
    "stories", metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text, nullable=False),
    Column("date", String(10)), Column("end_date", String(10)),
    Column("place", JSON), Column("summary", JSON, nullable=False),
    Column("updated_at", String(32), nullable=False),
    # incremental clustering state: term centroid, entities, places, dates (migration 0002)
    Column("features", JSON),
)

term_stats = Table(  # document frequencies of story terms, updated as articles arrive (migration 0002)
    "term_stats", metadata,
    Column("term", String(64), primary_key=True),
    Column("df", Integer, nullable=False),
)

story_keys = Table(  # rare term -> stories whose members have it among their key terms (migration 0006),
    "story_keys", metadata,  # under each month (y * 12 + m - 1) of the story's span, 0 when undated (0017)
    Column("key", String(64), primary_key=True),
    Column("month", Integer, primary_key=True),
    Column("story_id", String(32), primary_key=True),
    Index("ix_story_keys_story", "story_id"),
)

story_vectors = Table(  # each assigned article's story term vector (no entity links applied), migration 0013
    "story_vectors", metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("vector", JSON, nullable=False),
)

discrepancies = Table(
    "discrepancies", metadata,
    Column("id", String(48), primary_key=True),
    Column("kind", String(16), nullable=False), Column("about", Text, nullable=False),
    Column("story_id", String(32), index=True), Column("claims", JSON, nullable=False),
    Column("note", Text),
    Column("block", Text, index=True),  # migration 0005: the claim block of a cross-story row
)

quote_groups = Table(
    "quote_groups", metadata,
    Column("id", String(48), primary_key=True),
    Column("speaker", Text), Column("speaker_entity", String(128)),
    Column("story_id", String(32)), Column("quotes", JSON, nullable=False),
    Index("ix_quote_groups_story_id", "story_id"),  # migration 0008: a story's groups are replaced by story
)

jobs = Table(  # background ingest jobs started from the API
    "jobs", metadata,
    Column("id", String(32), primary_key=True),
    Column("state", String(16), nullable=False), Column("total", Integer, nullable=False),
    Column("done", Integer, nullable=False), Column("result", JSON, nullable=False),
    Column("created_at", String(32), nullable=False), Column("updated_at", String(32), nullable=False),
)

# -- migration 0005: durable link queue and incremental linking indexes -------------------------
link_queue = Table(  # stored articles not yet linked to the corpus
    "link_queue", metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("queued_at", String(32), nullable=False),
)

synthesis_queue = Table(  # stories whose summary, discrepancies and quote groups wait to be recomputed (migration 0016)
    "synthesis_queue", metadata,
    Column("story_id", String(32), primary_key=True),  # no foreign key: a queued story may be merged away
    Column("queued_at", String(32), nullable=False),
)

story_state = Table(  # what a story's last synthesis kept: its groups and their items' signatures (migration 0018)
    "story_state", metadata,
    Column("story_id", String(32), primary_key=True),  # no foreign key: checked against the items on use
    Column("state", JSON, nullable=False),
)

minhash_bands = Table(  # LSH band keys of each article's MinHash signature
    "minhash_bands", metadata,
    Column("band", BigInteger, primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)

name_keys = Table(  # blocking keys of PERSON names for cross-document resolution
    "name_keys", metadata,
    Column("key", Text, primary_key=True), Column("entity", Text, primary_key=True, index=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)

claims = Table(  # comparison features of each amount, computed by the pipeline
    "claims", metadata,
    Column("amount_id", String(48), primary_key=True), _article_fk(),
    Column("block", Text, index=True), Column("features", JSON, nullable=False),
    Column("grp", Text, index=True),  # its cross-story group: its seed, the smallest of it and its aligned claims
)

claim_blocks = Table(  # the cross-story blocks of each claim (unit|year|measure term|value bucket, migration 0008)
    "claim_blocks", metadata,
    Column("block", Text, primary_key=True), Column("amount_id", String(48), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Index("ix_claim_blocks_amount_id", "amount_id"),  # migration 0008: a claim's blocks, without a scan
)

claim_actors = Table(  # per block of a grouped claim, its actor keys before entity links (entity keys, countries), migration 0015
    "claim_actors", metadata,
    Column("amount_id", String(48), primary_key=True), Column("block", Text, primary_key=True),
    Column("key", Text, primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Index("ix_claim_actors_block_key", "block", "key"),  # the claims of a block naming an actor, without a scan
)

quote_features = Table(  # content lemmas and vector of each quote, computed by the pipeline
    "quote_features", metadata,
    Column("quote_id", String(48), primary_key=True), _article_fk(),
    Column("features", JSON, nullable=False),
)

lemma_vectors = Table(  # the word vector of each lemma quote features name (shared by all articles)
    "lemma_vectors", metadata,
    Column("lemma", Text, primary_key=True), Column("vector", Text, nullable=False),
)

# migration 0010: committed write transactions so far (bumped by newsdesk.store.version), for read caches
store_version = Table(
    "store_version", metadata,
    Column("id", Integer, primary_key=True), Column("n", BigInteger, nullable=False),
    Column("epoch", Text, nullable=False),
)

Index("ix_mentions_article_entity", mentions.c.article_id, mentions.c.entity)
# migration 0007: lists in display order, index-only entity counts, entity names
Index("ix_articles_newest", text("coalesce(published, '') DESC"), articles.c.id)
Index("ix_stories_newest", text("coalesce(end_date, date, '') DESC"), stories.c.id)
Index("ix_events_newest", text("coalesce(date, '') DESC"), events.c.id)
Index("ix_mentions_entity_article", mentions.c.entity, mentions.c.article_id)
Index("ix_places_entity_article", places.c.entity, places.c.article_id)
Index("ix_entities_name", entities.c.name)

PER_ARTICLE = (mentions, quotes, amounts, times, places, events)
