"""Finalising: the run locks, and wages, HMRC and pension become committed money."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from pa_manager.domain.money import Money
from pa_manager.domain.money_rules.pots import CommitmentKind
from pa_manager.domain.people import PayRates
from pa_manager.services import contingency, pay_runs, pay_settings
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.pay_hmrc import due_period, set_hmrc_schedule
from pa_manager.services.pay_types import PayRunPreview, PayRunStatus
from tests.services.pay.helpers import WEEK1, WEEKLY, YEAR, add_pa, week
from tests.services.people_helpers import RATES


def _finalise(book: Book, period: int) -> PayRunPreview:
    draft = pay_runs.save_draft(book, YEAR, WEEKLY, period)
    assert draft.id is not None and draft.status is PayRunStatus.DRAFT
    return pay_runs.finalise_pay_run(book, draft.id)


def test_finalising_creates_the_commitments_and_locks(book: Book) -> None:
    pa_id = add_pa(book)
    week(book, pa_id, WEEK1)
    run = _finalise(book, 1)
    (slip,) = run.payslips
    assert run.status is PayRunStatus.FINALISED and run.finalised_at
    owed = {c.kind: c for c in contingency.commitments(book)}
    wages = owed[CommitmentKind.WAGES]
    assert (wages.amount, wages.due, wages.pa_id, wages.payee) == (slip.net, run.pay_date, pa_id, "Sam Lee")
    # A small employer: well under £1,500 a month, so HMRC is paid quarterly; pay on 12 April 2026
    # is in the quarter to 5 July, due on 22 July 2026 (a Wednesday).
    hmrc = owed[CommitmentKind.HMRC]
    assert hmrc.amount == slip.tax + slip.employee_ni + slip.employer_ni
    assert hmrc.due == date(2026, 7, 22)
    pension = owed[CommitmentKind.PENSION]
    assert pension.amount == slip.pension_employee + slip.pension_employer
    assert pension.due == date(2026, 5, 22)  # pay in April: by the 22nd of May
    position = pay_runs.hmrc_due(book, date(2026, 5, 1))
    (due,) = position.periods
    assert due.total == due.outstanding == hmrc.amount and due.quarterly
    with pytest.raises(BookError, match="already finalised"):
        pay_runs.finalise_pay_run(book, run.id or 0)
    with pytest.raises(BookError, match="finalised and locked"):
        pay_runs.save_draft(book, YEAR, WEEKLY, 1)
    with pytest.raises(BookError, match="cannot be deleted"):
        pay_runs.delete_draft(book, run.id or 0)
    # Working a finalised run out again gives back what was finalised.
    assert pay_runs.calculate_pay_run(book, YEAR, WEEKLY, 1).payslips == run.payslips


def test_a_second_run_in_the_same_quarter_raises_the_hmrc_commitment(book: Book) -> None:
    pa_id = add_pa(book)
    week(book, pa_id, WEEK1)
    week(book, pa_id, WEEK1 + timedelta(weeks=1))
    one = _finalise(book, 1)
    two = _finalise(book, 2)
    hmrc = [c for c in contingency.commitments(book) if c.kind is CommitmentKind.HMRC]
    assert len(hmrc) == 1
    assert hmrc[0].amount == one.hmrc + two.hmrc
    assert len([c for c in contingency.commitments(book) if c.kind is CommitmentKind.WAGES]) == 2


def test_runs_are_finalised_in_order(book: Book) -> None:
    pa_id = add_pa(book)
    week(book, pa_id, WEEK1)
    week(book, pa_id, WEEK1 + timedelta(weeks=1))
    first = pay_runs.save_draft(book, YEAR, WEEKLY, 1)
    _finalise(book, 2)
    with pytest.raises(BookError, match="in order"):
        pay_runs.finalise_pay_run(book, first.id or 0)


def test_monthly_schedule_is_due_on_the_22nd_after_the_tax_month(book: Book) -> None:
    set_hmrc_schedule(book, YEAR, "monthly")
    pa_id = add_pa(book)
    week(book, pa_id, WEEK1)
    _finalise(book, 1)
    (hmrc,) = [c for c in contingency.commitments(book) if c.kind is CommitmentKind.HMRC]
    assert hmrc.due == date(2026, 5, 22)  # tax month 1 (6 April to 5 May)
    with pytest.raises(BookError, match="fixed"):
        set_hmrc_schedule(book, YEAR, "quarterly")


def test_employment_allowance_covers_employer_ni(book: Book) -> None:
    pay_settings.set_employment_allowance(book, YEAR, True)
    pa_id = add_pa(book)
    week(book, pa_id, WEEK1)
    (slip,) = _finalise(book, 1).payslips
    assert slip.employer_ni.pence > 0 and slip.employment_allowance == slip.employer_ni
    (hmrc,) = [c for c in contingency.commitments(book) if c.kind is CommitmentKind.HMRC]
    assert hmrc.amount == slip.tax + slip.employee_ni


@pytest.mark.parametrize(
    ("pay_date", "quarterly", "due"),
    [
        (date(2026, 4, 12), False, date(2026, 5, 22)),
        (date(2026, 5, 5), False, date(2026, 5, 22)),
        (date(2026, 5, 6), False, date(2026, 6, 22)),
        (date(2026, 7, 20), False, date(2026, 8, 21)),  # 22 August 2026 is a Saturday
        (date(2027, 4, 5), False, date(2027, 4, 22)),  # month 12 is due on 22 April
        (date(2026, 4, 12), True, date(2026, 7, 22)),
        (date(2026, 7, 6), True, date(2026, 10, 22)),
        (date(2026, 12, 1), True, date(2027, 1, 22)),
        (date(2027, 3, 1), True, date(2027, 4, 22)),
    ],
)
def test_hmrc_due_dates(pay_date: date, quarterly: bool, due: date) -> None:
    assert due_period(YEAR, pay_date, quarterly).due == due


def test_large_bills_are_paid_monthly(book: Book) -> None:
    # Six PAs at 32 hours: roughly £190 a week to HMRC each week, over £1,500 a month on average.
    for n in range(6):
        pa_id = add_pa(book, name=f"PA Number{n}", ni_number=None, rates=_rates(3000))
        week(book, pa_id, WEEK1)
    run = _finalise(book, 1)
    assert Money(run.hmrc.pence * 52 // 12) >= Money(150_000)
    (hmrc,) = [c for c in contingency.commitments(book) if c.kind is CommitmentKind.HMRC]
    assert hmrc.due == date(2026, 5, 22)


def _rates(pence: int) -> PayRates:
    return replace(RATES, standard=Money(pence))
