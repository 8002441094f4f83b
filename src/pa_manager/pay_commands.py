"""`pa-manager run-payroll BOOK --period 2026-27:N [--frequency F] [--json] [--finalise]`.

Without `--finalise` the pay run is worked out and printed and nothing is written (a run already
finalised is printed as it was saved). With `--finalise` it is saved, finalised and locked, and the
wages, HMRC and pension owed become committed money. The frequency is the one most PAs are paid at
unless `--frequency` names another. Money is printed as decimal strings ("123.45").
"""

from __future__ import annotations

import argparse
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from pa_manager import command_args
from pa_manager.domain.periods import PayFrequency
from pa_manager.services import pay_runs
from pa_manager.services.errors import BookError
from pa_manager.services.pay_types import PayRunPreview, Payslip

_SLIP_MONEY = (
    "gross",
    "holiday_pay",
    "ssp",
    "taxable_pay",
    "tax",
    "employee_ni",
    "employer_ni",
    "employment_allowance",
    "pension_employee",
    "pension_employer",
    "student_loan",
    "postgraduate_loan",
    "net",
)


def cmd_run_payroll(ns: argparse.Namespace) -> int:
    """Work out (and with --finalise, save and lock) the pay run for one pay period."""
    tax_year, period = pay_runs.parse_period(ns.period)
    pay_date = command_args._date(ns.pay_date, "--pay-date")
    book = command_args._open(ns)
    try:
        frequency = PayFrequency.parse(ns.frequency) if ns.frequency else pay_runs.main_frequency(book)
        if ns.finalise:
            book.act_as_default()
            draft = pay_runs.save_draft(book, tax_year, frequency, period, pay_date=pay_date)
            if draft.id is None:  # save_draft always returns a saved run; kept for the type checker
                raise BookError("The pay run could not be saved.")
            preview = pay_runs.finalise_pay_run(book, draft.id)
        else:
            preview = pay_runs.calculate_pay_run(book, tax_year, frequency, period, pay_date=pay_date)
    finally:
        book.close()
    data = run_json(preview)
    print(json.dumps(data, indent=2) if ns.json else _text(preview))
    return 0


def _slip_json(p: Payslip) -> dict[str, Any]:
    out: dict[str, Any] = {"pa": p.pa_name, "source": p.source.value}
    out.update({f: getattr(p, f).decimal_str() for f in _SLIP_MONEY})
    out.update(
        {
            "tax_code": p.tax_code,
            "tax_basis": p.tax_basis,
            "ni_category": p.ni_category,
            "pension_category": p.pension_category,
            "hours_worked": str((Decimal(p.worked_minutes) / 60).quantize(Decimal("0.01"), ROUND_HALF_UP)),
            "lines": [
                {
                    "kind": ln.kind,
                    "hours": str(ln.hours),
                    "nights": ln.nights,
                    "rate": ln.rate.decimal_str(),
                    "amount": ln.amount.decimal_str(),
                }
                for ln in p.lines
            ],
            "year_to_date": {
                "taxable_pay": p.ytd.taxable_pay.decimal_str(),
                "tax": p.ytd.tax.decimal_str(),
                "employee_ni": p.ytd.employee_ni.decimal_str(),
            },
            "warnings": list(p.warnings),
        }
    )
    return out


def run_json(preview: PayRunPreview) -> dict[str, Any]:
    """The run as plain values for --json."""
    return {
        "tax_year": str(preview.tax_year),
        "frequency": preview.frequency.value,
        "period": preview.period,
        "period_start": preview.period_start.isoformat(),
        "period_end": preview.period_end.isoformat(),
        "pay_date": preview.pay_date.isoformat(),
        "status": preview.status.value,
        "payslips": [_slip_json(p) for p in preview.payslips],
        "totals": {f: preview.total(f).decimal_str() for f in _SLIP_MONEY},
        "hmrc": preview.hmrc.decimal_str(),
        "employer_cost": preview.employer_cost.decimal_str(),
        "warnings": list(preview.all_warnings),
    }


def _text(preview: PayRunPreview) -> str:
    lines = [
        f"Pay run {preview.label} ({preview.frequency.value}): {preview.period_start:%d/%m/%Y} to "
        f"{preview.period_end:%d/%m/%Y}, paid {preview.pay_date:%d/%m/%Y}. {preview.status.label}."
    ]
    for p in preview.payslips:
        lines.append(
            f"  {p.pa_name}: gross {p.gross}, tax {p.tax}, NI {p.employee_ni}, pension {p.pension_employee}, "
            f"student loan {p.student_loan + p.postgraduate_loan}, net {p.net} "
            f"(code {p.tax_code}, NI {p.ni_category})"
        )
    if not preview.payslips:
        lines.append("  Nobody is paid in this run.")
    lines.append(
        f"Total gross {preview.total('gross')}, net {preview.total('net')}; owed to HMRC {preview.hmrc}; "
        f"cost to the employer {preview.employer_cost}."
    )
    lines += [f"Note: {w}" for w in preview.all_warnings]
    return "\n".join(lines)


def run_payroll_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("book", type=Path)
    p.add_argument("--period", required=True, help="tax year and period number, e.g. 2026-27:5")
    p.add_argument("--frequency", help="weekly, fortnightly, four_weekly or monthly (default: most PAs')")
    p.add_argument(
        "--pay-date", dest="pay_date", help="the day the PAs are paid (default: the period's last day)"
    )
    p.add_argument("--json", action="store_true")
    p.add_argument("--finalise", action="store_true", help="save the run, lock it and record what is owed")
    command_args._passphrase_args(p)


ENTRY = (cmd_run_payroll, run_payroll_args)
