"""Bureau mode: a payroll bureau works out a PA's pay, and the holder types in its payslips.

The figures go into the pay run for their period like a calculated payslip: the run's calculation
leaves the PA's figures as typed (adding only the Employment Allowance share and year to date),
finalising records the wages, HMRC and pension owed from them, and they count in year-to-date
figures and HMRC totals. A payslip typed into a run already finalised is finalised at once, with
its commitments. Mark the PA first (`pay_settings.set_payroll_details(..., bureau=True)`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy import select

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll import apply_employment_allowance, employment_allowance_for, parse_tax_code
from pa_manager.domain.people import long_date
from pa_manager.domain.periods import PayFrequency, TaxYear
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.pay_hmrc import quarterly_in, record_commitments
from pa_manager.services.pay_rows import (
    DRAFT,
    FINALISED,
    add_to_ytd,
    allowance_used_before,
    find_run,
    ni_text,
    payslip_values,
    ytd_before,
)
from pa_manager.services.pay_run_calc import check_period
from pa_manager.services.pay_settings import allowance_claimed_in, details_of
from pa_manager.services.pay_types import BureauFigures, PayLineFigure, Payslip, PayslipSource, YearToDate
from pa_manager.store import audit
from pa_manager.store.models import PARow, PayRunRow, PayslipRow


def _check(figures: BureauFigures) -> list[str]:
    for name in (
        "gross",
        "employee_ni",
        "employer_ni",
        "pension_employee",
        "pension_employer",
        "student_loan",
        "postgraduate_loan",
    ):
        if getattr(figures, name).is_negative:
            raise BookError(f"The {name.replace('_', ' ')} on a payslip cannot be negative.")
    notes = []
    expected = (
        figures.gross
        - figures.tax
        - figures.employee_ni
        - figures.pension_employee
        - figures.student_loan
        - figures.postgraduate_loan
    )
    if expected != figures.net:
        notes.append(
            f"The bureau's net pay ({figures.net}) is not gross less the deductions typed in ({expected}); "
            "check the payslip for another deduction."
        )
    return notes


def record_bureau_payslip(
    book: Book,
    pa_id: int,
    tax_year: TaxYear,
    frequency: PayFrequency,
    period: int,
    figures: BureauFigures,
    *,
    pay_date: date | None = None,
) -> int:
    """Store a bureau's payslip for a PA in the run for that period; returns the payslip's id."""
    first, last = check_period(tax_year, frequency, period)
    notes = _check(figures)
    code = figures.tax_code.strip()
    if code:
        try:
            code = str(parse_tax_code(code))
        except DomainError as err:
            raise BookError(str(err)) from None
    with book.write() as s:
        pa = s.get(PARow, pa_id)
        if pa is None:
            raise BookError("That PA is not in this book.")
        if not details_of(pa).bureau:
            raise BookError(f"{pa.name} is not marked as paid by a payroll bureau; mark them first.")
        run = find_run(s, tax_year, frequency, period)
        day = pay_date or (run.pay_date if run is not None else last)
        if not first <= day <= last:
            raise BookError(f"The pay date must be from {long_date(first)} to {long_date(last)}.")
        if run is None:
            run = PayRunRow(
                tax_year=str(tax_year),
                frequency=frequency.value,
                period=period,
                period_start=first,
                period_end=last,
                pay_date=day,
                status=DRAFT,
                notes="[]",
            )
            s.add(run)
            s.flush()
        final = run.status == FINALISED
        existing = s.scalars(
            select(PayslipRow).where(PayslipRow.pay_run_id == run.id, PayslipRow.pa_id == pa_id)
        ).first()
        if existing is not None:
            if final:
                raise BookError(
                    f"{pa.name} already has a payslip in this finalised pay run; it cannot be changed."
                )
            s.delete(existing)
            s.flush()
        lines = (PayLineFigure("bureau", "Gross pay (from the bureau)", 0, 0, Money(0), figures.gross),)
        slip = Payslip(
            pa_id=pa_id,
            pa_name=pa.name,
            ni_number=ni_text(pa.ni_number),
            source=PayslipSource.BUREAU,
            lines=lines,
            worked_minutes=int(figures.hours * 60) if figures.hours is not None else 0,
            gross=figures.gross,
            holiday_pay=Money(0),
            ssp=Money(0),
            taxable_pay=figures.gross,
            tax=figures.tax,
            tax_code=code,
            tax_basis="",
            ni_category=(figures.ni_category or "A").strip().upper()[:1],
            employee_ni=figures.employee_ni,
            employer_ni=figures.employer_ni,
            earnings_at_lel=Money(0),
            earnings_lel_to_pt=Money(0),
            earnings_pt_to_uel=Money(0),
            employment_allowance=Money(0),
            pension_category="",
            pension_qualifying=Money(0),
            pension_employee=figures.pension_employee,
            pension_employer=figures.pension_employer,
            student_loan=figures.student_loan,
            postgraduate_loan=figures.postgraduate_loan,
            net=figures.net,
            ytd=YearToDate.zero(),
            warnings=tuple(notes),
        )
        if final and allowance_claimed_in(s, tax_year):
            used = allowance_used_before(s, tax_year, None)
            offset = apply_employment_allowance(
                allowance=employment_allowance_for(tax_year), used_before=used, employer_ni=slip.employer_ni
            ).offset
            slip = replace(slip, employment_allowance=offset)
        before = ytd_before(s, tax_year, [pa_id], day, run.id).get(pa_id, YearToDate.zero())
        slip = replace(slip, ytd=add_to_ytd(before, slip))
        ids = audit.insert_audited(s, PayslipRow, [payslip_values(slip, run.id, tax_year, day, final=final)])
        if final:
            run.finalised_at = run.finalised_at or datetime.now(UTC).isoformat(timespec="seconds")
            quarterly = quarterly_in(s, tax_year, [slip], frequency)
            label = f"{tax_year} period {period}"
            record_commitments(s, tax_year, day, [(ids[0], slip)], label, quarterly)
        audit.note(s, f"Typed in the payroll bureau's payslip for {pa.name}, {tax_year} period {period}")
        return ids[0]
