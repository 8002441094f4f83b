"""`pa-manager timesheets`, as a script would call it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pa_manager.domain.periods import PayFrequency
from pa_manager.services import book as books
from pa_manager.services import timesheets
from tests.conftest import PASSPHRASE
from tests.helpers import hashes
from tests.services.people_helpers import EASTER_WEEK, add
from tests.test_cli import one_line_error, run


@pytest.fixture
def with_week(created: books.CreatedBook) -> Path:
    b = books.open_book(created.path, passphrase=PASSPHRASE)
    try:
        b.act_as_default()
        pa_id = add(b, pay_frequency=PayFrequency.MONTHLY)
        timesheets.save_timesheet(b, pa_id, date(2026, 4, 6), EASTER_WEEK)
    finally:
        b.close()
    return created.path


def test_timesheets_json_for_the_acceptance_week(with_week: Path) -> None:
    result = run(
        "timesheets",
        with_week,
        "--pa",
        "sam lee",
        "--from",
        "2026-04-01",
        "--to",
        "2026-04-30",
        "--json",
        passphrase=PASSPHRASE,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["gross_pay"] == "428.75"
    assert data["hours_worked"] == "21.00"
    assert data["hours_by_rate"]["bank-holiday"] == {"rate": "19.50", "amount": "185.25", "hours": "9.50"}
    assert data["hours_by_rate"]["sleep-in"] == {"rate": "80.00", "amount": "80.00", "nights": 1}
    assert data["hours_by_rate"]["woken"]["hours"] == "1.50"
    assert data["hours_by_shift_type"] == {"standard": "19.50", "sleep-in": "1.50"}
    assert data["holiday_accrued_hours"] == "2.54"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pa", "Nobody", "--from", "2026-04-01", "--to", "2026-04-30"], "no PA called"),
        (["--pa", "Sam", "--from", "2026-04-30", "--to", "2026-04-01"], "--to is before --from"),
        (["--pa", "Sam", "--from", "yesterday", "--to", "2026-04-01"], "--from: “yesterday” is not a date"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(with_week: Path, args: list[str], message: str) -> None:
    before = hashes(with_week.parent)
    result = run("timesheets", with_week, *args, "--json", passphrase=PASSPHRASE)
    assert message in one_line_error(result)
    assert result.stdout == ""
    assert hashes(with_week.parent) == before


def test_missing_passphrase(with_week: Path) -> None:
    result = run(
        "timesheets", with_week, "--pa", "Sam", "--from", "2026-04-01", "--to", "2026-04-30", passphrase=None
    )
    assert "passphrase" in one_line_error(result)
