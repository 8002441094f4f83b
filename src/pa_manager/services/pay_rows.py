"""Pay runs and payslips in the book: reading rows into `pay_types` values and back, and the
year-to-date and Employment Allowance totals a new payslip starts from (indexed queries only)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pa_manager.domain.money import Money
from pa_manager.domain.people import NINumber
from pa_manager.domain.periods import PayFrequency, TaxYear
from pa_manager.services.pay_types import (
    PayLineFigure,
    PayRunPreview,
    PayRunStatus,
    Payslip,
    PayslipSource,
    YearToDate,
)
from pa_manager.store.models import PARow, PayRunRow, PayslipRow

FINALISED = PayRunStatus.FINALISED.value
DRAFT = PayRunStatus.DRAFT.value

# Payslip fields stored as *_pence columns of the same name.
_MONEY_FIELDS = (
    "gross",
    "holiday_pay",
    "ssp",
    "taxable_pay",
    "tax",
    "employee_ni",
    "employer_ni",
    "earnings_at_lel",
    "earnings_lel_to_pt",
    "earnings_pt_to_uel",
    "employment_allowance",
    "pension_employee",
    "pension_employer",
    "pension_qualifying",
    "student_loan",
    "postgraduate_loan",
    "net",
)
_YTD_COLUMNS = {
    "gross": "ytd_gross_pence",
    "taxable_pay": "ytd_taxable_pence",
    "tax": "ytd_tax_pence",
    "employee_ni": "ytd_employee_ni_pence",
    "employer_ni": "ytd_employer_ni_pence",
    "pension_employee": "ytd_pension_employee_pence",
    "pension_employer": "ytd_pension_employer_pence",
    "student_loan": "ytd_student_loan_pence",
    "postgraduate_loan": "ytd_postgraduate_loan_pence",
}


def find_run(s: Session, tax_year: TaxYear, frequency: PayFrequency, period: int) -> PayRunRow | None:
    return s.scalars(
        select(PayRunRow).where(
            PayRunRow.tax_year == str(tax_year),
            PayRunRow.frequency == frequency.value,
            PayRunRow.period == period,
        )
    ).first()


def ni_text(ni_number: str | None) -> str:
    return str(NINumber(ni_number)) if ni_number else ""


def payslip_from_row(row: PayslipRow, name: str, ni_number: str | None) -> Payslip:
    lines = tuple(
        PayLineFigure(d["kind"], d["label"], d["minutes"], d["nights"], Money(d["rate"]), Money(d["amount"]))
        for d in json.loads(row.pay_lines)
    )
    ytd = YearToDate(**{k: Money(getattr(row, col)) for k, col in _YTD_COLUMNS.items()})
    money = {f: Money(getattr(row, f + "_pence")) for f in _MONEY_FIELDS}
    return Payslip(
        pa_id=row.pa_id,
        pa_name=name,
        ni_number=ni_text(ni_number),
        source=PayslipSource(row.source),
        lines=lines,
        worked_minutes=row.worked_minutes,
        tax_code=row.tax_code,
        tax_basis=row.tax_basis,
        ni_category=row.ni_category,
        pension_category=row.pension_category,
        ytd=ytd,
        warnings=tuple(json.loads(row.warnings)),
        id=row.id,
        **money,
    )


def payslip_values(
    p: Payslip, run_id: int, tax_year: TaxYear, pay_date: date, *, final: bool
) -> dict[str, Any]:
    values: dict[str, Any] = {
        "pay_run_id": run_id,
        "pa_id": p.pa_id,
        "tax_year": str(tax_year),
        "pay_date": pay_date,
        "final": final,
        "source": p.source.value,
        "pay_lines": json.dumps(
            [
                {
                    "kind": ln.kind,
                    "label": ln.label,
                    "minutes": ln.minutes,
                    "nights": ln.nights,
                    "rate": ln.rate.pence,
                    "amount": ln.amount.pence,
                }
                for ln in p.lines
            ]
        ),
        "worked_minutes": p.worked_minutes,
        "ni_category": p.ni_category,
        "pension_category": p.pension_category,
        "tax_code": p.tax_code,
        "tax_basis": p.tax_basis,
        "warnings": json.dumps(list(p.warnings)),
    }
    values.update({f + "_pence": getattr(p, f).pence for f in _MONEY_FIELDS})
    values.update({col: getattr(p.ytd, k).pence for k, col in _YTD_COLUMNS.items()})
    return values


def payslips_of(s: Session, run_id: int) -> list[Payslip]:
    rows = s.execute(
        select(PayslipRow, PARow.name, PARow.ni_number)
        .join(PARow, PARow.id == PayslipRow.pa_id)
        .where(PayslipRow.pay_run_id == run_id)
        .order_by(func.lower(PARow.name), PARow.id)
    ).all()
    return [payslip_from_row(r, name, ni) for r, name, ni in rows]


def preview_of(s: Session, run: PayRunRow) -> PayRunPreview:
    """A saved run as it was saved (a finalised run never changes)."""
    return PayRunPreview(
        tax_year=TaxYear.parse(run.tax_year),
        frequency=PayFrequency(run.frequency),
        period=run.period,
        period_start=run.period_start,
        period_end=run.period_end,
        pay_date=run.pay_date,
        status=PayRunStatus(run.status),
        payslips=tuple(payslips_of(s, run.id)),
        warnings=tuple(json.loads(run.notes or "[]")),
        id=run.id,
        finalised_at=run.finalised_at,
    )


def ytd_before(
    s: Session, tax_year: TaxYear, pa_ids: list[int], pay_date: date, exclude_run: int | None
) -> dict[int, YearToDate]:
    """Each PA's totals from finalised payslips this tax year paid on or before `pay_date`."""
    if not pa_ids:
        return {}
    p = PayslipRow
    sums = [func.coalesce(func.sum(getattr(p, f + "_pence")), 0) for f in _YTD_COLUMNS]
    query = (
        select(p.pa_id, *sums)
        .where(p.pa_id.in_(pa_ids), p.tax_year == str(tax_year), p.final.is_(True), p.pay_date <= pay_date)
        .group_by(p.pa_id)
    )
    if exclude_run is not None:
        query = query.where(p.pay_run_id != exclude_run)
    out: dict[int, YearToDate] = {}
    for pa_id, *totals in s.execute(query):
        out[pa_id] = YearToDate(*(Money(int(t)) for t in totals))
    return out


def allowance_used_before(s: Session, tax_year: TaxYear, exclude_run: int | None) -> Money:
    """Employment Allowance already set against employer NI in finalised runs this tax year."""
    query = select(func.coalesce(func.sum(PayslipRow.employment_allowance_pence), 0)).where(
        PayslipRow.tax_year == str(tax_year), PayslipRow.final.is_(True)
    )
    if exclude_run is not None:
        query = query.where(PayslipRow.pay_run_id != exclude_run)
    return Money(int(s.scalar(query) or 0))


def add_to_ytd(before: YearToDate, p: Payslip) -> YearToDate:
    """Year to date after this payslip (the payslip's own ytd field is ignored)."""
    return YearToDate(
        **{k: getattr(before, k) + getattr(p, k) for k in _YTD_COLUMNS}  # same names on both
    )
