"""Holiday per PA: entitlement for the leave year, taken, booked and remaining, and what is owed.

- Leave years start on the PA's `holiday_year_starts` (any first day; its anniversaries), else on
  their start date.
- Regular hours (5.6 weeks): `domain.holiday.regular_entitlement`, pro rata for joiners and leavers.
- Irregular hours (12.07%): 12.07% of the hours worked in each saved timesheet of the leave year up
  to the day asked about (`domain.holiday.accrued_hours`, per pay period).
- Taken: holiday shifts on or before that day; booked: holiday shifts saved for later days.
- The hourly rate for holiday: the standard rate for regular hours; for irregular hours the average
  of the previous 52 paid weeks (`domain.holiday.holiday_pay_reference`) from approved timesheets,
  falling back to the standard rate when there is no pay history yet.
- `holiday_pay_owed(book, as_of)` is what the "holiday pay owed" contingency pot should hold: for
  every PA employed on that day, the holiday built up and not yet taken, at their holiday rate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pa_manager.domain.errors import DomainError
from pa_manager.domain.holder import Nation
from pa_manager.domain.holiday import (
    LOOK_BACK_WEEKS,
    HolidayBalance,
    LeaveYear,
    PaidWeek,
    accrued_hours,
    holiday_pay_reference,
    regular_entitlement,
    untaken_holiday_owed,
)
from pa_manager.domain.money import Money
from pa_manager.domain.people import PA, HolidayScheme
from pa_manager.domain.timesheets import Shift, ShiftType, price_timesheet
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.people import pa_from_row
from pa_manager.services.shift_store import (
    holder_nation,
    holidays_between,
    load_shifts,
    minutes_by_group,
    week_start,
)
from pa_manager.store.models import PARow

_ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class HolidaySummary:
    """One PA's holiday in the leave year holding `as_of`, in hours, and what it is paid at."""

    pa_id: int
    pa_name: str
    leave_year: LeaveYear
    scheme: HolidayScheme
    balance: HolidayBalance
    hourly_rate: Money
    explanation: str

    @property
    def remaining(self) -> Decimal:
        return self.balance.remaining


def leave_year_for(pa: PA, holiday_year_starts: date | None, day: date) -> LeaveYear:
    return LeaveYear.containing(day, holiday_year_starts or pa.start_date)


def _hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


def paid_weeks(pa: PA, shifts: Sequence[Shift], nation_holidays: frozenset[date]) -> list[PaidWeek]:
    """Each Monday-to-Sunday week's pay and minutes worked, from the shifts given (no holiday rate)."""
    weeks: dict[date, list[Shift]] = {}
    for shift in shifts:
        weeks.setdefault(week_start(shift.day), []).append(shift)
    out = []
    for first, group in sorted(weeks.items()):
        try:
            pay = price_timesheet(group, pa, nation_holidays)
        except DomainError:
            continue  # a week that no longer checks out (e.g. dates changed) is left out of the average
        out.append(PaidWeek(first, pay.gross, pay.worked_minutes))
    return out


def holiday_rate_in(s: Session, row: PARow, pa: PA, nation: Nation, starts: date) -> tuple[Money, str]:
    if pa.holiday_scheme is not HolidayScheme.ACCRUAL_12_07:
        return (
            pa.rates.standard,
            f"Holiday is paid at {pa.name}'s standard rate of {pa.rates.standard} an hour.",
        )
    first = starts - timedelta(weeks=LOOK_BACK_WEEKS)
    shifts = [sh for _t, sh in load_shifts(s, row.id, first, starts - timedelta(days=1), approved_only=True)]
    weeks = paid_weeks(pa, shifts, holidays_between(nation, first, starts))
    try:
        reference = holiday_pay_reference(weeks, starts)
    except DomainError as err:
        return pa.rates.standard, str(err)
    if reference.hourly_rate is None:
        return pa.rates.standard, reference.explanation
    return reference.hourly_rate, reference.explanation


def holiday_rate(book: Book, pa_id: int, starts: date) -> tuple[Money, str]:
    """The hourly rate for holiday starting on `starts`, and a sentence saying how it was found."""
    with book.read() as s:
        row, pa = _pa(s, pa_id)
        return holiday_rate_in(s, row, pa, holder_nation(s), starts)


def _pa(s: Session, pa_id: int) -> tuple[PARow, PA]:
    row = s.get(PARow, pa_id)
    if row is None:
        raise BookError("That PA is not in this book.")
    pa = pa_from_row(row)
    if pa is None:
        raise BookError(f"Finish {row.name}'s record first: type their pay rates and holiday scheme.")
    return row, pa


def _summary(s: Session, row: PARow, pa: PA, nation: Nation, as_of: date) -> HolidaySummary:
    year = leave_year_for(pa, row.holiday_year_starts, as_of)
    shifts = load_shifts(s, row.id, year.first_day, year.last_day)
    taken = sum(sh.minutes for _t, sh in shifts if sh.kind is ShiftType.HOLIDAY and sh.day <= as_of)
    booked = sum(sh.minutes for _t, sh in shifts if sh.kind is ShiftType.HOLIDAY and sh.day > as_of)
    if pa.holiday_scheme is HolidayScheme.ACCRUAL_12_07:
        worked = minutes_by_group((t, sh) for t, sh in shifts if sh.day <= as_of)
        entitlement = sum((accrued_hours(m) for m in worked.values()), _ZERO)
        how = "12.07% of the hours worked so far this leave year"
    else:
        if pa.weekly_hours is None or pa.days_per_week is None:  # PA refuses this; for the type checker
            raise BookError(f"Type {pa.name}'s contracted weekly hours to work out their holiday.")
        entitlement = regular_entitlement(
            year, pa.weekly_hours, pa.days_per_week, pa.start_date, pa.leave_date
        )
        how = "5.6 weeks of their contracted hours"
    balance = HolidayBalance(entitlement, _hours(taken), _hours(booked))
    rate, _why = holiday_rate_in(s, row, pa, nation, as_of)
    text = f"{balance.explain(pa.name)} The entitlement is {how}."
    return HolidaySummary(row.id, pa.name, year, pa.holiday_scheme, balance, rate, text)


def holiday_summary(book: Book, pa_id: int, as_of: date) -> HolidaySummary:
    """Entitlement, taken, booked and remaining for the leave year holding `as_of`."""
    with book.read() as s:
        row, pa = _pa(s, pa_id)
        return _summary(s, row, pa, holder_nation(s), as_of)


def holiday_summaries(book: Book, as_of: date) -> list[HolidaySummary]:
    """A summary for every PA with a finished record who is employed on `as_of`."""
    out = []
    with book.read() as s:
        nation = holder_nation(s)
        for row in s.scalars(select(PARow).order_by(PARow.name, PARow.id)):
            pa = pa_from_row(row)
            if pa is None or not pa.employed_on(as_of):
                continue
            out.append(_summary(s, row, pa, nation, as_of))
    return out


def holiday_pay_owed(book: Book, as_of: date) -> Money:
    """Holiday built up and not taken, at each PA's holiday rate, for PAs employed on `as_of`.

    For regular hours the part of the year's entitlement built up by `as_of` counts (pro rata to the
    days of the leave year gone), so the pot grows through the year as holiday is earned. PAs who
    have taken more than they built up count as nothing owed, never as money back.
    """
    total = Money(0)
    for summary in holiday_summaries(book, as_of):
        year = summary.leave_year
        built_up = summary.balance.entitlement
        if summary.scheme is HolidayScheme.WEEKS_5_6:
            gone = (as_of - year.first_day).days + 1
            built_up = (built_up * gone / year.days).quantize(Decimal("0.01"))
        left = HolidayBalance(built_up, summary.balance.taken)
        owed = untaken_holiday_owed(left, summary.hourly_rate) if left.remaining > 0 else Money(0)
        total += owed
    return total
