"""Statutory Sick Pay: the two years' rules, HMRC's daily rates, waiting days and 28 weeks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll import rates_for
from pa_manager.domain.payroll.ssp import (
    payable_days,
    ssp_daily_rate,
    ssp_for_week,
    ssp_weekly_rate,
)
from pa_manager.domain.periods import TaxYear

OLD, NEW = rates_for(TaxYear(2025)), rates_for(TaxYear(2026))


def pounds(text: str) -> Money:
    return Money.from_pounds_str(text)


def test_2025_26_flat_rate_with_lel_test() -> None:
    assert ssp_weekly_rate(OLD, pounds("124.99")) is None  # below the £125 LEL: not due
    assert ssp_weekly_rate(OLD, pounds("125.00")) == pounds("118.75")
    assert ssp_weekly_rate(OLD, pounds("900.00")) == pounds("118.75")


@pytest.mark.parametrize(
    ("awe", "weekly"),
    [
        ("0.00", "0.00"),  # no LEL test any more
        ("100.00", "80.00"),  # 80% of earnings is lower than the flat rate
        ("100.01", "80.01"),  # 80.008, rounded up (see the module docstring)
        ("154.06", "123.25"),  # 123.248 -> 123.25
        ("200.00", "123.25"),  # the flat rate is the most
    ],
)
def test_2026_27_lower_of_flat_rate_and_80_percent(awe: str, weekly: str) -> None:
    assert ssp_weekly_rate(NEW, pounds(awe)) == pounds(weekly)


@pytest.mark.parametrize(
    ("weekly", "days", "daily"),
    [
        ("118.75", 7, "16.9642"),  # 16.964285... cut, not rounded
        ("123.25", 5, "24.65"),
        ("123.25", 3, "41.0833"),
    ],
)
def test_daily_rate_is_cut_to_four_places(weekly: str, days: int, daily: str) -> None:
    assert ssp_daily_rate(pounds(weekly), days) == Decimal(daily)


def test_part_weeks_round_up_and_a_full_week_is_the_weekly_rate() -> None:
    assert ssp_for_week(pounds("123.25"), 3, 2) == pounds("82.17")  # 82.1666
    assert ssp_for_week(pounds("118.75"), 7, 3) == pounds("50.90")  # 50.8926
    assert ssp_for_week(pounds("118.75"), 7, 7) == pounds("118.75")  # 118.7494 rounded up
    assert ssp_for_week(pounds("118.75"), 7, 0) == Money.zero()


def test_waiting_days_in_2025_26_only() -> None:
    assert payable_days(OLD, qualifying_days_sick=5, qualifying_days_per_week=5) == 2
    assert payable_days(NEW, qualifying_days_sick=5, qualifying_days_per_week=5) == 5


def test_linked_spells_use_up_waiting_days_and_the_28_weeks() -> None:
    kw = {"qualifying_days_sick": 5, "qualifying_days_per_week": 5}
    assert payable_days(OLD, earlier_linked_days=2, **kw) == 4  # one waiting day left
    assert payable_days(OLD, earlier_linked_days=10, **kw) == 5
    # 28 weeks x 5 = 140 days; 137 already paid after 3 waiting days leaves 3
    assert payable_days(OLD, earlier_linked_days=140, **kw) == 3
    assert payable_days(NEW, earlier_linked_days=140, **kw) == 0


def test_28_week_cap_within_one_spell() -> None:
    assert payable_days(NEW, qualifying_days_sick=200, qualifying_days_per_week=5) == 140


@pytest.mark.parametrize("qds", [0, 8])
def test_qualifying_days_must_be_1_to_7(qds: int) -> None:
    with pytest.raises(DomainError, match="1 to 7"):
        ssp_daily_rate(pounds("123.25"), qds)


def test_more_days_than_the_week_has_is_refused() -> None:
    with pytest.raises(DomainError, match="not possible"):
        ssp_for_week(pounds("123.25"), 5, 6)
