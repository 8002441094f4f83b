"""The projection on hand-made inputs: flows by day, months, the band, pay priced by payroll."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from types import MappingProxyType

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.forecast import (
    Flow,
    FlowKind,
    ForecastInputs,
    NewPa,
    PlannedPa,
    WhatIf,
    apply_what_if,
    project,
)
from pa_manager.domain.forecast.project import month_bounds
from pa_manager.domain.forecast.what_if import next_april
from pa_manager.domain.money import Money
from pa_manager.domain.payroll import PayrollCase, calculate
from pa_manager.domain.periods import PayFrequency, TaxYear

START = date(2026, 5, 10)  # a Sunday, well inside tax year 2026-27
WEEKLY = Money(100_000)  # £1,000 a week: band 4-8 weeks is £4,000 to £8,000


def inputs(**changes: object) -> ForecastInputs:
    base = ForecastInputs(
        start=START,
        end=date(2026, 8, 10),
        opening=Money(600_000),
        weekly_dp=WEEKLY,
        band_min_weeks=Decimal(4),
        band_max_weeks=Decimal(8),
        income=(),
        bills=(),
        staff=(),
        weekly_other=Money(0),
        hmrc_due=lambda d: date(d.year, d.month, 22) + timedelta(days=31),
        pension_due=lambda d: date(d.year, d.month, 22) + timedelta(days=30),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_months_run_from_the_day_after_the_start() -> None:
    assert month_bounds(date(2026, 11, 22), date(2027, 1, 22)) == [
        (date(2026, 11, 23), date(2026, 12, 22)),
        (date(2026, 12, 23), date(2027, 1, 22)),
    ]


def test_flows_move_the_balance_on_their_day_and_leaving_the_band_is_found() -> None:
    council = Flow(date(2026, 5, 20), Money(300_000), FlowKind.COUNCIL, "Council")
    bill = Flow(date(2026, 6, 1), Money(-50_000), FlowKind.BILLS, "Bill")
    before_start = Flow(START, Money(999_999), FlowKind.COUNCIL, "Already counted")
    f = project(inputs(income=(council, before_start), bills=(bill,)))
    by_day = {d.day: d.balance for d in f.days}
    assert by_day[date(2026, 5, 19)] == Money(600_000)
    assert by_day[date(2026, 5, 20)] == Money(900_000)  # above £8,000 that day
    assert by_day[date(2026, 6, 1)] == Money(850_000)
    assert f.out_of_band is not None
    assert (f.out_of_band.day, f.out_of_band.above) == (date(2026, 5, 20), True)
    first = f.months[0]
    assert first.totals[FlowKind.COUNCIL] == Money(300_000)
    assert (first.first, first.last) == (date(2026, 5, 11), date(2026, 6, 10))
    assert first.totals[FlowKind.BILLS] == Money(-50_000)
    assert (first.opening, first.closing, first.highest) == (Money(600_000), Money(850_000), Money(900_000))
    assert first.money_in == Money(300_000) and first.money_out == Money(50_000)
    assert f.closing == Money(850_000)


def test_below_the_band_and_no_band_without_a_weekly_payment() -> None:
    spend = Flow(date(2026, 5, 12), Money(-250_000), FlowKind.BILLS, "Big bill")
    f = project(inputs(bills=(spend,)))
    assert f.out_of_band is not None and not f.out_of_band.above
    assert f.out_of_band.day == date(2026, 5, 12)
    assert project(inputs(bills=(spend,), weekly_dp=Money(0))).out_of_band is None


def test_usual_other_spending_goes_out_weekly_from_a_week_after_the_start() -> None:
    f = project(inputs(weekly_other=Money(1_000), end=date(2026, 6, 10)))
    days = [fl.day for fl in f.flows if fl.kind is FlowKind.OTHER]
    assert days == [START + timedelta(days=7 * n) for n in range(1, 5)]


def _pa(**changes: object) -> PlannedPa:
    return replace(PlannedPa("Ben Jones", Money(30_000), Money(1_500), date(2026, 5, 15)), **changes)  # type: ignore[arg-type]


def test_pay_is_priced_by_the_payroll_and_paid_on_three_dates() -> None:
    f = project(inputs(staff=(_pa(),), allowance_left=Money(0), allowance_yearly=Money(0)))
    wages = [fl for fl in f.flows if fl.kind is FlowKind.WAGES]
    assert [w.day for w in wages][:3] == [date(2026, 5, 15), date(2026, 5, 22), date(2026, 5, 29)]
    # Worked out here straight from the payroll rules, not from the forecast's own code.
    result = calculate(
        PayrollCase(
            TaxYear(2026), PayFrequency.WEEKLY, 1, "1257L", True, "A", Money(30_000), Money(0), Money(0)
        )
    )
    qualifying = Money(30_000) - Money(12_000)  # above the £120 weekly lower level (2026-27)
    ee, er = qualifying.apply_rate(Decimal("0.05")), qualifying.apply_rate(Decimal("0.03"))
    assert wages[0].amount == -(Money(30_000) - result.tax - result.employee_ni - ee)
    hmrc = [fl for fl in f.flows if fl.kind is FlowKind.HMRC]
    may = date(2026, 5, 22) + timedelta(days=31)
    assert hmrc[0].day == may
    paid_in_may = len([w for w in wages if w.day.month == 5])
    assert hmrc[0].amount == -(result.tax + result.employee_ni + result.employer_ni) * paid_in_may
    pension = [fl for fl in f.flows if fl.kind is FlowKind.PENSION]
    assert pension[0].amount == -(ee + er) * paid_in_may


def test_employment_allowance_covers_employer_ni_until_used() -> None:
    with_allowance = project(inputs(staff=(_pa(),), allowance_left=Money(10_000_00)))
    without = project(inputs(staff=(_pa(),)))
    hmrc_with = sum(-f.amount.pence for f in with_allowance.flows if f.kind is FlowKind.HMRC)
    hmrc_without = sum(-f.amount.pence for f in without.flows if f.kind is FlowKind.HMRC)
    assert hmrc_with < hmrc_without


def test_a_leaver_is_not_paid_after_their_last_day() -> None:
    f = project(inputs(staff=(_pa(last_day=date(2026, 5, 25)),)))
    assert [fl.day for fl in f.flows if fl.kind is FlowKind.WAGES] == [date(2026, 5, 15), date(2026, 5, 22)]


def test_what_if_more_hours_adds_their_pay_and_leaves_the_inputs_alone() -> None:
    base = inputs(staff=(_pa(),))
    changed = apply_what_if(base, WhatIf(MappingProxyType({"Ben Jones": Decimal(10)})))
    assert changed.staff[0].weekly_gross == Money(30_000 + 15_000)
    assert base.staff[0].weekly_gross == Money(30_000)
    fewer = apply_what_if(base, WhatIf(MappingProxyType({"Ben Jones": Decimal("-2.5")})))
    assert fewer.staff[0].weekly_gross == Money(30_000 - 3_750)
    assert project(changed).closing.pence < project(base).closing.pence


def test_what_if_new_pa_and_rise() -> None:
    base = inputs(staff=(_pa(),), end=date(2027, 5, 10))
    changed = apply_what_if(
        base, WhatIf(new_pas=(NewPa(Decimal(20), Money(1_271)),), wage_rise=Decimal("0.05"))
    )
    assert changed.staff[-1].weekly_gross == Money(25_420)
    assert changed.rise_from == date(2027, 4, 1) == next_april(START)
    project_changed = project(changed)
    ben = [fl for fl in project_changed.flows if fl.label == "Wages: Ben Jones"]
    before, after = (
        (-w.amount.pence for w in ben if w.day < date(2027, 4, 1)),
        (-w.amount.pence for w in ben if w.day >= date(2027, 4, 1)),
    )
    assert max(after) > max(before)


@pytest.mark.parametrize(
    "what_if",
    [
        WhatIf(MappingProxyType({"Nobody": Decimal(1)})),
        WhatIf(MappingProxyType({"Ben Jones": Decimal(-100)})),
        WhatIf(new_pas=(NewPa(Decimal(0), Money(1_200)),)),
        WhatIf(new_pas=(NewPa(Decimal(10), Money(0)),)),
        WhatIf(wage_rise=Decimal(2)),
    ],
)
def test_impossible_what_ifs_are_refused_in_plain_english(what_if: WhatIf) -> None:
    with pytest.raises(DomainError) as err:
        apply_what_if(inputs(staff=(_pa(),)), what_if)
    assert str(err.value)[0].isupper()


def test_next_april() -> None:
    assert next_april(date(2026, 3, 31)) == date(2026, 4, 1)
    assert next_april(date(2026, 4, 1)) == date(2027, 4, 1)


def test_ten_more_hours_brings_the_day_below_the_band_forward_to_the_day_worked_out_by_hand() -> None:
    """No money in, one PA paid weekly: the balance falls by a fixed sum each Friday until it
    drops under £4,000. With 10 more hours it falls faster, so it gets there sooner."""
    pa = _pa(weekly_gross=Money(40_000))
    base = inputs(
        opening=Money(700_000),
        staff=(pa,),
        hmrc_due=lambda d: date(2027, 3, 1),
        pension_due=lambda d: date(2027, 3, 1),
    )

    def first_below(weekly_gross: int) -> date:
        result = calculate(
            PayrollCase(
                TaxYear(2026),
                PayFrequency.WEEKLY,
                1,
                "1257L",
                True,
                "A",
                Money(weekly_gross),
                Money(0),
                Money(0),
            )
        )
        ee = (Money(weekly_gross) - Money(12_000)).apply_rate(Decimal("0.05"))
        net = weekly_gross - result.tax.pence - result.employee_ni.pence - ee.pence
        balance, day = 700_000, date(2026, 5, 15)
        while balance - net >= 400_000:
            balance -= net
            day += timedelta(days=7)
        return day

    planned = project(base).out_of_band
    more = project(apply_what_if(base, WhatIf(MappingProxyType({"Ben Jones": Decimal(10)})))).out_of_band
    assert planned is not None and more is not None
    assert planned.day == first_below(40_000)
    assert more.day == first_below(40_000 + 15_000)
    assert more.day < planned.day
