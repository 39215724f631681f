"""The store's tables (SQLAlchemy Core). Changes go through a migration in `migrations/versions/`."""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, Index, Integer, LargeBinary, MetaData, String, Table, Text

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", String, primary_key=True),  # the input's id, else a hash of its text
    Column("seq", Integer, nullable=False, unique=True),  # arrival order: the tracker replays it
    Column("story_id", String, nullable=False, index=True),
    Column("copy_of", String, nullable=True),  # the earlier article this one is a copy of
    Column("title", Text), Column("url", Text), Column("outlet", String, index=True),
    Column("published", Date, index=True), Column("author", Text), Column("language", String(16)),
    Column("path", Text),
    Column("text", Text, nullable=False),  # the cleaned text: brief offsets point into it
    Column("added_at", DateTime(timezone=True), nullable=False),
    # the story grouping's embedding of the article, float32, and the model that made it: a
    # restart replays the stories from these instead of embedding every stored article again
    Column("embedding", LargeBinary, nullable=True), Column("embedder", String(64), nullable=True),
    Column("signature", LargeBinary, nullable=True),  # its MinHash copy signature (stories.syndication)
)

stories = Table(
    "stories", metadata,
    Column("id", String, primary_key=True),
    Column("label", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("first", Date), Column("last", Date),
    Column("outlets", Text, nullable=False),  # JSON list, in order of first appearance
    Column("last_seq", Integer, nullable=False),  # seq of the story's latest article
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("revision", Integer, nullable=False, default=0),  # corrections made to it: a new brief each
    Index("ix_stories_last", "last"),
)

sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False),  # what was added: a feed, or a site whose feed was discovered
    Column("feed_url", Text, nullable=False, unique=True),  # what is polled
    Column("title", Text),
    Column("every_minutes", Integer, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("last_fetch", DateTime(timezone=True)),  # the last attempt, whatever its outcome
    Column("last_status", String(64)),  # "200", "304", "error", ...
    Column("last_error", Text),  # one line: why the last attempt failed
    Column("next_fetch", DateTime(timezone=True), index=True),
    Column("failures", Integer, nullable=False, default=0),  # attempts failed in a row (backoff)
    Column("etag", Text), Column("last_modified", Text),  # for conditional GETs
    Column("articles", Integer, nullable=False, default=0),  # articles stored from it
)

corrections = Table(
    "corrections", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # the order they were made
    Column("kind", String(16), nullable=False),  # merge | split | move | delete
    Column("story_id", String, nullable=False, index=True),  # the story corrected (merge: the one kept)
    Column("other_id", String),  # merge: the story merged in; split/move: where the articles went
    Column("article_ids", Text, nullable=False),  # JSON list of the articles concerned
    Column("by", Text),  # the key's name (API, web) or "cli"
    Column("made_at", DateTime(timezone=True), nullable=False),
)

deleted_articles = Table(  # an editor's deletion: a later ingest of the same id stores nothing
    "deleted_articles", metadata,
    Column("id", String, primary_key=True),
    Column("deleted_at", DateTime(timezone=True), nullable=False),
)

api_keys = Table(
    "api_keys", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("hash", String(64), nullable=False, unique=True),  # sha256 of the key; the key itself is never stored
    Column("prefix", String(16), nullable=False),  # its first characters, to recognise it in a list
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_used", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
)
