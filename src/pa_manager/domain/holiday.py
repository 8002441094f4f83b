"""Holiday: how much a PA is entitled to, how much is left, and what an hour of holiday pays.

Rules (Working Time Regulations 1998 as amended from 2024, England, Wales and Scotland; sources in
shared/research/payroll_rules.md section 9: Acas, DBT "Holiday pay and entitlement reforms", GOV.UK
"Calculating holiday pay for workers without fixed hours or pay"):
- Regular hours: 5.6 weeks a year, pro rata to the hours worked a week, capped at 28 days; for part of
  a leave year (joining or leaving) the proportion of the leave year employed.
- Irregular-hours and part-year workers, for leave years starting on or after 1 April 2024: 12.07% of
  the hours actually worked in each pay period. (12.07% = 5.6 ÷ (52 − 5.6).)
- A week's pay for variable pay: the average over the previous 52 weeks in which the PA was paid,
  skipping weeks without pay (or with only statutory pay such as SSP), looking back no more than 104
  weeks, and using what there is if the PA has worked fewer weeks.

Holiday is held in hours as a Decimal with two places (hundredths of an hour), so 12.07% of 100 hours
is exactly 12.07 hours. Rounding: each computed amount of holiday (one pay period's accrual, a pro-rata
entitlement, a cap) is rounded UP to the hundredth of an hour, so the PA never gets less than the law
gives; the most this adds is 36 seconds per pay period. Money is rounded half-up to the penny once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, ROUND_UP, Decimal

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.people import PA, HolidayScheme, add_months, long_date

ACCRUAL_RATE = Decimal("0.1207")
ACCRUAL_RULES_FROM = date(2024, 4, 1)  # leave years starting on or after this day use 12.07%
STATUTORY_WEEKS = Decimal("5.6")
MAXIMUM_DAYS = 28
REFERENCE_WEEKS = 52
LOOK_BACK_WEEKS = 104

_HUNDREDTH = Decimal("0.01")


def _hours_up(hours: Decimal) -> Decimal:
    return hours.quantize(_HUNDREDTH, ROUND_UP)


@dataclass(frozen=True, slots=True, order=True)
class LeaveYear:
    """A holiday year: the contract's (often 1 April or 1 January), or from the PA's start date."""

    first_day: date

    @property
    def last_day(self) -> date:
        return add_months(self.first_day, 12) - timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first_day <= day <= self.last_day

    @classmethod
    def containing(cls, day: date, any_first_day: date) -> LeaveYear:
        """The leave year holding `day`, where leave years start on anniversaries of `any_first_day`."""
        years = day.year - any_first_day.year
        candidate = cls(add_months(any_first_day, 12 * years))
        if candidate.first_day > day:
            candidate = cls(add_months(any_first_day, 12 * (years - 1)))
        return candidate


def accrued_hours(minutes_worked: int) -> Decimal:
    """12.07% of the time worked in one pay period, in hours, rounded up to the hundredth.

    100 hours (6,000 minutes) accrue exactly 12.07 hours; 7 hours 20 minutes accrue 0.8851... → 0.89.
    """
    if minutes_worked < 0:
        raise DomainError("Hours worked cannot be negative.")
    return _hours_up(Decimal(minutes_worked) * ACCRUAL_RATE / 60)


def irregular_entitlement(leave_year: LeaveYear, minutes_by_period: Sequence[int]) -> Decimal:
    """Holiday accrued so far in a leave year: the sum of each pay period's 12.07%, period by period."""
    if leave_year.first_day < ACCRUAL_RULES_FROM:
        raise DomainError(
            f"The 12.07% holiday rule only applies to leave years starting on or after "
            f"{long_date(ACCRUAL_RULES_FROM)}; for the leave year from {long_date(leave_year.first_day)} "
            "work out holiday as 5.6 weeks."
        )
    return sum((accrued_hours(m) for m in minutes_by_period), Decimal("0.00"))


def annual_entitlement(weekly_hours: Decimal, days_per_week: Decimal) -> Decimal:
    """5.6 weeks of the contracted hours, capped at 28 days (of average length) for 6- and 7-day weeks."""
    weeks = STATUTORY_WEEKS * weekly_hours
    cap = MAXIMUM_DAYS * weekly_hours / days_per_week
    return _hours_up(min(weeks, cap))


def regular_entitlement(
    leave_year: LeaveYear,
    weekly_hours: Decimal,
    days_per_week: Decimal,
    start_date: date | None = None,
    leave_date: date | None = None,
) -> Decimal:
    """The year's entitlement for regular hours, pro rata to the days employed in the leave year.

    For a leaver this is what they had built up by their last day (Working Time Regulations reg 14).
    """
    full = annual_entitlement(weekly_hours, days_per_week)
    first = max(leave_year.first_day, start_date or leave_year.first_day)
    last = min(leave_year.last_day, leave_date or leave_year.last_day)
    employed_days = max(0, (last - first).days + 1)
    if employed_days == leave_year.days:
        return full
    return _hours_up(full * employed_days / leave_year.days)


def entitlement_for(pa: PA, leave_year: LeaveYear, minutes_by_period: Sequence[int] = ()) -> Decimal:
    """A PA's holiday for a leave year by their scheme: worked minutes per pay period for 12.07%."""
    if pa.holiday_scheme is HolidayScheme.ACCRUAL_12_07:
        return irregular_entitlement(leave_year, minutes_by_period)
    if pa.weekly_hours is None or pa.days_per_week is None:  # PA refuses this; kept for the type checker
        raise DomainError(f"Type {pa.name}'s contracted weekly hours to work out their holiday.")
    return regular_entitlement(leave_year, pa.weekly_hours, pa.days_per_week, pa.start_date, pa.leave_date)


@dataclass(frozen=True, slots=True)
class HolidayBalance:
    """Hours of holiday: the entitlement, what has been taken and what is booked but not yet taken."""

    entitlement: Decimal
    taken: Decimal = Decimal("0.00")
    booked: Decimal = Decimal("0.00")

    def __post_init__(self) -> None:
        for name in ("entitlement", "taken", "booked"):
            value = getattr(self, name)
            if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
                raise DomainError(f"Holiday {name} must be a number of hours, 0 or more.")

    @property
    def remaining(self) -> Decimal:
        """Not yet taken (booked holiday still counts as remaining until it is taken)."""
        return self.entitlement - self.taken

    @property
    def left_to_book(self) -> Decimal:
        return self.entitlement - self.taken - self.booked

    def explain(self, name: str) -> str:
        left = self.left_to_book
        if left < 0:
            return (
                f"{name} has taken or booked {_h(-left)} more than they are entitled to so far; check the "
                "bookings with them."
            )
        return (
            f"{name} is entitled to {_h(self.entitlement)} of holiday, has taken {_h(self.taken)} and booked "
            f"{_h(self.booked)}, so {_h(left)} are left to book."
        )


def _h(hours: Decimal) -> str:
    return f"{hours.quantize(_HUNDREDTH)} hours"


def untaken_holiday_owed(balance: HolidayBalance, hourly_rate: Money) -> Money:
    """Pay for holiday not taken (on leaving): remaining hours × rate, half-up to the penny.

    Negative when the PA has taken more than they built up; an employer may only recover that if the
    contract says so.
    """
    return hourly_rate.apply_rate(balance.remaining, ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class PaidWeek:
    """One week's pay history: what the PA was paid for the week starting `first_day`, and for how long.

    `statutory_only` marks a week paid only statutory pay (SSP, SMP and the like), which is skipped.
    """

    first_day: date
    pay: Money
    minutes_worked: int
    statutory_only: bool = False

    @property
    def last_day(self) -> date:
        return self.first_day + timedelta(days=6)


@dataclass(frozen=True, slots=True)
class HolidayPayReference:
    """The average behind holiday pay for variable pay, and the weeks it came from."""

    weeks_used: tuple[PaidWeek, ...]
    week_pay: Money  # a week's pay: total ÷ weeks used
    hourly_rate: Money | None  # total pay ÷ total hours; None if the weeks had pay but no hours
    explanation: str


def holiday_pay_reference(weeks: Sequence[PaidWeek], holiday_starts: date) -> HolidayPayReference:
    """Average pay over the 52 most recent paid weeks that ended before the holiday starts.

    Only whole weeks that end before `holiday_starts` and begin within the 104 weeks before it are
    looked at. Weeks with no pay or only statutory pay are skipped, and older weeks used instead.
    """
    starts = sorted(w.first_day for w in weeks)
    if len(set(starts)) != len(starts):
        raise DomainError("The pay history has the same week twice; remove the copy.")
    earliest = holiday_starts - timedelta(weeks=LOOK_BACK_WEEKS)
    usable = [
        w
        for w in sorted(weeks, key=lambda w: w.first_day, reverse=True)
        if w.last_day < holiday_starts
        and w.first_day >= earliest
        and w.pay.pence > 0
        and not w.statutory_only
    ][:REFERENCE_WEEKS]
    if not usable:
        raise DomainError(
            f"There are no paid weeks in the {LOOK_BACK_WEEKS} weeks before {long_date(holiday_starts)} to "
            "average; pay this holiday at the PA's usual hourly rate."
        )
    total = Money.total(w.pay for w in usable)
    minutes = sum(w.minutes_worked for w in usable)
    week_pay = Money.from_decimal(total.to_decimal() / len(usable))
    hourly = Money.from_decimal(total.to_decimal() * 60 / minutes) if minutes else None
    per_hour = f", or {hourly} an hour" if hourly else ""
    explanation = (
        f"Holiday pay is based on the {len(usable)} paid weeks from {long_date(usable[-1].first_day)} to "
        f"{long_date(usable[0].last_day)}: {week_pay} a week on average{per_hour}."
    )
    return HolidayPayReference(tuple(usable), week_pay, hourly, explanation)
