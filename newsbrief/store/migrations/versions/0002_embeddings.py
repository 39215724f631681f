"""Articles keep the story grouping's embedding, so a restart need not embed them again.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("embedding", sa.LargeBinary, nullable=True))
    op.add_column("articles", sa.Column("embedder", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("embedder")
        batch.drop_column("embedding")
