"""`pa-manager run-payroll`, as a script would call it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pa_manager.services import book as books
from tests.conftest import PASSPHRASE
from tests.helpers import hashes
from tests.services.pay.helpers import WEEK1, add_pa, week
from tests.test_cli import one_line_error, run


@pytest.fixture
def with_week(created: books.CreatedBook) -> Path:
    b = books.open_book(created.path, passphrase=PASSPHRASE)
    try:
        b.act_as_default()
        week(b, add_pa(b), WEEK1)
    finally:
        b.close()
    return created.path


def test_run_payroll_prints_the_run_and_writes_nothing(with_week: Path) -> None:
    before = hashes(with_week.parent)
    result = run("run-payroll", with_week, "--period", "2026-27:1", "--json", passphrase=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["tax_year"], data["frequency"], data["period"], data["status"]) == (
        "2026-27",
        "weekly",
        1,
        "not-saved",
    )
    (slip,) = data["payslips"]
    # 32 hours at £13.00; tax £34.80 and NI £13.92 (worked by hand in tests/services/pay).
    assert (slip["gross"], slip["tax"], slip["employee_ni"]) == ("416.00", "34.80", "13.92")
    assert data["totals"]["net"] == slip["net"]
    assert hashes(with_week.parent) == before


def test_run_payroll_finalise_saves_and_locks(with_week: Path) -> None:
    result = run(
        "run-payroll", with_week, "--period", "2026-27:1", "--finalise", "--json", passphrase=PASSPHRASE
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["status"] == "finalised"
    again = run("run-payroll", with_week, "--period", "2026-27:1", "--finalise", passphrase=PASSPHRASE)
    assert again.returncode == 1
    assert "finalised" in one_line_error(again)
    text = run("run-payroll", with_week, "--period", "2026-27:1", passphrase=PASSPHRASE)
    assert text.returncode == 0 and "Finalised" in text.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2026-27"], "not a pay period"),
        (["--period", "2030-31:1"], "rates for"),
        (["--period", "2026-27:60"], "does not exist"),
        (["--period", "2026-27:1", "--frequency", "daily"], "not a pay frequency"),
    ],
)
def test_run_payroll_refuses_bad_periods(with_week: Path, args: list[str], message: str) -> None:
    result = run("run-payroll", with_week, *args, passphrase=PASSPHRASE)
    assert result.returncode == 1
    assert message in one_line_error(result)
