"""Timesheets: one per PA per pay period, saved, checked, totalled, signed, approved and locked.

- Periods: weekly timesheets run Monday to Sunday; fortnightly and four-weekly ones run in blocks of
  14 or 28 days from the Monday on or before the PA's start date; monthly ones are calendar months.
- Saving checks every shift (`domain.timesheets.validate_timesheet`, plus: inside the period, and no
  overlap with a neighbouring timesheet's night shift) and saves nothing if anything is wrong; the
  BookError lists every problem, and `TimesheetError.problems` holds them one by one for the grid.
- Status: draft → signed (by the PA and/or the employer) → approved, which locks it: it then feeds
  pay and refuses changes until `unlock`, which is recorded in the audit trail with its reason.
  Changing the shifts of a signed timesheet clears the signatures: they vouched for other hours.
- Signing, approval and unlocking are in `timesheet_signing`; rota templates in `rota`.
- Totals: minutes by shift type and by rate, gross pay with the holder's nation's bank holidays,
  holiday accrued, and the minimum wage check for the PA's age at the start of the period.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum

from sqlalchemy import select
from sqlalchemy.orm import Session

from pa_manager.domain.errors import DomainError
from pa_manager.domain.holder import Nation
from pa_manager.domain.holiday import accrued_hours, annual_entitlement
from pa_manager.domain.minimum_wage import MinimumWageResult, check_timesheet_pay
from pa_manager.domain.money import Money
from pa_manager.domain.people import PA, HolidayScheme, add_months, long_date
from pa_manager.domain.periods import PayFrequency
from pa_manager.domain.timesheets import (
    Shift,
    ShiftType,
    TimesheetPay,
    TimesheetProblem,
    price_timesheet,
    validate_timesheet,
)
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.holiday_service import holiday_rate_in, leave_year_for
from pa_manager.services.people import pa_from_row
from pa_manager.services.shift_store import (
    holder_nation,
    holidays_between,
    load_shifts,
    minutes_by_group,
    shift_from_row,
    shift_values,
    sort_key,
    week_start,
)
from pa_manager.store import audit
from pa_manager.store.models import PARow, ShiftRow, TimesheetRow


class TimesheetStatus(Enum):
    """Where a timesheet is in its life."""

    DRAFT = "draft"
    SIGNED = "signed"
    APPROVED = "approved"

    @property
    def label(self) -> str:
        return {"draft": "Draft", "signed": "Signed", "approved": "Approved (locked)"}[self.value]

    @property
    def locked(self) -> bool:
        return self is TimesheetStatus.APPROVED


class TimesheetError(BookError):
    """A timesheet was refused; `problems` are the individual sentences, for marking the grid."""

    def __init__(self, message: str, problems: Sequence[TimesheetProblem] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class Signature:
    """Who signed and when; `drawn` is an optional PNG of a signature drawn on screen."""

    name: str
    on: date
    drawn: bytes | None = None


@dataclass(frozen=True, slots=True)
class Totals:
    """What a set of shifts comes to. `holiday_accrued` is in hours (two places)."""

    pay: TimesheetPay
    minutes_by_type: Mapping[ShiftType, int]
    holiday_accrued: Decimal
    holiday_rate: Money
    minimum_wage: MinimumWageResult | None
    minimum_wage_note: str


@dataclass(frozen=True, slots=True)
class Timesheet:
    """A PA's timesheet for one period, ready to show: `id` is None until first saved."""

    id: int | None
    pa_id: int
    pa_name: str
    period_start: date
    period_end: date
    status: TimesheetStatus
    shifts: tuple[Shift, ...]
    pa_signature: Signature | None
    employer_signature: Signature | None
    approved_at: str | None
    approved_by: str | None
    bank_holidays: frozenset[date]
    totals: Totals

    @property
    def locked(self) -> bool:
        return self.status.locked


def period_containing(pa: PA, day: date) -> tuple[date, date]:
    """The first and last day of the PA's timesheet period holding `day` (see module docstring)."""
    if pa.pay_frequency is PayFrequency.MONTHLY:
        first = day.replace(day=1)
        return first, add_months(first, 1) - timedelta(days=1)
    days = 7 * (pa.pay_frequency.weeks or 1)
    anchor = week_start(pa.start_date)
    first = anchor + timedelta(days=((day - anchor).days // days) * days)
    return first, first + timedelta(days=days - 1)


def pa_in(s: Session, pa_id: int) -> tuple[PARow, PA]:
    row = s.get(PARow, pa_id)
    if row is None:
        raise BookError("That PA is not in this book.")
    pa = pa_from_row(row)
    if pa is None:
        raise BookError(f"Finish {row.name}'s record first: type their pay rates and how they work.")
    return row, pa


def _minutes_by_type(shifts: Sequence[Shift]) -> dict[ShiftType, int]:
    out: dict[ShiftType, int] = {}
    for sh in shifts:
        out[sh.kind] = out.get(sh.kind, 0) + (
            sh.woken_minutes if sh.kind is ShiftType.SLEEP_IN else sh.minutes
        )
    return out


def price_shifts(
    s: Session,
    row: PARow,
    pa: PA,
    nation: Nation,
    shifts: Sequence[Shift],
    first: date,
    last: date,
    groups: Sequence[int] | None = None,
) -> Totals:
    """Price shifts from `first` to `last`; `groups` gives each shift's pay period for 12.07%."""
    holidays = holidays_between(nation, first, last)
    rate, _why = pa.rates.standard, ""
    if (
        any(sh.kind is ShiftType.HOLIDAY for sh in shifts)
        and pa.holiday_scheme is HolidayScheme.ACCRUAL_12_07
    ):
        rate, _why = holiday_rate_in(s, row, pa, nation, first)
    try:
        pay = price_timesheet(shifts, pa, holidays, holiday_rate=rate)
    except DomainError as err:
        raise BookError(str(err)) from None
    if pa.holiday_scheme is HolidayScheme.ACCRUAL_12_07:
        per_period = minutes_by_group(zip(groups or [0] * len(shifts), shifts, strict=True))
        accrued = sum((accrued_hours(m) for m in per_period.values()), Decimal("0.00"))
    else:
        accrued = _regular_accrual(pa, row.holiday_year_starts, first, last)
    check: MinimumWageResult | None = None
    try:
        check = check_timesheet_pay(pay, pa, first, row.apprenticeship_started)
        note = check.explanation
    except DomainError as err:
        note = f"The minimum wage was not checked: {err}"
    return Totals(pay, _minutes_by_type(shifts), accrued, rate, check, note)


def _regular_accrual(pa: PA, year_starts: date | None, first: date, last: date) -> Decimal:
    """5.6 weeks a year built up day by day over the days employed from `first` to `last`."""
    if pa.weekly_hours is None or pa.days_per_week is None:
        return Decimal("0.00")
    start = max(first, pa.start_date)
    end = min(last, pa.leave_date or last)
    days = max(0, (end - start).days + 1)
    year_days = leave_year_for(pa, year_starts, first).days
    full = annual_entitlement(pa.weekly_hours, pa.days_per_week)
    return (full * days / year_days).quantize(Decimal("0.01"))


def _signature(name: str | None, on: date | None, png: str | None) -> Signature | None:
    if not name or on is None:
        return None
    return Signature(name, on, base64.b64decode(png) if png else None)


def view_of(s: Session, row: PARow, pa: PA, ts: TimesheetRow | None, first: date, last: date) -> Timesheet:
    nation = holder_nation(s)
    shifts: list[Shift] = []
    if ts is not None:
        rows = s.scalars(
            select(ShiftRow)
            .where(ShiftRow.timesheet_id == ts.id)
            .order_by(ShiftRow.day, ShiftRow.start_minute)
        )
        shifts = [shift_from_row(r) for r in rows]
    totals = price_shifts(s, row, pa, nation, shifts, first, last)
    return Timesheet(
        id=None if ts is None else ts.id,
        pa_id=row.id,
        pa_name=row.name,
        period_start=first,
        period_end=last,
        status=TimesheetStatus.DRAFT if ts is None else TimesheetStatus(ts.status),
        shifts=tuple(shifts),
        pa_signature=None
        if ts is None
        else _signature(ts.pa_signed_name, ts.pa_signed_on, ts.pa_signature_png),
        employer_signature=None
        if ts is None
        else _signature(ts.employer_signed_name, ts.employer_signed_on, ts.employer_signature_png),
        approved_at=None if ts is None else ts.approved_at,
        approved_by=None if ts is None else ts.approved_by,
        bank_holidays=holidays_between(nation, first, last),
        totals=totals,
    )


def bank_holiday_names(book: Book, first: date, last: date) -> dict[date, str]:
    """The holder's nation's bank holidays from `first` to `last` by name, for marking the grid."""
    from pa_manager.services.bank_holidays import bank_holiday_names as names

    with book.read() as s:
        nation = holder_nation(s)
    return names(nation, first, last)


def _find(s: Session, pa_id: int, first: date) -> TimesheetRow | None:
    return s.scalars(
        select(TimesheetRow).where(TimesheetRow.pa_id == pa_id, TimesheetRow.period_start == first)
    ).first()


def open_timesheet(book: Book, pa_id: int, day: date) -> Timesheet:
    """The PA's timesheet for the period holding `day` (an empty draft if none is saved yet)."""
    with book.read() as s:
        row, pa = pa_in(s, pa_id)
        first, last = period_containing(pa, day)
        return view_of(s, row, pa, _find(s, pa_id, first), first, last)


def _problems(
    s: Session, pa: PA, pa_id: int, shifts: Sequence[Shift], first: date, last: date
) -> list[TimesheetProblem]:
    found = list(validate_timesheet(shifts, pa))
    for index, sh in enumerate(shifts):
        if not first <= sh.day <= last:
            it = sh.describe()
            found.append(
                TimesheetProblem(
                    f"{it[0].upper()}{it[1:]} is outside this timesheet ({long_date(first)} to "
                    f"{long_date(last)}); put it on the timesheet for its own dates.",
                    (index,),
                )
            )
    # A night shift at the end of the previous timesheet may run into this one, and vice versa.
    neighbours = [
        sh
        for _t, sh in load_shifts(s, pa_id, first - timedelta(days=1), last + timedelta(days=1))
        if not first <= sh.day <= last
    ]
    if neighbours and not found:
        combined = [*shifts, *neighbours]
        for problem in validate_timesheet(combined, pa):
            if any(i < len(shifts) for i in problem.shift_indexes):
                found.append(
                    TimesheetProblem(
                        problem.message, tuple(i for i in problem.shift_indexes if i < len(shifts))
                    )
                )
    return found


def _refuse(problems: Sequence[TimesheetProblem]) -> TimesheetError:
    if len(problems) == 1:
        return TimesheetError(problems[0].message, problems)
    listed = " ".join(p.message for p in problems)
    return TimesheetError(f"Nothing was saved: fix these {len(problems)} problems first. {listed}", problems)


def locked_error(ts: TimesheetRow, name: str) -> TimesheetError:
    return TimesheetError(
        f"{name}'s timesheet from {long_date(ts.period_start)} is approved and locked; unlock it first "
        "(the unlock is recorded)."
    )


def save_timesheet(book: Book, pa_id: int, day: date, shifts: Sequence[Shift]) -> Timesheet:
    """Replace the shifts on the PA's timesheet for the period holding `day`. All or nothing."""
    ordered = sorted(shifts, key=sort_key)
    with book.write() as s:
        row, pa = pa_in(s, pa_id)
        first, last = period_containing(pa, day)
        problems = _problems(s, pa, pa_id, ordered, first, last)
        if problems:
            raise _refuse(problems)
        ts = _find(s, pa_id, first)
        if ts is not None and TimesheetStatus(ts.status).locked:
            raise locked_error(ts, row.name)
        if ts is None:
            ts = TimesheetRow(pa_id=pa_id, period_start=first, period_end=last, status="draft")
            s.add(ts)
            s.flush()
        else:
            old = [
                shift_from_row(r) for r in s.scalars(select(ShiftRow).where(ShiftRow.timesheet_id == ts.id))
            ]
            if sorted(old, key=sort_key) == ordered:
                return view_of(s, row, pa, ts, first, last)
            for r in s.scalars(select(ShiftRow).where(ShiftRow.timesheet_id == ts.id)):
                s.delete(r)
            _clear_signatures(ts)
        s.flush()
        audit.insert_audited(s, ShiftRow, [shift_values(sh, ts.id, pa_id) for sh in ordered])
        return view_of(s, row, pa, ts, first, last)


def _clear_signatures(ts: TimesheetRow) -> None:
    ts.status = TimesheetStatus.DRAFT.value
    ts.pa_signed_name = ts.pa_signed_on = ts.pa_signature_png = None
    ts.employer_signed_name = ts.employer_signed_on = ts.employer_signature_png = None


def copy_previous_week(book: Book, pa_id: int, week_first_day: date) -> tuple[Shift, ...]:
    """The shifts of the 7 days before `week_first_day`, moved on a week, for the grid (not saved)."""
    with book.read() as s:
        before = load_shifts(s, pa_id, week_first_day - timedelta(days=7), week_first_day - timedelta(days=1))
    week = timedelta(days=7)
    return tuple(
        Shift(
            sh.day + week,
            sh.start,
            sh.end,
            sh.kind,
            sh.break_minutes,
            sh.woken_minutes,
            None if sh.end_day is None else sh.end_day + week,
        )
        for _t, sh in before
    )


def timesheet_parts(s: Session, timesheet_id: int) -> tuple[TimesheetRow, PARow, PA]:
    ts = s.get(TimesheetRow, timesheet_id)
    if ts is None:
        raise BookError("That timesheet is not in this book; save it first.")
    row, pa = pa_in(s, ts.pa_id)
    return ts, row, pa


def totals_between(book: Book, pa_id: int, first: date, last: date) -> Totals:
    """Totals of every saved shift starting from `first` to `last` (any status), for reports and CLI."""
    if last < first:
        raise BookError("The end date is before the start date.")
    with book.read() as s:
        row, pa = pa_in(s, pa_id)
        found = load_shifts(s, pa_id, first, last)
        return price_shifts(
            s, row, pa, holder_nation(s), [sh for _t, sh in found], first, last, [t for t, _sh in found]
        )


def delete_timesheet(book: Book, timesheet_id: int) -> None:
    """Remove a timesheet that is not locked, with its shifts."""
    with book.write() as s:
        ts, row, _ = timesheet_parts(s, timesheet_id)
        if TimesheetStatus(ts.status).locked:
            raise locked_error(ts, row.name)
        for r in s.scalars(select(ShiftRow).where(ShiftRow.timesheet_id == ts.id)):
            s.delete(r)
        s.flush()
        s.delete(ts)
