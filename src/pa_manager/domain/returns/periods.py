"""Return periods: how long one is, where the next one starts, and when it is due.

Councils count monitoring periods from the start of the direct payment and each period starts the
day after the last one ended (Greenwich: "the 'from' date is the end of the last monitoring
period"). A return is due four weeks after its period ends (Haringey asks within 28 days).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pa_manager.domain.errors import DomainError
from pa_manager.domain.people import add_months, long_date

DUE_AFTER = timedelta(days=28)

# Months in one return period, by the funding agreement's return frequency value.
MONTHS = {"monthly": 1, "quarterly": 3, "half-yearly": 6, "yearly": 12}


@dataclass(frozen=True, slots=True)
class ReturnPeriod:
    """First and last day of a return (both included) and the day it should reach the council."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise DomainError("The return period must start on or before the day it ends.")

    @property
    def due(self) -> date:
        return self.end + DUE_AFTER

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def label(self) -> str:
        return f"{long_date(self.start)} to {long_date(self.end)}"


def months_for(frequency: str) -> int:
    try:
        return MONTHS[frequency]
    except KeyError:
        raise DomainError(f"“{frequency}” is not a return frequency.") from None


def period_from(start: date, frequency: str) -> ReturnPeriod:
    """The period of the given frequency that starts on `start`."""
    return ReturnPeriod(start, add_months(start, months_for(frequency)) - timedelta(days=1))


def next_period(frequency: str, funding_start: date, last_end: date | None, today: date) -> ReturnPeriod:
    """The next return to send.

    After a return the app knows was sent, it is the period that follows it (even if that is
    overdue: the council is waiting for it). With no history, returns sent before the book was kept
    are unknown, so it is the latest period that has ended by `today`, counted from the funding
    start; if none has ended yet, the first period.
    """
    if last_end is not None:
        return period_from(last_end + timedelta(days=1), frequency)
    months = months_for(frequency)
    n = 0
    first = period_from(funding_start, frequency)
    if first.end >= today:
        return first
    # Jump close to today first so a book funded years ago costs a few steps, not hundreds.
    elapsed = (today.year - funding_start.year) * 12 + today.month - funding_start.month
    n = max(0, elapsed // months - 2)
    while True:
        candidate = ReturnPeriod(
            add_months(funding_start, n * months),
            add_months(funding_start, (n + 1) * months) - timedelta(days=1),
        )
        if candidate.end >= today:
            break
        n += 1
    return ReturnPeriod(
        add_months(funding_start, (n - 1) * months), add_months(funding_start, n * months) - timedelta(days=1)
    )
