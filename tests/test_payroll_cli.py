"""`pa-manager payroll-calc`, single and batch, as a script would call it."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from tests.test_cli import one_line_error, run

VECTORS = Path(__file__).resolve().parents[2] / "shared" / "payroll" / "hmrc_test_vectors.json"

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


# -- refusals: each named in the acceptance list, in single and batch form --------------------
def _single(**changes: str) -> list[str]:
    case = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in dict(CASE, **changes).items()}
    args = ["payroll-calc"]
    for key in (
        "tax_year",
        "frequency",
        "period",
        "tax_code",
        "ni_category",
        "gross",
        "pay_to_date",
        "tax_to_date",
    ):
        args += [f"--{key.replace('_', '-')}", case[key]]
    return args


BAD = [
    (
        {"tax_code": "1257"},
        "“1257” is not a tax code HMRC uses. It needs its letter at the end, for example 1257L",
    ),
    ({"tax_code": "SD4"}, "the D codes for this taxpayer are SD0 to SD3"),
    ({"ni_category": "Q"}, "“Q” is not a National Insurance category letter we handle"),
    ({"gross": "-1.00"}, "Gross pay cannot be negative (it is -£1.00)"),
    ({"pay_to_date": "-0.01"}, "Pay to date cannot be negative"),
    (
        {"tax_year": "2024-25"},
        "We cannot work out payroll for tax year 2024-25: we have rates for 2025-26 and 2026-27 only",
    ),
]


@pytest.mark.parametrize(("changes", "message"), BAD)
def test_single_case_refusals_are_one_plain_line(changes: dict[str, str], message: str) -> None:
    error = one_line_error(run(*_single(**changes), passphrase=None))
    assert error.startswith("pa-manager: ") and message in error


@pytest.mark.parametrize(("changes", "message"), BAD)
def test_batch_refusals_name_the_physical_line(tmp_path: Path, changes: dict[str, str], message: str) -> None:
    # Line 3 is bad; line 2 is blank, and still counts, so the number matches an editor's.
    batch = tmp_path / "in.jsonl"
    batch.write_text(
        json.dumps(CASE) + "\n\n" + json.dumps(dict(CASE, **changes)) + "\n" + json.dumps(CASE) + "\n"
    )
    result = run("payroll-calc", "--batch", batch, passphrase=None)
    error = one_line_error(result)
    assert error.startswith("pa-manager: Line 3: ") and message in error
    assert result.stdout == ""


def test_batch_refuses_floats_missing_and_unknown_keys(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    cases = {
        "float": dict(CASE, gross=2100.0),
        "missing": {k: v for k, v in CASE.items() if k != "tax_code"},
        "unknown": dict(CASE, grosss="1.00"),
        "not an object": ["2026-27"],
    }
    expected = {
        "float": "must be written as text",
        "missing": "missing “tax_code”",
        "unknown": "“grosss”, which we do not recognise",
        "not an object": "a JSON object",
    }
    for name, case in cases.items():
        batch.write_text(json.dumps(CASE) + "\n" + json.dumps(case) + "\n")
        error = one_line_error(run("payroll-calc", "--batch", batch, passphrase=None))
        assert error.startswith("pa-manager: Line 2: ") and expected[name] in error, name


def test_batch_reproduces_hmrc_tax_test_data(tmp_path: Path) -> None:
    # Every HMRC income tax case through the real command line: within HMRC's 1p of its answer.
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"), parse_float=Decimal)
    tax = [v for v in vectors if v["kind"] == "income_tax"]
    assert len(tax) == 336

    def pounds(value: Decimal) -> str:
        return f"{Decimal(value):.2f}"

    lines = [
        {
            "tax_year": v["tax_year"],
            "frequency": v["period_type"],
            "period": v["period"],
            "tax_code": v["tax_code"],
            "week1_month1": v["week1_month1"],
            "ni_category": "A",
            "gross": pounds(v["gross_pay_period"]),
            "pay_to_date": pounds(v["taxable_pay_to_date_incl_this_period"] - v["gross_pay_period"]),
            "tax_to_date": pounds(v["previous_tax_paid_to_date"]),
        }
        for v in tax
    ]
    batch = tmp_path / "hmrc.jsonl"
    batch.write_text("".join(json.dumps(line) + "\n" for line in lines))
    result = run("payroll-calc", "--batch", batch, passphrase=None)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == len(tax)
    wrong = [
        (v["id"], o["tax"], v["expected_tax_this_period"])
        for v, o in zip(tax, out, strict=True)
        if abs(Decimal(o["tax"]) - Decimal(v["expected_tax_this_period"])) > Decimal("0.01")
    ]
    assert wrong == []


def test_batch_output_is_exactly_json_dumps(tmp_path: Path) -> None:
    # The batch writes its lines by hand for speed; they must be what json.dumps would write.
    batch = tmp_path / "in.jsonl"
    batch.write_text(json.dumps(CASE) + "\n")
    result = run("payroll-calc", "--batch", batch, passphrase=None)
    assert result.stdout == json.dumps(EXPECTED) + "\n"


def test_payroll_calc_does_not_load_the_book_machinery() -> None:
    # Start-up time matters for the 10,000-case benchmark: no SQLAlchemy, services or importers.
    code = (
        "import sys; from pa_manager.cli import main; "
        "rc = main(['payroll-calc', '--tax-year', '2026-27', '--frequency', 'monthly', '--period', '1', "
        "'--tax-code', '1257L', '--gross', '1.00']); "
        "heavy = sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'pa_manager.services.book', "
        "'pa_manager.importers', 'pa_manager.store', 'PySide6', 'reportlab'))); "
        "print(rc, heavy)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines()[-1] == "0 []", result.stdout + result.stderr
