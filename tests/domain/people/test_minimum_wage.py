from datetime import date, time

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.minimum_wage import (
    MINIMUM_WAGE_YEARS,
    WageBand,
    check_minimum_wage,
    check_timesheet_pay,
    minimum_hourly_rate,
    rates_in_force,
    wage_band,
)
from pa_manager.domain.money import Money
from pa_manager.domain.people import PayRates
from pa_manager.domain.timesheets import Shift, ShiftType, price_timesheet
from tests.domain.people.makers import EASTER_WEEK, make_pa

APRIL_2026 = date(2026, 4, 6)  # a Monday: the first weekly period on the 2026 rates
THIRTY = date(1996, 1, 1)  # a date of birth: 30 years old in 2026


def test_rates_are_data_per_year_with_sources() -> None:
    assert [y.starts for y in MINIMUM_WAGE_YEARS] == [date(2025, 4, 1), date(2026, 4, 1)]
    assert all("payroll_rules.md" in y.source for y in MINIMUM_WAGE_YEARS)
    assert rates_in_force(date(2025, 4, 1)).rates[WageBand.AGED_21_AND_OVER] == Money(1221)
    assert rates_in_force(date(2026, 3, 31)).rates[WageBand.AGED_21_AND_OVER] == Money(1221)
    year_2026 = rates_in_force(date(2026, 4, 1)).rates
    assert [year_2026[b] for b in WageBand] == [Money(1271), Money(1085), Money(800), Money(800)]
    year_2025 = rates_in_force(date(2025, 6, 1)).rates
    assert [year_2025[b] for b in WageBand] == [Money(1221), Money(1000), Money(755), Money(755)]


def test_dates_without_known_rates_are_refused() -> None:
    with pytest.raises(DomainError, match="from 1 April 2025"):
        rates_in_force(date(2025, 3, 31))
    with pytest.raises(
        DomainError, match="does not have the minimum wage rates for pay periods starting on 1 April 2027"
    ):
        rates_in_force(date(2027, 4, 1))
    assert rates_in_force(date(2027, 3, 31)).starts == date(2026, 4, 1)


def test_band_is_set_by_age_at_the_start_of_the_pay_period() -> None:
    turns_18 = date(2008, 4, 7)  # 18 on Tuesday 7 April 2026
    assert wage_band(turns_18, APRIL_2026) is WageBand.UNDER_18  # 17 when the period starts
    assert wage_band(turns_18, date(2026, 4, 13)) is WageBand.AGED_18_TO_20
    assert minimum_hourly_rate(turns_18, APRIL_2026) == Money(800)
    assert minimum_hourly_rate(turns_18, date(2026, 4, 13)) == Money(1085)
    assert wage_band(date(2005, 4, 6), APRIL_2026) is WageBand.AGED_21_AND_OVER  # 21 that day
    assert wage_band(date(2005, 4, 7), APRIL_2026) is WageBand.AGED_18_TO_20
    with pytest.raises(DomainError, match="below school-leaving age"):
        wage_band(date(2010, 6, 1), APRIL_2026)


def test_apprentice_rate_under_19_or_in_the_first_year() -> None:
    started = date(2025, 9, 1)
    nineteen = date(2006, 6, 1)  # 19 in April 2026, 20 from June 2026
    assert wage_band(nineteen, APRIL_2026, started) is WageBand.APPRENTICE  # first year
    assert wage_band(nineteen, date(2026, 8, 31), started) is WageBand.APPRENTICE  # last day of it
    assert wage_band(nineteen, date(2026, 9, 1), started) is WageBand.AGED_18_TO_20  # a year on
    eighteen = date(2008, 1, 1)
    assert wage_band(eighteen, APRIL_2026, date(2024, 9, 1)) is WageBand.APPRENTICE  # under 19
    assert wage_band(nineteen, APRIL_2026, date(2026, 5, 1)) is WageBand.AGED_18_TO_20  # not started yet


def test_a_pay_period_below_the_minimum_shows_the_shortfall() -> None:
    # 20 hours at £12.50 = £250.00; the minimum is 20 × £12.71 = £254.20; short by £4.20.
    result = check_minimum_wage(
        counted_pay=Money(25000),
        counted_minutes=1200,
        date_of_birth=THIRTY,
        period_start=APRIL_2026,
        who="Sam",
    )
    assert not result.passes
    assert (result.required_rate, result.average_rate, result.shortfall) == (
        Money(1271),
        Money(1250),
        Money(420),
    )
    assert result.explanation == (
        "Sam was paid only £12.50 an hour on average for 20 hours of work that counts, below the £12.71 "
        "minimum for someone aged 21 or over (the National Living Wage); pay £4.20 more for this period."
    )
    # The same pay in a period starting in March 2026 passes the old £12.21 rate.
    old = check_minimum_wage(
        counted_pay=Money(25000), counted_minutes=1200, date_of_birth=THIRTY, period_start=date(2026, 3, 30)
    )
    assert old.passes and old.shortfall == Money(0) and old.required_rate == Money(1221)


def test_exact_comparison_and_shortfall_rounded_up() -> None:
    # 47 minutes at £12.71 = 995.6167p. £9.95 is short: the shortfall 0.6167p rounds UP to 1p.
    short = check_minimum_wage(
        counted_pay=Money(995), counted_minutes=47, date_of_birth=THIRTY, period_start=APRIL_2026
    )
    assert (short.passes, short.shortfall) == (False, Money(1))
    assert "47 minutes" not in short.explanation and "0.78 hours" in short.explanation  # 47/60 = 0.7833
    enough = check_minimum_wage(
        counted_pay=Money(996), counted_minutes=47, date_of_birth=THIRTY, period_start=APRIL_2026
    )
    assert enough.passes
    # An average exactly at the rate passes: 60 minutes for £12.71.
    assert check_minimum_wage(
        counted_pay=Money(1271), counted_minutes=60, date_of_birth=THIRTY, period_start=APRIL_2026
    ).passes


def test_no_working_time_means_nothing_to_check() -> None:
    result = check_minimum_wage(
        counted_pay=Money(0), counted_minutes=0, date_of_birth=THIRTY, period_start=APRIL_2026
    )
    assert result.passes and result.average_rate is None and "nothing to check" in result.explanation
    with pytest.raises(DomainError, match="cannot be negative"):
        check_minimum_wage(
            counted_pay=Money(0), counted_minutes=-1, date_of_birth=THIRTY, period_start=APRIL_2026
        )


def test_sleep_ins_count_only_the_time_woken() -> None:
    # Standard rate exactly £12.71, sleep-in allowance £50.00. Three sleep-ins of 9 hours, woken
    # 1.5 hours each: 4.5 hours count. Pay that counts: 4.5 × £12.71 = £57.195 → £57.20 ≥ £57.195.
    pa = make_pa(rates=PayRates(standard=Money(1271), sleep_in_night=Money(5000)), date_of_birth=THIRTY)
    nights = [
        Shift(date(2026, 4, d), time(22), time(7), ShiftType.SLEEP_IN, woken_minutes=90) for d in (6, 7, 8)
    ]
    pay = price_timesheet(nights, pa, frozenset())
    assert pay.gross == Money(3 * 5000 + 5720)  # £150.00 allowance + £57.20 woken
    result = check_timesheet_pay(pay, pa, APRIL_2026)
    assert result.passes
    assert (result.counted_minutes, result.counted_pay) == (270, Money(5720))
    # Had all 27 hours counted, £207.20 over 27 hours (£7.67 an hour) would fail; asleep time does not.
    assert "Sam Lee was paid £12.71 an hour on average for 4.5 hours" in result.explanation


def test_sleep_in_allowance_cannot_make_up_for_low_woken_pay() -> None:
    # Standard £11.00 (below £12.71) with a generous £100 sleep-in allowance: woken 2 hours counts at
    # £11.00 → £22.00 against £25.42 needed; short £3.42. The allowance does not count.
    pa = make_pa(rates=PayRates(standard=Money(1100), sleep_in_night=Money(10000)), date_of_birth=THIRTY)
    pay = price_timesheet(
        [Shift(date(2026, 4, 6), time(22), time(7), ShiftType.SLEEP_IN, woken_minutes=120)], pa, frozenset()
    )
    result = check_timesheet_pay(pay, pa, APRIL_2026)
    assert (result.passes, result.counted_pay, result.shortfall) == (False, Money(2200), Money(342))


def test_premiums_do_not_count() -> None:
    # Standard £12.00, weekend £20.00: 10 weekday hours and 10 weekend hours are paid £320.00, £16.00
    # an hour on average, but only the basic £12.00 counts: 20 × £12.00 = £240.00 against
    # 20 × £12.71 = £254.20. Short by £14.20.
    pa = make_pa(rates=PayRates(standard=Money(1200), weekend=Money(2000)), date_of_birth=THIRTY)
    shifts = [Shift(date(2026, 4, 10), time(8), time(18)), Shift(date(2026, 4, 11), time(8), time(18))]
    pay = price_timesheet(shifts, pa, frozenset())
    assert pay.gross == Money(32000)
    result = check_timesheet_pay(pay, pa, APRIL_2026)
    assert (result.passes, result.counted_pay, result.shortfall) == (False, Money(24000), Money(1420))


def test_acceptance_week_passes_for_a_pa_paid_13_pounds() -> None:
    pa = make_pa()
    pay = price_timesheet(EASTER_WEEK, pa, frozenset({date(2026, 4, 6)}))  # Easter Monday, England
    # Week starting Sunday 5 April 2026: 21 hours count, at the lowest contracted rate £13.00 = £273.00.
    result = check_timesheet_pay(pay, pa, date(2026, 4, 5))
    assert result.passes and (result.counted_minutes, result.counted_pay) == (1260, Money(27300))


def test_a_date_of_birth_is_needed() -> None:
    pa = make_pa(date_of_birth=None)
    pay = price_timesheet([], pa, frozenset())
    with pytest.raises(DomainError, match="date of birth"):
        check_timesheet_pay(pay, pa, APRIL_2026)
