"""The statutory redundancy pay the employer would owe if every PA's job ended today: the
automatic "Redundancy" contingency pot, beside the holiday pay pot.

Only employees with two complete years count (the statutory rule). A week's pay is the contracted
weekly hours at the standard rate, or for irregular hours the average of the last 12 weeks' gross
from the timesheets, as the Employment Rights Act's week's pay works for variable hours.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll.redundancy import statutory_redundancy_pay
from pa_manager.domain.people import PA, EmploymentType
from pa_manager.services import people, timesheets
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError

AVERAGE_WEEKS = 12


def redundancy_owed(book: Book, as_of: date) -> Money:
    """Statutory redundancy pay for every employee still employed on `as_of` (£0 for the rest)."""
    total = Money(0)
    for row in people.list_pas(book, include_left=False, as_of=as_of):
        try:
            pa = people.require_pa(book, row.id)
        except BookError:
            continue  # an unfinished record: nothing known to work it out from
        if pa.employment_type is not EmploymentType.EMPLOYEE or pa.date_of_birth is None:
            continue
        try:
            week = _week(book, row.id, pa, as_of)
            total += statutory_redundancy_pay(pa.date_of_birth, pa.start_date, as_of, week)
        except DomainError:
            continue  # a tax year without a statutory limit in the rate tables
    return total


def _week(book: Book, pa_id: int, pa: PA, as_of: date) -> Money:
    if pa.weekly_hours is not None:
        return pa.rates.standard.apply_rate(Decimal(pa.weekly_hours))
    first = as_of - timedelta(weeks=AVERAGE_WEEKS) + timedelta(days=1)
    gross = timesheets.totals_between(book, pa_id, first, as_of).pay.gross
    return Money.from_decimal(gross.to_decimal() / AVERAGE_WEEKS)
