"""Working out a pay run: from approved timesheets to a payslip per PA. Reads only; writes nothing.

A pay run is one HMRC pay period (`TaxYear.period_dates`) for the PAs paid at one frequency. A PA's
timesheet belongs to the run whose period holds the timesheet's last day (a weekly timesheet ends
on exactly one day of each 7-day tax week; a monthly one on one day of each tax month). The pay
date defaults to the period's last day and must lie inside the period, because HMRC taxes a payment
in the period holding its pay date.

For each PA: gross by rate from `timesheets.totals_between` (holiday taken is already a line at the
holiday rate), plus Statutory Sick Pay (`pay_ssp`); pension by `assess_pension`; tax and NI by the
HMRC-exact `payroll.calculate`, with pay and tax to date from this tax year's finalised payslips;
student loans; the Employment Allowance set against employer NI in payslip order until the year's
allowance is used up. Whatever the run cannot do is said in plain English: a timesheet not approved
(that PA is left out), pay below the minimum wage, no tax code (emergency code 1257L on a week 1 /
month 1 basis), a bureau PA whose payslip has not been typed in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll import (
    PayrollCase,
    apply_employment_allowance,
    calculate,
    employment_allowance_for,
    rates_for,
    student_loan_deductions,
)
from pa_manager.domain.people import PA, EmploymentType, age_on, long_date
from pa_manager.domain.periods import PayFrequency, TaxYear
from pa_manager.domain.timesheets import PayKind, Shift
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.pay_pension import pension_for
from pa_manager.services.pay_rows import (
    FINALISED,
    add_to_ytd,
    allowance_used_before,
    find_run,
    ni_text,
    payslips_of,
    preview_of,
    ytd_before,
)
from pa_manager.services.pay_settings import PayrollDetails, allowance_claimed_in, details_of
from pa_manager.services.pay_ssp import NO_SICKNESS, sick_days_by_pa, sick_pay
from pa_manager.services.pay_types import (
    PayLineFigure,
    PayRunPreview,
    PayRunStatus,
    Payslip,
    PayslipSource,
    YearToDate,
)
from pa_manager.services.people import pa_from_row
from pa_manager.services.shift_store import holder_nation, shift_from_row
from pa_manager.services.timesheets import (
    TimesheetStatus,
    Totals,
    price_shifts,  # prices many PAs in one session
)
from pa_manager.store.models import PARow, ShiftRow, TimesheetRow

EMERGENCY_CODE = "1257L"


@dataclass(slots=True)
class _Sheet:
    start: date
    end: date
    status: str


@dataclass(slots=True)
class _Gathered:
    """Everything read from the book in one session before any arithmetic."""

    run_id: int | None
    pay_date: date
    pas: list[tuple[PARow, PA | None, PayrollDetails]]
    sheets: dict[int, list[_Sheet]]
    ytd: dict[int, YearToDate]
    allowance_used: Money
    allowance_claimed: bool
    bureau: dict[int, Payslip]
    sick: dict[int, list[date]]


def check_period(tax_year: TaxYear, frequency: PayFrequency, period: int) -> tuple[date, date]:
    try:
        rates_for(tax_year)
        return tax_year.period_dates(frequency, period)
    except DomainError as err:
        raise BookError(str(err)) from None


def calculate_pay_run(
    book: Book,
    tax_year: TaxYear,
    frequency: PayFrequency,
    period: int,
    *,
    pay_date: date | None = None,
    afresh: bool = False,
) -> PayRunPreview:
    """The pay run for one period as it would be now. A finalised run comes back as it was saved,
    unless `afresh` asks for it to be worked out again from the book (to compare, or to time)."""
    first, last = check_period(tax_year, frequency, period)
    with book.read() as s:
        run = find_run(s, tax_year, frequency, period)
        if run is not None and run.status == FINALISED and not afresh:
            return preview_of(s, run)
        day = pay_date or (run.pay_date if run is not None else last)
        if not first <= day <= last:
            raise BookError(
                f"The pay date must be in the pay period ({long_date(first)} to {long_date(last)}): "
                "HMRC taxes pay in the period holding the day it is paid."
            )
        got = _gather(s, tax_year, frequency, first, last, day, None if run is None else run.id)
        totals = _price(s, got)
    payslips: list[Payslip] = []
    warnings: list[str] = []
    used = got.allowance_used
    allowance = employment_allowance_for(tax_year)
    for row, pa, details in got.pas:
        slip = _payslip_for(book, tax_year, frequency, period, got, row, pa, details, totals, warnings)
        if slip is None:
            continue
        offset = Money(0)
        if got.allowance_claimed:
            offset = apply_employment_allowance(
                allowance=allowance, used_before=used, employer_ni=slip.employer_ni
            ).offset
            used += offset
        slip = _with_allowance(slip, offset, got.ytd.get(row.id, YearToDate.zero()))
        payslips.append(slip)
    return PayRunPreview(
        tax_year,
        frequency,
        period,
        first,
        last,
        day,
        PayRunStatus.NOT_SAVED if got.run_id is None else PayRunStatus.DRAFT,
        tuple(payslips),
        tuple(warnings),
        got.run_id,
    )


def _gather(
    s: Session,
    tax_year: TaxYear,
    frequency: PayFrequency,
    first: date,
    last: date,
    pay_date: date,
    run_id: int | None,
) -> _Gathered:
    freq = PayFrequency.WEEKLY.value
    query = (
        select(PARow)
        .where(PARow.start_date <= last, or_(PARow.leave_date.is_(None), PARow.leave_date >= first))
        .order_by(PARow.name, PARow.id)
    )
    if frequency.value == freq:
        query = query.where(or_(PARow.pay_frequency == freq, PARow.pay_frequency.is_(None)))
    else:
        query = query.where(PARow.pay_frequency == frequency.value)
    pas = []
    for row in s.scalars(query):
        if row.employment_type not in (None, EmploymentType.EMPLOYEE.value):
            continue  # the self-employed and agency workers are not on the holder's payroll
        pas.append((row, pa_from_row(row), details_of(row)))
    ids = [row.id for row, _pa, _d in pas]
    sheets: dict[int, list[_Sheet]] = {}
    for pa_id, start, end, status in s.execute(
        select(TimesheetRow.pa_id, TimesheetRow.period_start, TimesheetRow.period_end, TimesheetRow.status)
        .where(TimesheetRow.pa_id.in_(ids), TimesheetRow.period_end >= first, TimesheetRow.period_end <= last)
        .order_by(TimesheetRow.period_start)
    ):
        sheets.setdefault(pa_id, []).append(_Sheet(start, end, status))
    bureau = (
        {p.pa_id: p for p in payslips_of(s, run_id) if p.source is PayslipSource.BUREAU} if run_id else {}
    )
    spans = [sh for group in sheets.values() for sh in group]
    sick = (
        sick_days_by_pa(s, ids, min(sh.start for sh in spans), max(sh.end for sh in spans)) if spans else {}
    )
    return _Gathered(
        run_id,
        pay_date,
        pas,
        sheets,
        ytd_before(s, tax_year, ids, pay_date, run_id),
        allowance_used_before(s, tax_year, run_id),
        allowance_claimed_in(s, tax_year),
        bureau,
        sick,
    )


def _price(s: Session, got: _Gathered) -> dict[int, Totals]:
    """Each PA's approved timesheets priced, in this one session: one shift query for everyone.

    `timesheets.totals_between` would do the same per PA with its own session, reading the PA and
    the holder's nation again each time; for 20 PAs that alone costs more than the 100 ms budget.
    """
    wanted: dict[int, tuple[PARow, PA, date, date]] = {}
    for row, pa, details in got.pas:
        sheets = got.sheets.get(row.id, [])
        if pa is None or details.bureau or not sheets:
            continue
        if any(sh.status != TimesheetStatus.APPROVED.value for sh in sheets):
            continue
        wanted[row.id] = (row, pa, sheets[0].start, sheets[-1].end)
    if not wanted:
        return {}
    shifts: dict[int, list[tuple[int, Shift]]] = {pa_id: [] for pa_id in wanted}
    query = (
        select(ShiftRow)
        .where(
            ShiftRow.pa_id.in_(list(wanted)),
            ShiftRow.day >= min(w[2] for w in wanted.values()),
            ShiftRow.day <= max(w[3] for w in wanted.values()),
        )
        .order_by(ShiftRow.pa_id, ShiftRow.day, ShiftRow.start_minute, ShiftRow.id)
    )
    for r in s.scalars(query):
        _row, _pa, start, end = wanted[r.pa_id]
        if start <= r.day <= end:
            shifts[r.pa_id].append((r.timesheet_id, shift_from_row(r)))
    nation = holder_nation(s)
    return {
        pa_id: price_shifts(
            s, row, pa, nation, [sh for _t, sh in shifts[pa_id]], start, end, [t for t, _sh in shifts[pa_id]]
        )
        for pa_id, (row, pa, start, end) in wanted.items()
    }


def ni_category_for(
    pa: PA, details: PayrollDetails, apprenticeship: date | None, day: date
) -> tuple[str, str]:
    """The NI letter to use and, when it was worked out rather than recorded, why."""
    if details.ni_category:
        return details.ni_category, ""
    if pa.date_of_birth is None:
        return "A", f"{pa.name} has no date of birth recorded, so NI category A was used."
    age = age_on(pa.date_of_birth, day)
    # State Pension age is 66 for people born before 6 April 1960 and rises to 67 for later births;
    # the months of transition in between are not modelled (record the letter if it matters).
    pension_age = 66 if pa.date_of_birth < date(1960, 4, 6) else 67
    if age < 21:
        return "M", ""
    if apprenticeship is not None and age < 25:
        return "H", ""
    if age >= pension_age:
        return "C", ""
    return "A", ""


def _payslip_for(
    book: Book,
    tax_year: TaxYear,
    frequency: PayFrequency,
    period: int,
    got: _Gathered,
    row: PARow,
    pa: PA | None,
    details: PayrollDetails,
    priced: dict[int, Totals],
    warnings: list[str],
) -> Payslip | None:
    ytd = got.ytd.get(row.id, YearToDate.zero())
    if details.bureau:
        slip = got.bureau.get(row.id)
        if slip is None:
            warnings.append(
                f"{row.name}'s pay is done by a payroll bureau: type in the bureau's payslip for this "
                "period to include it."
            )
        return slip
    sheets = got.sheets.get(row.id, [])
    if pa is None:
        if sheets:
            warnings.append(
                f"{row.name} is left out: finish their record first (pay rates and how they work)."
            )
        return None
    if not sheets:
        return None
    waiting = [sh for sh in sheets if sh.status != TimesheetStatus.APPROVED.value]
    if waiting:
        warnings.append(
            f"{row.name}'s timesheet from {long_date(waiting[0].start)} is not approved yet, so their pay "
            "is left out of this run. Approve it and work the run out again."
        )
        return None
    totals = priced[row.id]
    notes: list[str] = []
    rates = rates_for(tax_year)
    sick = (
        sick_pay(book, row.id, pa, rates, got.sick.get(row.id, [])) if got.sick.get(row.id) else NO_SICKNESS
    )
    if sick.note:
        notes.append(sick.note)
    lines = [
        PayLineFigure(ln.kind.value, ln.kind.label, ln.minutes, ln.nights, ln.rate, ln.amount)
        for ln in totals.pay.lines
    ]
    if sick.amount:
        lines.append(
            PayLineFigure("ssp", "Statutory Sick Pay", 0, 0, sick.weekly_rate or Money(0), sick.amount)
        )
    gross = totals.pay.gross + sick.amount
    holiday = totals.pay.line(PayKind.HOLIDAY)
    if totals.minimum_wage is not None and not totals.minimum_wage.passes:
        notes.append(f"Below the minimum wage: {totals.minimum_wage.explanation}")
    code, week1 = row.tax_code or "", details.week1_month1
    if not code:
        code, week1 = EMERGENCY_CODE, True
        notes.append(
            f"No tax code is recorded for {row.name}, so the emergency code {EMERGENCY_CODE} was used on a "
            "week 1 / month 1 basis. Record the code from their P45 or starter checklist, or HMRC's notice."
        )
    category, why = ni_category_for(pa, details, row.apprenticeship_started, got.pay_date)
    if why:
        notes.append(why)
    pension = pension_for(row, pa, tax_year, frequency, got.pay_date, gross)
    if pension.note:
        notes.append(pension.note)
    taxable = gross - pension.employee if pension.net_pay else gross
    try:
        tax_case = PayrollCase(
            tax_year, frequency, period, code, week1, category, taxable, ytd.taxable_pay, ytd.tax
        )
        tax_result = calculate(tax_case)
        ni_result = tax_result.ni_detail
        if taxable != gross:
            ni_case = PayrollCase(
                tax_year, frequency, period, code, week1, category, gross, Money(0), Money(0)
            )
            ni_result = calculate(ni_case).ni_detail
        loans = student_loan_deductions(
            rates=rates.student_loans,
            frequency=frequency,
            ni_pay=gross,
            plan=details.student_loan_plan,
            postgraduate=details.postgraduate_loan,
        )
    except DomainError as err:
        warnings.append(f"{row.name} is left out: {err}")
        return None
    net = gross - tax_result.tax - ni_result.employee - pension.employee - loans.total
    if net.is_negative:
        notes.append(f"{row.name}'s deductions come to more than their pay this period; check the figures.")
    return Payslip(
        pa_id=row.id,
        pa_name=row.name,
        ni_number=ni_text(row.ni_number),
        source=PayslipSource.CALCULATED,
        lines=tuple(lines),
        worked_minutes=totals.pay.worked_minutes,
        gross=gross,
        holiday_pay=holiday.amount if holiday else Money(0),
        ssp=sick.amount,
        taxable_pay=taxable,
        tax=tax_result.tax,
        tax_code=str(tax_result.case.code),
        tax_basis=tax_result.tax_detail.basis.value,
        ni_category=category,
        employee_ni=ni_result.employee,
        employer_ni=ni_result.employer,
        earnings_at_lel=ni_result.earnings_at_lel,
        earnings_lel_to_pt=ni_result.earnings_lel_to_pt,
        earnings_pt_to_uel=ni_result.earnings_pt_to_uel,
        employment_allowance=Money(0),
        pension_category=pension.category,
        pension_qualifying=pension.qualifying,
        pension_employee=pension.employee,
        pension_employer=pension.employer,
        student_loan=loans.plan_deduction,
        postgraduate_loan=loans.postgraduate_deduction,
        net=net,
        ytd=ytd,
        warnings=tuple(notes),
    )


def _with_allowance(slip: Payslip, offset: Money, before: YearToDate) -> Payslip:
    slip = replace(slip, employment_allowance=offset)
    return replace(slip, ytd=add_to_ytd(before, slip))
