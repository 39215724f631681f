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
    Index("ix_stories_last", "last"),
)
