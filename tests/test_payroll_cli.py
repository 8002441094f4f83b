"""`pa-manager payroll-calc`, single and batch, as a script would call it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import one_line_error, run

CASE = {
    "tax_year": "2026-27",
    "frequency": "monthly",
    "period": 3,
    "tax_code": "1257L",
    "week1_month1": False,
    "ni_category": "A",
    "gross": "2100.00",
    "pay_to_date": "4200.00",
    "tax_to_date": "420.00",
}
# By hand: 3 months' free pay 3,144.78; taxable 6,300 - 3,144.78 = 3,155.22 -> £3,155 at 20% = 631.00,
# less 420.00 paid = 211.00. Employee NI 8% of (2,100 - 1,048) = 84.16;
# employer NI 15% of (2,100 - 417) = 252.45.
EXPECTED = {"tax": "211.00", "employee_ni": "84.16", "employer_ni": "252.45"}


def test_payroll_calc_single_case_json() -> None:
    result = run(
        "payroll-calc",
        "--tax-year",
        "2026-27",
        "--frequency",
        "monthly",
        "--period",
        "3",
        "--tax-code",
        "1257L",
        "--ni-category",
        "A",
        "--gross",
        "2100.00",
        "--pay-to-date",
        "4200.00",
        "--tax-to-date",
        "420.00",
        "--json",
        passphrase=None,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {k: data[k] for k in EXPECTED} == EXPECTED


def test_payroll_calc_batch_one_result_a_line_in_order(tmp_path: Path) -> None:
    refund = dict(CASE, tax_code="1257L", gross="0.00", pay_to_date="6000.00", tax_to_date="900.00")
    lines = [CASE, refund, dict(CASE, tax_code="BR", pay_to_date="0.00", tax_to_date="0.00")]
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(json.dumps(c) for c in lines) + "\n")
    result = run("payroll-calc", "--batch", batch, passphrase=None)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0] == EXPECTED
    assert out[1]["tax"].startswith("-")  # a refund: 900 paid, far less due on 6,000 over 3 months
    assert out[2]["tax"] == "420.00"  # BR: 20% of 2,100, no free pay


def test_payroll_calc_batch_names_the_bad_line_and_prints_nothing(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text(json.dumps(CASE) + "\n" + json.dumps(dict(CASE, ni_category="Q")) + "\n{oops\n")
    result = run("payroll-calc", "--batch", batch, passphrase=None)
    assert one_line_error(result).startswith("pa-manager: Line 2:")
    assert result.stdout == ""
    batch.write_text(json.dumps(CASE) + "\n{oops\n")
    assert "Line 2 is not valid JSON" in one_line_error(
        run("payroll-calc", "--batch", batch, passphrase=None)
    )


def test_payroll_calc_refuses_bad_values_plainly() -> None:
    base = ["payroll-calc", "--frequency", "monthly", "--period", "3", "--tax-code", "1257L"]
    assert "2024-25" in one_line_error(
        run(*base, "--tax-year", "2024-25", "--gross", "1.00", passphrase=None)
    )
    assert "cannot be negative" in one_line_error(
        run(*base, "--tax-year", "2026-27", "--gross", "-1.00", passphrase=None)
    )
    assert "needs --tax-year" in one_line_error(run("payroll-calc", "--gross", "1.00", passphrase=None))
