"""`pa-manager forecast BOOK --months N [--json]` as a script would call it."""

from __future__ import annotations

import json
import subprocess
from datetime import date

import pytest

from pa_manager.domain.forecast import FlowKind
from pa_manager.services import book as books
from pa_manager.services.forecast import forecast
from tests.conftest import PASSPHRASE
from tests.test_cli import one_line_error, run


def _run(demo: books.Book, *args: str) -> subprocess.CompletedProcess[str]:
    return run("forecast", demo.path, *args, passphrase=PASSPHRASE)


def test_forecast_json_matches_the_service(demo: books.Book) -> None:
    result = _run(demo, "--months", "3", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    expected = forecast(demo, 3, today=date.today())
    assert len(data["months"]) == 3
    first = data["months"][0]
    assert first["council"] == expected.months[0].totals[FlowKind.COUNCIL].decimal_str()
    assert first["closing"] == expected.months[0].closing.decimal_str()
    assert data["closing_balance"] == expected.closing.decimal_str()
    assert data["band"] == {
        "min": expected.inputs.band_floor.decimal_str(),
        "max": expected.inputs.band_ceiling.decimal_str(),
    }
    if expected.out_of_band is not None:
        assert data["out_of_band"]["date"] == expected.out_of_band.day.isoformat()


def test_forecast_text_and_a_what_if(demo: books.Book) -> None:
    plain = _run(demo, "--months", "2")
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.startswith("Forecast from ")
    name = sorted(p.name for p in forecast(demo, 1).inputs.staff)[0]
    more = _run(demo, "--months", "2", "--json", "--extra-hours", f"{name}=10")
    base = _run(demo, "--months", "2", "--json")
    assert json.loads(more.stdout)["closing_balance"] != json.loads(base.stdout)["closing_balance"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--months", "30"], "1 to 24 months"),
        (["--extra-hours", "Nobody=3"], "no PA called Nobody"),
        (["--extra-hours", "ten"], "PA's name and the hours"),
        (["--new-pa", "20"], "hours a week and the hourly rate"),
        (["--wage-rise", "lots"], "not a number"),
    ],
)
def test_forecast_refuses_bad_input_in_one_line(demo: books.Book, args: list[str], message: str) -> None:
    assert message in one_line_error(_run(demo, *args))
