"""Alembic migrations for the book. The runner is `pa_manager.store.migrate`."""
