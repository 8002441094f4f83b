"""Schema 0004 (people and timesheets): the migration builds exactly what models.py describes."""

from __future__ import annotations

import secrets
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from pa_manager.store import migrate
from pa_manager.store.engine import KEY_BYTES, make_engine
from pa_manager.store.models import Base


def test_migrations_match_the_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "schema.pabook", secrets.token_bytes(KEY_BYTES))
    try:
        migrate.upgrade_to(engine, migrate.head())
        with engine.connect() as con:
            diff = compare_metadata(MigrationContext.configure(con), Base.metadata)
    finally:
        engine.dispose()
    people_tables = {
        "pa",
        "right_to_work_check",
        "dbs_certificate",
        "training_record",
        "insurance_policy",
        "timesheet",
        "shift",
        "rota_template",
    }
    mine = [d for d in diff if people_tables & set(str(d).replace("'", " ").replace(",", " ").split())]
    assert mine == []


def test_new_pa_columns_are_nullable_without_defaults() -> None:
    from pa_manager.store.models import PARow

    old = {"id", "name", "start_date", "leave_date", "relative_in_household", "council_approval_date"}
    for column in PARow.__table__.columns:
        if column.name not in old:
            assert column.nullable and column.default is None and column.server_default is None, column.name
