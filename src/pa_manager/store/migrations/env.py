"""Alembic environment: runs on the already keyed connection handed in by the runner.

The key never goes into a config file: `store.migrate` passes a live connection through
`config.attributes["connection"]` (research/tech.md section 1, Alembic).
"""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
