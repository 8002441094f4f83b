"""Making PAs in a test book, with the rates the domain tests' hand-worked examples use."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from pa_manager.domain.people import PA, EmploymentType, HolidayScheme, NINumber
from pa_manager.domain.periods import PayFrequency
from pa_manager.services import people
from pa_manager.services.book import Book
from pa_manager.store.models import Holder
from tests.domain.people.makers import EASTER_WEEK, RATES

__all__ = ["EASTER_WEEK", "RATES", "add", "make", "set_nation"]


def make(**changes: Any) -> PA:
    fields: dict[str, Any] = {
        "name": "Sam Lee",
        "start_date": date(2025, 1, 6),
        "employment_type": EmploymentType.EMPLOYEE,
        "pay_frequency": PayFrequency.WEEKLY,
        "rates": RATES,
        "holiday_scheme": HolidayScheme.ACCRUAL_12_07,
        "date_of_birth": date(1990, 5, 17),
        "ni_number": NINumber.parse("AB 12 34 56 C"),
    }
    fields.update(changes)
    return PA(**fields)


def regular(**changes: Any) -> PA:
    base: dict[str, Any] = {
        "holiday_scheme": HolidayScheme.WEEKS_5_6,
        "weekly_hours": Decimal(20),
        "days_per_week": Decimal(4),
    }
    base.update(changes)
    return make(**base)


def add(book: Book, **changes: Any) -> int:
    return people.add_pa(book, make(**changes))


def set_nation(book: Book, nation: str) -> None:
    with book.write() as s:
        holder = s.query(Holder).one()
        holder.nation = nation
