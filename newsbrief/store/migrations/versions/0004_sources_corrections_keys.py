"""Followed sources, editors' corrections (and deletions), API keys; a story's revision.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("stories", sa.Column("revision", sa.Integer, nullable=False, server_default="0"))
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("feed_url", sa.Text, nullable=False, unique=True),
        sa.Column("title", sa.Text),
        sa.Column("every_minutes", sa.Integer, nullable=False),
        sa.Column("added_at", _WHEN, nullable=False),
        sa.Column("last_fetch", _WHEN), sa.Column("last_status", sa.String(64)), sa.Column("last_error", sa.Text),
        sa.Column("next_fetch", _WHEN, index=True),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("etag", sa.Text), sa.Column("last_modified", sa.Text),
        sa.Column("articles", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "corrections",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("story_id", sa.String, nullable=False, index=True),
        sa.Column("other_id", sa.String),
        sa.Column("article_ids", sa.Text, nullable=False),
        sa.Column("by", sa.Text),
        sa.Column("made_at", _WHEN, nullable=False),
    )
    op.create_table(
        "deleted_articles",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("deleted_at", _WHEN, nullable=False),
    )
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("last_used", _WHEN),
        sa.Column("revoked_at", _WHEN),
    )


def downgrade() -> None:
    for table in ("api_keys", "deleted_articles", "corrections", "sources"):
        op.drop_table(table)
    with op.batch_alter_table("stories") as batch:
        batch.drop_column("revision")
