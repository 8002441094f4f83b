"""Schema 0005 (pay): the migration builds exactly what models.py describes."""

from __future__ import annotations

import secrets
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from pa_manager.store import migrate
from pa_manager.store.engine import KEY_BYTES, make_engine
from pa_manager.store.models import Base, PARow


def test_pay_migration_matches_the_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "schema.pabook", secrets.token_bytes(KEY_BYTES))
    try:
        migrate.upgrade_to(engine, migrate.head())
        with engine.connect() as con:
            diff = compare_metadata(MigrationContext.configure(con), Base.metadata)
    finally:
        engine.dispose()
    pay_tables = {"pa", "pay_run", "payslip", "payroll_year"}
    mine = [d for d in diff if pay_tables & set(str(d).replace("'", " ").replace(",", " ").split())]
    assert mine == []


def test_new_pa_pay_columns_are_nullable_without_defaults() -> None:
    for name in (
        "payroll_bureau",
        "tax_week1_month1",
        "ni_category",
        "student_loan_plan",
        "postgraduate_loan",
    ):
        column = PARow.__table__.columns[name]
        assert column.nullable and column.default is None and column.server_default is None, name
