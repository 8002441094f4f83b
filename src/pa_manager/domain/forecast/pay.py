"""Planned pay as cash: net wages on each payday, HMRC and pension on the days they fall due.

Each payday is priced with the payroll's own `calculate` on a week 1 / month 1 basis (a steady
wage taxed the same each period, which is what a cumulative code settles to). A tax year we hold
no rates for is priced with the newest rates we have, and the forecast says so. The Employment
Allowance is set against employer NI payday by payday until the year's allowance is used.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from pa_manager.domain.forecast.model import Flow, FlowKind, ForecastInputs, PlannedPa
from pa_manager.domain.money import Money
from pa_manager.domain.payroll import PayrollCase, calculate, supported_tax_years
from pa_manager.domain.payroll.pension import qualifying_earnings
from pa_manager.domain.people import add_months
from pa_manager.domain.periods import PayFrequency, TaxYear


@dataclass(frozen=True, slots=True)
class PayEstimate:
    """One payday's figures for one PA."""

    gross: Money
    tax_and_ni: Money  # tax, employee NI and employer NI, before the allowance
    employer_ni: Money
    pension_employee: Money
    pension_employer: Money
    net: Money  # gross less tax, employee NI and the employee's pension


def rates_year(day: date) -> TaxYear:
    """The tax year whose rates price pay on `day`: its own, or the newest we hold."""
    year = TaxYear.containing(day)
    known = supported_tax_years()
    return year if year in known else known[-1]


@lru_cache(maxsize=4096)
def estimate(
    gross: Money,
    year: TaxYear,
    frequency: PayFrequency,
    tax_code: str,
    ni_category: str,
    pension: bool,
    rates: tuple[Decimal, Decimal],
) -> PayEstimate:
    """Tax, NI and pension on one period's gross (cached: most paydays repeat the same figures)."""
    case = PayrollCase(year, frequency, 1, tax_code, True, ni_category, gross, Money(0), Money(0))
    result = calculate(case)
    qualifying = qualifying_earnings(tax_year=year, frequency=frequency, earnings=gross)
    ee, er = (qualifying.apply_rate(r) for r in rates) if pension else (Money(0), Money(0))
    net = gross - result.tax - result.employee_ni - ee
    return PayEstimate(
        gross, result.tax + result.employee_ni + result.employer_ni, result.employer_ni, ee, er, net
    )


def paydays(pa: PlannedPa, after: date, until: date) -> Iterator[date]:
    """The PA's paydays after `after` up to `until` (and not after their last day)."""
    last = min(until, pa.last_day) if pa.last_day else until
    n, day = 0, pa.first_payday
    while day <= last:
        if day > after:
            yield day
        n += 1
        weeks = pa.frequency.weeks
        day = pa.first_payday + timedelta(weeks=weeks * n) if weeks else add_months(pa.first_payday, n)


def period_gross(pa: PlannedPa, day: date, inputs: ForecastInputs) -> Money:
    """One pay period's gross: the usual week scaled to the period, raised once a rise applies."""
    weeks = pa.frequency.weeks
    gross = pa.weekly_gross * weeks if weeks else pa.weekly_gross.apply_rate(Decimal(52) / Decimal(12))
    if inputs.rise_from is not None and day >= inputs.rise_from and inputs.rise:
        gross = gross.apply_rate(1 + inputs.rise)
    return gross


def pay_flows(inputs: ForecastInputs) -> tuple[list[Flow], list[str]]:
    """Wages, HMRC and pension flows from planned pay, and notes on how they were priced."""
    flows: list[Flow] = []
    hmrc: dict[date, Money] = defaultdict(Money.zero)
    pension: dict[date, Money] = defaultdict(Money.zero)
    notes: set[str] = set()
    noted: set[TaxYear] = set()
    # Many PAs share each payday: work out each day's tax year and due dates once (this runs on
    # every keystroke of a what-if).
    days: dict[date, tuple[TaxYear, TaxYear, date, date]] = {}

    def about(day: date) -> tuple[TaxYear, TaxYear, date, date]:
        if day not in days:
            days[day] = (
                TaxYear.containing(day),
                rates_year(day),
                inputs.hmrc_due(day),
                inputs.pension_due(day),
            )
        return days[day]

    slips: list[tuple[date, PlannedPa, PayEstimate]] = []
    for pa in inputs.staff:
        for day in paydays(pa, inputs.start, inputs.end):
            gross = period_gross(pa, day, inputs)
            if gross.pence <= 0:
                continue
            own_year, year, _hmrc_day, _pension_day = about(day)
            if year != own_year and own_year not in noted:
                noted.add(own_year)
                notes.add(
                    f"Pay in tax year {own_year} is worked out with {year}'s tax and NI rates, the "
                    "newest PA Manager has."
                )
            est = estimate(
                gross, year, pa.frequency, pa.tax_code, pa.ni_category, pa.pension, inputs.pension_rates
            )
            slips.append((day, pa, est))
    allowance, allowance_year = inputs.allowance_left, TaxYear.containing(inputs.start)
    for day, pa, est in sorted(slips, key=lambda x: (x[0], x[1].name)):
        own_year, _year, hmrc_day, pension_day = about(day)
        if own_year != allowance_year:
            allowance, allowance_year = inputs.allowance_yearly, own_year
        offset = min(allowance, est.employer_ni)
        allowance -= offset
        flows.append(Flow(day, -est.net, FlowKind.WAGES, f"Wages: {pa.name}"))
        hmrc[hmrc_day] += est.tax_and_ni - offset
        pension[pension_day] += est.pension_employee + est.pension_employer
    for due, amount in hmrc.items():
        if due <= inputs.end and amount.pence > 0:
            flows.append(Flow(due, -amount, FlowKind.HMRC, "HMRC: tax and NI on planned pay"))
    for due, amount in pension.items():
        if due <= inputs.end and amount.pence > 0:
            flows.append(Flow(due, -amount, FlowKind.PENSION, "Pension on planned pay"))
    return flows, sorted(notes)
