"""Pay test helpers: PAs with approved timesheets in a test book."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from pa_manager.domain.periods import PayFrequency, TaxYear
from pa_manager.domain.timesheets import Shift, ShiftType
from pa_manager.services import people, timesheet_signing, timesheets
from pa_manager.services.book import Book
from pa_manager.services.timesheets import Signature
from tests.services.people_helpers import make

YEAR = TaxYear(2026)
WEEKLY = PayFrequency.WEEKLY
WEEK1 = date(2026, 4, 6)  # Monday 6 April 2026: tax week 1 of 2026-27 runs Monday to Sunday


def add_pa(book: Book, *, tax_code: str = "1257L", pension: str = "", **changes: Any) -> int:
    return people.add_pa(book, make(**changes), people.PaExtras(tax_code=tax_code, pension_status=pension))


def four_days(monday: date, kind: ShiftType = ShiftType.STANDARD) -> list[Shift]:
    """Tuesday to Friday, 09:00 to 17:00 with no break: 32 hours at the standard rate."""
    return [Shift(monday + timedelta(days=d), time(9), time(17), kind) for d in range(1, 5)]


def week(
    book: Book, pa_id: int, monday: date, *, approve: bool = True, shifts: list[Shift] | None = None
) -> int:
    sheet = timesheets.save_timesheet(
        book, pa_id, monday, shifts if shifts is not None else four_days(monday)
    )
    assert sheet.id is not None
    if approve:
        signed = monday + timedelta(days=6)
        timesheet_signing.sign_by_pa(book, sheet.id, Signature("Sam Lee", signed))
        timesheet_signing.sign_by_employer(book, sheet.id, Signature("Tom Smith", signed))
        timesheet_signing.approve(book, sheet.id)
    return sheet.id
