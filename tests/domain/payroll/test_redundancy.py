"""Statutory redundancy pay: age bands, the weekly cap per year, the 20-year cap, worked by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll import rates_for
from pa_manager.domain.payroll.redundancy import complete_years, counted_years, statutory_redundancy_pay
from pa_manager.domain.periods import TaxYear


def pay(born: date, start: date, end: date, weekly: str) -> str:
    return statutory_redundancy_pay(born, start, end, Money.from_pounds_str(weekly)).decimal_str()


def test_weekly_caps_are_govuks() -> None:
    # GOV.UK redundancy calculator rates: £719 (max £21,570) from 6 April 2025; £751 (max
    # £22,530) from 6 April 2026.
    assert rates_for(TaxYear(2025)).redundancy.weekly_pay_cap == Decimal(719)
    assert rates_for(TaxYear(2026)).redundancy.weekly_pay_cap == Decimal(751)


def test_mixed_ages_and_the_cap() -> None:
    # Born 15 June 1980; 1 May 2015 to 30 June 2026 is 11 complete years. Counting back from
    # 1 July 2026: the years starting 1 July 2025, 2024, 2023, 2022 and 2021 begin at ages
    # 45, 44, 43, 42, 41 -> 5 x 1.5 = 7.5 weeks; the six before begin at 40 ... 35 -> 6 weeks.
    # 13.5 weeks x £751 (the 2026-27 cap, below his £800) = £10,138.50.
    assert pay(date(1980, 6, 15), date(2015, 5, 1), date(2026, 6, 30), "800.00") == "10138.50"
    years = counted_years(date(1980, 6, 15), date(2015, 5, 1), date(2026, 6, 30))
    assert [y.weeks for y in years] == [Decimal("1.5")] * 5 + [Decimal(1)] * 6
    assert (years[0].starts, years[0].ends, years[0].age_at_start) == (
        date(2025, 7, 1),
        date(2026, 6, 30),
        45,
    )


def test_the_most_anyone_can_get_each_year() -> None:
    # 20 years counted (of 36), all aged 41+: 30 weeks. 30 x £751 = £22,530; 30 x £719 = £21,570,
    # GOV.UK's published maximums.
    born, start = date(1960, 1, 1), date(1990, 1, 1)
    assert pay(born, start, date(2026, 12, 31), "1000.00") == "22530.00"
    assert pay(born, start, date(2026, 3, 31), "1000.00") == "21570.00"


def test_young_employee_half_weeks() -> None:
    # Born 1 September 2003; 1 September 2021 to 31 August 2026 is 5 years. Years start at ages
    # 22 (1 week), 21, 20, 19, 18 (half a week each): 3 weeks x £300 = £900.00.
    assert pay(date(2003, 9, 1), date(2021, 9, 1), date(2026, 8, 31), "300.00") == "900.00"


def test_turning_41_part_way_through_a_year_is_not_throughout_it() -> None:
    # 7 years, 1 January 2020 to 31 December 2026. Born 10 October 1985: 40 on 1 January 2026,
    # so even the last year is 1 week: 7 weeks x £450 = £3,150.00.
    assert pay(date(1985, 10, 10), date(2020, 1, 1), date(2026, 12, 31), "450.00") == "3150.00"
    # Born 1 January 1985: 41 on the first day of the last year -> 1.5 + 6 = 7.5 weeks = £3,375.00.
    assert pay(date(1985, 1, 1), date(2020, 1, 1), date(2026, 12, 31), "450.00") == "3375.00"


def test_half_pennies_round_up() -> None:
    # Born 1 January 2005; 3 years under 22: 1.5 weeks x £300.01 = £450.015 -> £450.02.
    assert pay(date(2005, 1, 1), date(2023, 1, 1), date(2025, 12, 31), "300.01") == "450.02"


def test_two_complete_years_are_needed() -> None:
    assert complete_years(date(2024, 7, 1), date(2026, 6, 30)) == 2
    assert complete_years(date(2024, 7, 1), date(2026, 6, 29)) == 1
    # Two years at age 30: 2 weeks x £500 = £1,000.00; one day short: nothing.
    assert pay(date(1995, 1, 1), date(2024, 7, 1), date(2026, 6, 30), "500.00") == "1000.00"
    assert pay(date(1995, 1, 1), date(2024, 7, 1), date(2026, 6, 29), "500.00") == "0.00"


def test_bad_inputs_are_refused() -> None:
    with pytest.raises(DomainError, match="only for dismissals in 2025-26 and 2026-27"):
        pay(date(1990, 1, 1), date(2010, 1, 1), date(2024, 12, 31), "500.00")
    with pytest.raises(DomainError, match="cannot be negative"):
        pay(date(1990, 1, 1), date(2010, 1, 1), date(2026, 12, 31), "-1.00")
    with pytest.raises(DomainError, match="start date on or before the last day"):
        pay(date(1990, 1, 1), date(2026, 12, 31), date(2026, 1, 1), "500.00")
