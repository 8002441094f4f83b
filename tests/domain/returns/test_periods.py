from datetime import date

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.people import add_months
from pa_manager.domain.returns.periods import ReturnPeriod, next_period, period_from


def test_add_months_holds_to_the_end_of_short_months() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)


def test_a_quarter_from_the_funding_start() -> None:
    p = period_from(date(2026, 4, 6), "quarterly")
    assert (p.start, p.end, p.due) == (date(2026, 4, 6), date(2026, 7, 5), date(2026, 8, 2))
    assert period_from(date(2026, 4, 1), "yearly").end == date(2027, 3, 31)


def test_the_next_return_follows_the_last_one_sent_even_when_overdue() -> None:
    p = next_period("quarterly", date(2020, 4, 6), date(2026, 1, 5), today=date(2027, 1, 1))
    assert (p.start, p.end) == (date(2026, 1, 6), date(2026, 4, 5))


def test_without_history_the_next_return_is_the_latest_period_ended() -> None:
    start = date(2020, 4, 6)
    p = next_period("quarterly", start, None, today=date(2026, 11, 22))
    assert (p.start, p.end) == (date(2026, 7, 6), date(2026, 10, 5))
    # Before the first period has ended, the first period.
    assert next_period("monthly", date(2026, 11, 1), None, today=date(2026, 11, 22)).start == date(
        2026, 11, 1
    )
    # A period ending today has not ended yet.
    assert next_period("monthly", date(2026, 10, 23), None, today=date(2026, 11, 22)).start == date(
        2026, 10, 23
    )


def test_periods_refuse_bad_input() -> None:
    with pytest.raises(DomainError, match="start on or before"):
        ReturnPeriod(date(2026, 5, 1), date(2026, 4, 1))
    with pytest.raises(DomainError, match="not a return frequency"):
        period_from(date(2026, 4, 1), "fortnightly")
