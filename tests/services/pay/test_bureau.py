"""Bureau mode: a bureau's payslip figures feed commitments, year to date and HMRC like our own."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pa_manager.domain.money import Money
from pa_manager.domain.money_rules.pots import CommitmentKind
from pa_manager.services import contingency, pay_runs, pay_settings
from pa_manager.services.book import Book
from pa_manager.services.bureau import record_bureau_payslip
from pa_manager.services.errors import BookError
from pa_manager.services.pay_types import BureauFigures, PayslipSource
from tests.services.pay.helpers import WEEK1, WEEKLY, YEAR, add_pa, week

FIGURES = BureauFigures(
    gross=Money(50000),
    tax=Money(5160),
    employee_ni=Money(2064),
    employer_ni=Money(6060),
    net=Money(50000 - 5160 - 2064 - 1520),
    pension_employee=Money(1520),
    pension_employer=Money(1140),
    tax_code="1257L",
)


def test_bureau_figures_feed_commitments_and_year_to_date(book: Book) -> None:
    ours = add_pa(book, name="Ann Ours", ni_number=None)
    theirs = add_pa(book, name="Bea Bureau", ni_number=None)
    pay_settings.set_payroll_details(book, theirs, pay_settings.PayrollDetails(bureau=True))
    week(book, ours, WEEK1)
    week(book, theirs, WEEK1)  # a bureau PA's own timesheet is not used for pay
    waiting = pay_runs.calculate_pay_run(book, YEAR, WEEKLY, 1)
    assert [p.pa_name for p in waiting.payslips] == ["Ann Ours"]
    assert any("Bea Bureau" in w and "bureau" in w for w in waiting.warnings)
    record_bureau_payslip(book, theirs, YEAR, WEEKLY, 1, FIGURES)
    run_id = pay_runs.find_pay_run(book, YEAR, WEEKLY, 1)
    assert run_id is not None
    run = pay_runs.finalise_pay_run(book, run_id)
    bureau = next(p for p in run.payslips if p.source is PayslipSource.BUREAU)
    assert (bureau.gross, bureau.tax, bureau.net) == (FIGURES.gross, FIGURES.tax, FIGURES.net)
    owed = contingency.commitments(book)
    assert any(c.kind is CommitmentKind.WAGES and c.pa_id == theirs and c.amount == FIGURES.net for c in owed)
    (hmrc,) = [c for c in owed if c.kind is CommitmentKind.HMRC]
    assert hmrc.amount == run.hmrc
    assert FIGURES.tax + FIGURES.employee_ni + FIGURES.employer_ni <= hmrc.amount
    # Next period's bureau payslip carries the year to date on.
    record_bureau_payslip(book, theirs, YEAR, WEEKLY, 2, FIGURES)
    week(book, ours, WEEK1 + timedelta(weeks=1))
    second = pay_runs.calculate_pay_run(book, YEAR, WEEKLY, 2)
    again = next(p for p in second.payslips if p.pa_id == theirs)
    assert again.ytd.gross == FIGURES.gross * 2 and again.ytd.tax == FIGURES.tax * 2


def test_a_bureau_payslip_needs_the_pa_marked(book: Book) -> None:
    pa_id = add_pa(book)
    with pytest.raises(BookError, match="not marked"):
        record_bureau_payslip(book, pa_id, YEAR, WEEKLY, 1, FIGURES)


def test_a_bureau_payslip_typed_into_a_finalised_run_is_committed_at_once(book: Book) -> None:
    ours = add_pa(book, name="Ann Ours", ni_number=None)
    theirs = add_pa(book, name="Bea Bureau", ni_number=None)
    pay_settings.set_payroll_details(book, theirs, pay_settings.PayrollDetails(bureau=True))
    week(book, ours, WEEK1)
    draft = pay_runs.save_draft(book, YEAR, WEEKLY, 1)
    first = pay_runs.finalise_pay_run(book, draft.id or 0)
    record_bureau_payslip(book, theirs, YEAR, WEEKLY, 1, FIGURES)
    run = pay_runs.get_pay_run(book, draft.id or 0)
    assert len(run.payslips) == 2
    (hmrc,) = [c for c in contingency.commitments(book) if c.kind is CommitmentKind.HMRC]
    assert hmrc.amount == first.hmrc + FIGURES.tax + FIGURES.employee_ni + FIGURES.employer_ni
    with pytest.raises(BookError, match="cannot be changed"):
        record_bureau_payslip(book, theirs, YEAR, WEEKLY, 1, FIGURES)
