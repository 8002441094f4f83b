"""National Living Wage and National Minimum Wage: the rates, and a check of one pay period.

The rates are data per year from 1 April, with their sources. Which rate applies is fixed at the start
of the pay reference period (the period the pay covers): a new April rate, or a birthday that moves
someone into an older band, takes effect from the first period that starts on or after that date
(Acas, "National Minimum Wage entitlement: when your rate increases"; NMW Regulations 2015).

The check (HMRC National Minimum Wage Manual): pay that counts ÷ hours that count must be at least
the rate, averaged over the period, not hour by hour (NMWM09010).
- Hours that count are hours worked. On a sleep-in only the time awake for the purposes of working
  counts (Royal Mencap Society v Tomlinson-Blake [2021] UKSC 8; NMW Regulations 2015 reg 32).
  Holiday and sickness are not working time.
- Pay that counts leaves out premiums: anything above the lowest hourly rate in the PA's contract
  for the same work (evening, weekend, bank holiday enhancements), NMW Regulations 2015 reg 10(j),
  NMWM09270. It also leaves out the sleep-in allowance, which pays for time that does not count, and
  holiday pay, which pays for time not worked. So the pay that counts is the lowest contracted hourly
  rate × the minutes worked (rounded half-up to the penny once).
- The shortfall is rounded up to the penny so that paying it always brings the PA up to the minimum.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_UP, Decimal
from enum import Enum
from types import MappingProxyType

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.people import PA, add_months, age_on, long_date
from pa_manager.domain.timesheets.pay import TimesheetPay, pay_for_minutes


class WageBand(Enum):
    """The minimum wage bands."""

    AGED_21_AND_OVER = "21-and-over"
    AGED_18_TO_20 = "18-to-20"
    UNDER_18 = "under-18"
    APPRENTICE = "apprentice"

    @property
    def label(self) -> str:
        return {
            "21-and-over": "someone aged 21 or over (the National Living Wage)",
            "18-to-20": "someone aged 18 to 20",
            "under-18": "someone aged under 18",
            "apprentice": "an apprentice",
        }[self.value]


@dataclass(frozen=True, slots=True)
class MinimumWageYear:
    """The hourly rates in force for pay periods starting from `starts` for one year."""

    starts: date
    rates: Mapping[WageBand, Money]
    source: str

    @property
    def ends(self) -> date:
        """The last day a pay period can start and still use these rates."""
        return add_months(self.starts, 12) - timedelta(days=1)


_SOURCES = (
    "as recorded in shared/research/payroll_rules.md section 5: reported alike by payrolloptions, "
    "payacademy, payfit, mfw and taxoo, and (2025) Payetools reference data; GOV.UK "
    "'National Minimum Wage and National Living Wage rates' not read directly"
)

MINIMUM_WAGE_YEARS: tuple[MinimumWageYear, ...] = (
    MinimumWageYear(
        starts=date(2025, 4, 1),
        rates=MappingProxyType(
            {
                WageBand.AGED_21_AND_OVER: Money(1221),
                WageBand.AGED_18_TO_20: Money(1000),
                WageBand.UNDER_18: Money(755),
                WageBand.APPRENTICE: Money(755),
            }
        ),
        source=f"Rates from 1 April 2025, {_SOURCES}",
    ),
    MinimumWageYear(
        starts=date(2026, 4, 1),
        rates=MappingProxyType(
            {
                WageBand.AGED_21_AND_OVER: Money(1271),
                WageBand.AGED_18_TO_20: Money(1085),
                WageBand.UNDER_18: Money(800),
                WageBand.APPRENTICE: Money(800),
            }
        ),
        source=f"Rates from 1 April 2026, {_SOURCES}",
    ),
)


def rates_in_force(period_start: date) -> MinimumWageYear:
    """The rates for a pay period starting on `period_start`. Refuses dates outside the known years."""
    for year in reversed(MINIMUM_WAGE_YEARS):
        if year.starts <= period_start:
            if period_start > year.ends:
                raise DomainError(
                    f"PA Manager does not have the minimum wage rates for pay periods starting on "
                    f"{long_date(period_start)} yet; check the rates on GOV.UK and update the app."
                )
            return year
    first = MINIMUM_WAGE_YEARS[0].starts
    raise DomainError(
        f"PA Manager only has minimum wage rates for pay periods starting from {long_date(first)}."
    )


def wage_band(
    date_of_birth: date, period_start: date, apprenticeship_started: date | None = None
) -> WageBand:
    """The band for a worker at the start of a pay period.

    The apprentice rate applies to an apprentice aged under 19, or in the first year of the
    apprenticeship; after that an apprentice gets the rate for their age.
    """
    age = age_on(date_of_birth, period_start)
    if age < 16:
        raise DomainError(
            f"Someone aged {age} is below school-leaving age, where the minimum wage does not apply; "
            "check the date of birth."
        )
    if apprenticeship_started is not None and apprenticeship_started <= period_start:
        in_first_year = period_start < add_months(apprenticeship_started, 12)
        if age < 19 or in_first_year:
            return WageBand.APPRENTICE
    if age >= 21:
        return WageBand.AGED_21_AND_OVER
    return WageBand.AGED_18_TO_20 if age >= 18 else WageBand.UNDER_18


def minimum_hourly_rate(
    date_of_birth: date, period_start: date, apprenticeship_started: date | None = None
) -> Money:
    return rates_in_force(period_start).rates[wage_band(date_of_birth, period_start, apprenticeship_started)]


@dataclass(frozen=True, slots=True)
class MinimumWageResult:
    """The outcome of a check: whether it passes, the figures used, and a sentence saying so."""

    passes: bool
    band: WageBand
    required_rate: Money
    counted_minutes: int
    counted_pay: Money
    average_rate: Money | None  # rounded down to the penny, so it never looks better than it is
    shortfall: Money
    explanation: str


def check_minimum_wage(
    *,
    counted_pay: Money,
    counted_minutes: int,
    date_of_birth: date,
    period_start: date,
    apprenticeship_started: date | None = None,
    who: str = "The PA",
) -> MinimumWageResult:
    """Is the pay that counts, over the minutes that count, at least the minimum wage?"""
    if counted_minutes < 0 or counted_pay.is_negative:
        raise DomainError("Hours worked and pay for a minimum wage check cannot be negative.")
    band = wage_band(date_of_birth, period_start, apprenticeship_started)
    required = rates_in_force(period_start).rates[band]
    if counted_minutes == 0:
        nothing = (
            f"{who} did no work that counts towards the minimum wage in this period, so there is nothing "
            "to check."
        )
        return MinimumWageResult(True, band, required, 0, counted_pay, None, Money(0), nothing)
    needed = Decimal(required.pence) * counted_minutes / 60  # exact pence owed for the time, unrounded
    # Exact comparison in pence, without rounding the average first.
    passes = counted_pay.pence >= needed
    shortfall = Money(0) if passes else Money(int(needed.quantize(Decimal(1), ROUND_UP))) - counted_pay
    average = Money(int((Decimal(counted_pay.pence) * 60 / counted_minutes).quantize(Decimal(1), ROUND_DOWN)))
    hours = _hours_text(counted_minutes)
    if passes:
        text = (
            f"{who} was paid {average} an hour on average for {hours} of work that counts, at least the "
            f"{required} minimum for {band.label}."
        )
    else:
        text = (
            f"{who} was paid only {average} an hour on average for {hours} of work that counts, below the "
            f"{required} minimum for {band.label}; pay {shortfall} more for this period."
        )
    return MinimumWageResult(passes, band, required, counted_minutes, counted_pay, average, shortfall, text)


def check_timesheet_pay(
    pay: TimesheetPay, pa: PA, period_start: date, apprenticeship_started: date | None = None
) -> MinimumWageResult:
    """Check a priced timesheet: minutes worked (sleep-ins only when woken) at the lowest hourly rate."""
    if pa.date_of_birth is None:
        raise DomainError(f"Type {pa.name}'s date of birth: the minimum wage depends on their age.")
    basic = min(pa.rates.hourly_rates(), key=lambda m: m.pence)
    return check_minimum_wage(
        counted_pay=pay_for_minutes(basic, pay.worked_minutes),
        counted_minutes=pay.worked_minutes,
        date_of_birth=pa.date_of_birth,
        period_start=period_start,
        apprenticeship_started=apprenticeship_started,
        who=pa.name,
    )


def _hours_text(minutes: int) -> str:
    hours = (Decimal(minutes) / 60).quantize(Decimal("0.01"), ROUND_DOWN).normalize()
    text = f"{hours:f}"
    return f"{text} hour" if text == "1" else f"{text} hours"
