"""Alembic environment: migrations run programmatically on a connection passed in by the store."""

from alembic import context

from newsbrief.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
