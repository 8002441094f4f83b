"""Statutory redundancy pay (Employment Rights Act 1996 ss.155 and 162), England, Wales, Scotland.

Count back from the relevant date (normally the last day of employment) over complete years of
continuous employment, at most 20. Each year is worth:
  1.5 weeks' pay if the employee was 41 or over throughout it,
  1 week's pay if 22 or over throughout it (and not the above),
  0.5 week's pay otherwise.
A week's pay is capped at the figure for the tax year containing the relevant date (£719 from
6 April 2025, £751 from 6 April 2026: see the rate tables). Under two complete years, nothing.

Rounding: weeks are whole halves, so the total is weeks x pay rounded once to the penny, halves up
(a half-week of £300.01 gives £150.01), in the employee's favour. Working out "a week's pay" for
irregular hours (the 12-week average) and extending the relevant date by the statutory minimum
notice (s.145(5)) are for the caller. Northern Ireland has its own figures and is not covered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll.years import rates_for, supported_tax_years
from pa_manager.domain.people import add_months, age_on
from pa_manager.domain.periods import TaxYear

QUALIFYING_YEARS = 2  # ERA 1996 s.155
_HALF = Decimal("0.5")


@dataclass(frozen=True, slots=True)
class RedundancyYear:
    """One counted year of service, latest first."""

    starts: date
    ends: date
    age_at_start: int
    weeks: Decimal  # 0.5, 1 or 1.5


def complete_years(start: date, end: date) -> int:
    """Whole years of continuous employment from the first day `start` to the last day `end`."""
    after_end = end + timedelta(days=1)
    years = after_end.year - start.year
    if add_months(start, 12 * years) > after_end:
        years -= 1
    return max(years, 0)


def counted_years(date_of_birth: date, start: date, end: date, max_years: int = 20) -> list[RedundancyYear]:
    """The years that count, latest first, each with its weeks' pay."""
    years = min(complete_years(start, end), max_years)
    after_end = end + timedelta(days=1)
    out = []
    for k in range(1, years + 1):
        first = add_months(after_end, -12 * k)
        last = add_months(after_end, -12 * (k - 1)) - timedelta(days=1)
        # "Throughout" the year: the age on its first day is the lowest age in it.
        age = age_on(date_of_birth, first)
        weeks = Decimal("1.5") if age >= 41 else Decimal(1) if age >= 22 else _HALF
        out.append(RedundancyYear(first, last, age, weeks))
    return out


def statutory_redundancy_pay(
    date_of_birth: date, start: date, end: date, weekly_pay: Money, *, tax_year: TaxYear | None = None
) -> Money:
    """Statutory redundancy pay for an employee who started on `start` and whose relevant date
    is `end`, on gross `weekly_pay` (before the cap). `tax_year` defaults to the one containing
    `end`, whose weekly cap applies."""
    if not date_of_birth < start <= end:
        raise DomainError(
            "Redundancy pay needs the date of birth before the start date, and the start date on "
            "or before the last day of employment."
        )
    if weekly_pay.is_negative:
        raise DomainError("A week's pay cannot be negative.")
    year = tax_year or TaxYear.containing(end)
    if year not in supported_tax_years():
        names = " and ".join(str(y) for y in supported_tax_years())
        raise DomainError(
            f"We have the statutory redundancy pay limit only for dismissals in {names}, not for "
            f"a last day of {end:%d %B %Y}."
        )
    limits = rates_for(year).redundancy
    if complete_years(start, end) < QUALIFYING_YEARS:
        return Money(0)
    weeks = sum((y.weeks for y in counted_years(date_of_birth, start, end, limits.max_years)), Decimal(0))
    capped = min(weekly_pay.to_decimal(), limits.weekly_pay_cap)
    return Money.from_decimal(weeks * capped)
