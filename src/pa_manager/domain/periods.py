"""UK tax years and pay periods.

A tax year runs from 6 April to 5 April and is written "2026-27". Pay periods are numbered from 1
within a tax year the way HMRC numbers them: weekly periods (week 1 = 6-12 April, week 53 for the
last day or two), fortnightly and four-weekly periods counted in weeks, and monthly periods where
month 1 runs 6 April to 5 May.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from pa_manager.domain.errors import DomainError

_TAX_YEAR = re.compile(r"^\s*(\d{4})\s*[-/]\s*(\d{2}|\d{4})\s*$")


class PayFrequency(Enum):
    """How often a PA is paid. The value is the spelling used on the command line and in files."""

    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    FOUR_WEEKLY = "four_weekly"
    MONTHLY = "monthly"

    @property
    def periods_per_year(self) -> int:
        return {"weekly": 52, "fortnightly": 26, "four_weekly": 13, "monthly": 12}[self.value]

    @property
    def weeks(self) -> int | None:
        """Weeks in one period, or None for monthly pay."""
        return {"weekly": 1, "fortnightly": 2, "four_weekly": 4, "monthly": None}[self.value]

    @property
    def max_period(self) -> int:
        """Highest period number HMRC allows (week 53/54/56 exist for the odd leftover days)."""
        return {"weekly": 53, "fortnightly": 27, "four_weekly": 14, "monthly": 12}[self.value]

    @classmethod
    def parse(cls, text: str) -> PayFrequency:
        key = text.strip().lower().replace("-", "_").replace(" ", "_")
        for member in cls:
            if member.value == key:
                return member
        raise DomainError(
            f"“{text}” is not a pay frequency. Use weekly, fortnightly, four_weekly or monthly."
        )


@dataclass(frozen=True, order=True, slots=True)
class TaxYear:
    """A UK tax year, named by the calendar year it starts in (2026 is 6 April 2026 to 5 April 2027)."""

    start_year: int

    @classmethod
    def containing(cls, day: date) -> TaxYear:
        return cls(day.year if day >= date(day.year, 4, 6) else day.year - 1)

    @classmethod
    def parse(cls, text: str) -> TaxYear:
        """Read "2026-27", "2026/27" or "2026-2027"."""
        m = _TAX_YEAR.match(text or "")
        if not m:
            raise DomainError(f"“{text}” is not a tax year. Write it like 2026-27.")
        start, end = int(m[1]), int(m[2])
        end_full = end if end >= 1000 else (start // 100) * 100 + end
        if end_full != start + 1:
            raise DomainError(f"“{text}” is not a tax year: the second year must follow the first.")
        return cls(start)

    @property
    def first_day(self) -> date:
        return date(self.start_year, 4, 6)

    @property
    def last_day(self) -> date:
        return date(self.start_year + 1, 4, 5)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first_day <= day <= self.last_day

    def __str__(self) -> str:
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"

    def period_of(self, day: date, frequency: PayFrequency) -> int:
        """The HMRC period number (1-based) that a pay date falls in."""
        if day not in self:
            raise DomainError(f"{day:%d %B %Y} is not in tax year {self}.")
        if frequency is PayFrequency.MONTHLY:
            months = (day.year - self.start_year) * 12 + day.month - 4
            return months + (1 if day.day >= 6 else 0)
        week = (day - self.first_day).days // 7 + 1
        weeks = frequency.weeks or 1
        return (week - 1) // weeks + 1

    def period_dates(self, frequency: PayFrequency, period: int) -> tuple[date, date]:
        """First and last day of a period, clipped to the tax year."""
        if not 1 <= period <= frequency.max_period:
            raise DomainError(
                f"Period {period} does not exist for {frequency.value} pay; use 1 to {frequency.max_period}."
            )
        if frequency is PayFrequency.MONTHLY:
            start = _add_months(self.first_day, period - 1)
            end = _add_months(self.first_day, period) - timedelta(days=1)
        else:
            days = 7 * (frequency.weeks or 1)
            start = self.first_day + timedelta(days=days * (period - 1))
            end = start + timedelta(days=days - 1)
        if start > self.last_day:
            raise DomainError(f"Period {period} falls outside tax year {self}.")
        return start, min(end, self.last_day)


def _add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    return date(day.year + month0 // 12, month0 % 12 + 1, day.day)
