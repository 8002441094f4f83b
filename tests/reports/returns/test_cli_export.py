"""`pa-manager export-return`, as a script would call it: its --json agrees with `summary --json`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import PASSPHRASE
from tests.helpers import hashes
from tests.test_cli import one_line_error
from tests.test_cli import run as run_cli


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, passphrase=PASSPHRASE)


@pytest.mark.parametrize(("start", "end"), [("2026-04-06", "2026-07-05"), ("06/04/2026", "05/04/2027")])
def test_json_figures_agree_with_summary(demo_path: Path, tmp_path: Path, start: str, end: str) -> None:
    out = tmp_path / "ret"
    result = run(
        "export-return", demo_path, "--from", start, "--to", end, "--format", "xlsx", "--out", out, "--json"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    summary = run("summary", demo_path, "--from", start, "--to", end, "--json")
    s = json.loads(summary.stdout)
    assert data["closing"] == s["balance"]
    for key in (
        "money_in",
        "money_out",
        "total_in",
        "total_out",
        "weeks_held",
        "surplus_at_risk",
        "committed",
        "contingency",
        "available",
    ):
        assert data[key] == s[key], key
    pence = lambda x: int(x.replace(".", ""))  # noqa: E731
    assert pence(data["opening"]) + pence(data["total_in"]) - pence(data["total_out"]) == pence(
        data["closing"]
    )
    assert sum(pence(v) for v in data["money_in"].values()) == pence(data["total_in"])
    assert (
        Path(data["file"]) == out.with_suffix(".xlsx") and load_workbook(data["file"])["Return"]["A1"].value
    )
    lines_out = sum(pence(x["amount"]) for x in data["council_lines"]["money_out"])
    assert lines_out == pence(data["total_out"])


def test_every_format_and_a_template_by_name(demo_path: Path, tmp_path: Path) -> None:
    for fmt, suffix in (("pdf", ".pdf"), ("csv", ".csv"), ("pack", ".zip")):
        result = run(
            "export-return",
            demo_path,
            "--from",
            "2026-09-01",
            "--to",
            "2026-09-30",
            "--format",
            fmt,
            "--out",
            tmp_path / f"r{suffix}",
            "--template",
            "trafford-audit-summary",
        )
        assert result.returncode == 0, result.stderr
        assert (
            f"Saved the return for 1 September 2026 to 30 September 2026 to {tmp_path / f'r{suffix}'}"
            in result.stdout
        )
        assert (tmp_path / f"r{suffix}").stat().st_size > 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-04-06", "--to", "2026-07-05", "--format", "docx"], "not a format"),
        (["--from", "2026-07-05", "--to", "2026-04-06", "--format", "pdf"], "start on or before"),
        (["--from", "2026-04-06", "--format", "pdf"], "both the first and the last"),
        (["--from", "31/02/2026", "--to", "2026-07-05", "--format", "pdf"], "not a date"),
        (
            ["--from", "2026-04-06", "--to", "2026-07-05", "--format", "pdf", "--template", "nope"],
            "no return template",
        ),
    ],
)
def test_bad_input_gets_one_plain_line_and_writes_nothing(
    demo_path: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    before = hashes(demo_path.parent)
    result = run("export-return", demo_path, *args, "--out", tmp_path / "r")
    assert message in one_line_error(result)
    assert list(tmp_path.iterdir()) == []
    assert hashes(demo_path.parent) == before
