from datetime import date

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.periods import PayFrequency, TaxYear


def test_tax_year_starts_on_6_april() -> None:
    assert TaxYear.containing(date(2026, 4, 5)) == TaxYear(2025)
    assert TaxYear.containing(date(2026, 4, 6)) == TaxYear(2026)
    assert str(TaxYear(2026)) == "2026-27"
    assert TaxYear(2099).last_day == date(2100, 4, 5)


@pytest.mark.parametrize("text", ["2026-27", "2026/27", "2026-2027", " 2026 - 27 "])
def test_tax_year_parse(text: str) -> None:
    assert TaxYear.parse(text) == TaxYear(2026)


@pytest.mark.parametrize("text", ["2026-28", "2026", "27-26", "", "twenty"])
def test_tax_year_parse_refuses_nonsense(text: str) -> None:
    with pytest.raises(DomainError, match="tax year"):
        TaxYear.parse(text)


def test_monthly_periods_run_from_the_6th() -> None:
    ty = TaxYear(2026)
    assert ty.period_dates(PayFrequency.MONTHLY, 1) == (date(2026, 4, 6), date(2026, 5, 5))
    assert ty.period_dates(PayFrequency.MONTHLY, 12) == (date(2027, 3, 6), date(2027, 4, 5))
    assert ty.period_of(date(2026, 5, 5), PayFrequency.MONTHLY) == 1
    assert ty.period_of(date(2026, 5, 6), PayFrequency.MONTHLY) == 2
    assert ty.period_of(date(2027, 1, 1), PayFrequency.MONTHLY) == 9


def test_weekly_and_longer_periods_count_weeks() -> None:
    ty = TaxYear(2026)
    assert ty.period_of(date(2026, 4, 12), PayFrequency.WEEKLY) == 1
    assert ty.period_of(date(2026, 4, 13), PayFrequency.WEEKLY) == 2
    assert ty.period_of(date(2027, 4, 5), PayFrequency.WEEKLY) == 53
    assert ty.period_of(date(2026, 4, 19), PayFrequency.FORTNIGHTLY) == 1
    assert ty.period_of(date(2026, 5, 4), PayFrequency.FOUR_WEEKLY) == 2
    assert ty.period_dates(PayFrequency.FOUR_WEEKLY, 13) == (date(2027, 3, 8), date(2027, 4, 4))
    assert ty.period_dates(PayFrequency.WEEKLY, 53) == (date(2027, 4, 5), date(2027, 4, 5))


def test_every_day_of_a_year_falls_in_the_period_it_reports() -> None:
    ty = TaxYear(2025)
    for freq in PayFrequency:
        day = ty.first_day
        while day <= ty.last_day:
            start, end = ty.period_dates(freq, ty.period_of(day, freq))
            assert start <= day <= end
            day = date.fromordinal(day.toordinal() + 1)


def test_periods_out_of_range_are_refused() -> None:
    with pytest.raises(DomainError, match="does not exist"):
        TaxYear(2026).period_dates(PayFrequency.MONTHLY, 13)
    with pytest.raises(DomainError, match="not in tax year"):
        TaxYear(2026).period_of(date(2026, 1, 1), PayFrequency.WEEKLY)
    with pytest.raises(DomainError, match="pay frequency"):
        PayFrequency.parse("daily")
    assert PayFrequency.parse("Four-weekly") is PayFrequency.FOUR_WEEKLY
