from datetime import date

from pa_manager.domain.holder import Nation
from pa_manager.services.bank_holidays import bank_holidays, bank_holidays_between


def test_england_and_scotland_differ_in_2026() -> None:
    england = bank_holidays(Nation.ENGLAND, [2026])
    scotland = bank_holidays(Nation.SCOTLAND, [2026])
    assert date(2026, 4, 6) in england and date(2026, 4, 6) not in scotland  # Easter Monday
    assert date(2026, 11, 30) in scotland and date(2026, 11, 30) not in england  # St Andrew's Day
    assert date(2026, 1, 2) in scotland and date(2026, 1, 2) not in england  # 2 January
    assert date(2026, 8, 3) in scotland and date(2026, 8, 31) in england  # different summer holidays
    assert date(2026, 8, 31) not in scotland
    both = {date(2026, 1, 1), date(2026, 4, 3), date(2026, 5, 4), date(2026, 5, 25), date(2026, 12, 25)}
    assert both <= england and both <= scotland


def test_england_2026_exactly() -> None:
    assert sorted(bank_holidays(Nation.ENGLAND, [2026])) == [
        date(2026, 1, 1),
        date(2026, 4, 3),
        date(2026, 4, 6),
        date(2026, 5, 4),
        date(2026, 5, 25),
        date(2026, 8, 31),
        date(2026, 12, 25),
        date(2026, 12, 26),  # Boxing Day is a Saturday ...
        date(2026, 12, 28),  # ... so Monday is the substitute ("observed") day: both are included
    ]


def test_wales_and_northern_ireland() -> None:
    wales = bank_holidays(Nation.WALES, [2026])
    northern_ireland = bank_holidays(Nation.NORTHERN_IRELAND, [2026])
    assert date(2026, 4, 6) in wales and date(2026, 3, 17) not in wales
    assert date(2026, 3, 17) in northern_ireland  # St Patrick's Day
    assert {date(2026, 7, 12), date(2026, 7, 13)} <= northern_ireland  # Boyne on a Sunday, and Monday


def test_substitute_days_in_2027() -> None:
    # Christmas Day and Boxing Day 2027 fall on Saturday and Sunday; the 27th and 28th are substitutes.
    england = bank_holidays(Nation.ENGLAND, [2027])
    assert {date(2027, 12, 25), date(2027, 12, 26), date(2027, 12, 27), date(2027, 12, 28)} <= england


def test_between_dates_and_several_years() -> None:
    found = bank_holidays_between(Nation.ENGLAND, date(2026, 12, 20), date(2027, 1, 4))
    assert sorted(found) == [date(2026, 12, 25), date(2026, 12, 26), date(2026, 12, 28), date(2027, 1, 1)]
    assert bank_holidays_between(Nation.ENGLAND, date(2026, 4, 7), date(2026, 4, 6)) == frozenset()
    assert bank_holidays(Nation.SCOTLAND, []) == frozenset()
    two_years = bank_holidays(Nation.SCOTLAND, [2026, 2027])
    assert date(2026, 11, 30) in two_years and date(2027, 11, 30) in two_years
    assert all(d.year in (2026, 2027) for d in two_years)
