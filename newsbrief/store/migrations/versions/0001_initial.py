"""Articles and stories.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False, unique=True),
        sa.Column("story_id", sa.String, nullable=False),
        sa.Column("copy_of", sa.String, nullable=True),
        sa.Column("title", sa.Text), sa.Column("url", sa.Text), sa.Column("outlet", sa.String),
        sa.Column("published", sa.Date), sa.Column("author", sa.Text), sa.Column("language", sa.String(16)),
        sa.Column("path", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_articles_story_id", "articles", ["story_id"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "stories",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("first", sa.Date), sa.Column("last", sa.Date),
        sa.Column("outlets", sa.Text, nullable=False),
        sa.Column("last_seq", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_stories_last", "stories", ["last"])


def downgrade() -> None:
    op.drop_table("stories")
    op.drop_table("articles")
