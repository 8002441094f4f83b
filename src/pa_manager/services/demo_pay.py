"""The demo book's pay: a finalised weekly pay run for every week of approved timesheets.

Called once the demo's PAs, timesheets and money exist (`add_demo_pay(book, end)`). The demo's
money was generated separately, so its wage, HMRC and pension payments do not match these payslips
to the penny. Runs paid on or before the last bank statement date are stored as already paid (no
commitments); only later runs leave wages, HMRC and pension owed, as a real book would show them.
The Employment Allowance is claimed (a care and support employer) and pension goes to Nest.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from pa_manager.domain.errors import DomainError
from pa_manager.domain.payroll import rates_for
from pa_manager.domain.periods import PayFrequency, TaxYear
from pa_manager.services import pay_settings
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.pay_run_calc import calculate_pay_run
from pa_manager.services.pay_runs import store_run
from pa_manager.store.models import TimesheetRow

PROVIDER = "Nest Pensions"
STATEMENT_LAG = timedelta(days=4)  # as demo_money: the last few days are not on a statement yet


def _periods(ends: list[date]) -> list[tuple[TaxYear, int]]:
    found: list[tuple[TaxYear, int]] = []
    for day in sorted(set(ends)):
        year = TaxYear.containing(day)
        try:
            rates_for(year)
        except DomainError:
            continue  # no payroll rates for that year: the demo leaves it unpaid
        key = (year, year.period_of(day, PayFrequency.WEEKLY))
        if key not in found:
            found.append(key)
    return found


def add_demo_pay(book: Book, end: date) -> int:
    """Finalise a weekly pay run for each week of approved demo timesheets; returns how many."""
    with book.read() as s:
        ends = list(s.scalars(select(TimesheetRow.period_end).where(TimesheetRow.status == "approved")))
    periods = _periods(ends)
    for year in sorted({y for y, _p in periods}):
        pay_settings.set_employment_allowance(book, year, True)
    pay_settings.set_pension_provider(book, PROVIDER)
    statement_to = end - STATEMENT_LAG
    done = 0
    for year, period in periods:
        try:
            preview = calculate_pay_run(book, year, PayFrequency.WEEKLY, period)
        except BookError:
            continue
        if not preview.payslips:
            continue
        store_run(book, preview, final=True, record=preview.pay_date > statement_to)
        done += 1
    return done


def latest_period(book: Book) -> tuple[TaxYear, PayFrequency, int]:
    """The newest weekly period with approved timesheets (what benchmarks/bench_payroll.py times).

    Time `calculate_pay_run(book, *latest_period(book))` on a demo book before `add_demo_pay`, or
    the run comes back as finalised and stored rather than worked out.
    """
    with book.read() as s:
        ends = list(s.scalars(select(TimesheetRow.period_end).where(TimesheetRow.status == "approved")))
    periods = _periods(ends)
    if not periods:
        raise BookError("This book has no approved timesheets in a tax year we hold rates for.")
    year, period = periods[-1]
    return year, PayFrequency.WEEKLY, period
