"""Bank holidays for the budget holder's nation, from the `holidays` package, as plain dates.

The domain takes bank holidays as a `frozenset[date]` so it needs no calendar library; this adapter
makes that set. Substitute days ("observed", e.g. Monday 28 December 2026 for Boxing Day on a Saturday)
are included as well as the days themselves: the substitute is the day off work, and the day itself
is still the bank holiday named in most PA contracts, so work on either earns the bank holiday rate.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import holidays

from pa_manager.domain.holder import Nation

# The `holidays` package's subdivision codes for the four UK nations.
_SUBDIVISION = {
    Nation.ENGLAND: "ENG",
    Nation.WALES: "WLS",
    Nation.SCOTLAND: "SCT",
    Nation.NORTHERN_IRELAND: "NIR",
}


def bank_holidays(nation: Nation, years: Iterable[int]) -> frozenset[date]:
    """Every bank holiday (and substitute day) in `nation` in the given calendar years."""
    wanted = sorted(set(years))
    if not wanted:
        return frozenset()
    calendar = holidays.country_holidays("GB", subdiv=_SUBDIVISION[nation], years=wanted)
    return frozenset(day for day in calendar if day.year in wanted)


def load_calendar() -> None:
    """Load the calendar tables now. The first use imports every country's calendar (about a
    quarter of a second), so the app does it on the worker while the unlock dialog is up rather
    than when the Home page first asks for holiday pay."""
    bank_holidays(Nation.ENGLAND, [date.today().year])


def bank_holidays_between(nation: Nation, first: date, last: date) -> frozenset[date]:
    """Bank holidays from `first` to `last` inclusive (a timesheet's dates, plus the day after)."""
    if last < first:
        return frozenset()
    found = bank_holidays(nation, range(first.year, last.year + 1))
    return frozenset(day for day in found if first <= day <= last)


def bank_holiday_names(nation: Nation, first: date, last: date) -> dict[date, str]:
    """The name of each bank holiday from `first` to `last` ("Easter Monday"), for the grid."""
    if last < first:
        return {}
    years = range(first.year, last.year + 1)
    calendar = holidays.country_holidays("GB", subdiv=_SUBDIVISION[nation], years=list(years))
    return {day: str(name) for day, name in sorted(calendar.items()) if first <= day <= last}
