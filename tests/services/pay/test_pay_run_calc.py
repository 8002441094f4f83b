"""Working out a pay run from approved timesheets: the engine's figures, year to date, warnings."""

from __future__ import annotations

from datetime import timedelta

from pa_manager.domain.money import Money
from pa_manager.domain.payroll import PayrollCase, calculate
from pa_manager.services import pay_runs, timesheets
from pa_manager.services.book import Book
from pa_manager.services.pay_types import PayRunStatus
from tests.services.pay.helpers import WEEK1, WEEKLY, YEAR, add_pa, week


def test_a_run_gives_the_engines_figures_for_the_timesheet_gross(book: Book) -> None:
    pa_id = add_pa(book)
    week(book, pa_id, WEEK1)
    run = pay_runs.calculate_pay_run(book, YEAR, WEEKLY, 1)
    assert run.status is PayRunStatus.NOT_SAVED and run.pay_date == WEEK1 + timedelta(days=6)
    (slip,) = run.payslips
    gross = timesheets.totals_between(book, pa_id, WEEK1, WEEK1 + timedelta(days=6)).pay.gross
    engine = calculate(PayrollCase(YEAR, WEEKLY, 1, "1257L", False, "A", gross, Money(0), Money(0)))
    assert (slip.gross, slip.tax, slip.employee_ni, slip.employer_ni) == (
        gross,
        engine.tax,
        engine.employee_ni,
        engine.employer_ni,
    )
    # By hand: 32 hours at £13.00 = £416.00. Week 1 free pay for 1257L is £241.92, so £174 is taxed
    # at 20% = £34.80. Employee NI (416 - 242) x 8% = £13.92; employer NI (416 - 96) x 15% = £48.00.
    # Pension (not yet assessed, eligible, so enrolled now): qualifying earnings 416 - 120 = £296;
    # the PA pays 4% from net pay (relief at source) = £11.84, the employer 3% = £8.88.
    assert gross == Money(41600)
    assert (slip.tax, slip.employee_ni, slip.employer_ni) == (Money(3480), Money(1392), Money(4800))
    assert (slip.pension_employee, slip.pension_employer, slip.pension_category) == (
        Money(1184),
        Money(888),
        "eligible",
    )
    assert slip.net == Money(41600 - 3480 - 1392 - 1184) == Money(35544)
    assert slip.tax_code == "1257L" and slip.tax_basis == "cumulative" and slip.ni_category == "A"
    assert slip.ytd.gross == gross and slip.ytd.tax == slip.tax
    assert [ln.hours for ln in slip.lines] == [32] and slip.lines[0].rate == Money(1300)
    assert any("Enrol" in w for w in slip.warnings)
    assert slip.employment_allowance == Money(0)  # not claimed in this book


def test_year_to_date_carries_across_periods(book: Book) -> None:
    pa_id = add_pa(book)
    week(book, pa_id, WEEK1)
    week(book, pa_id, WEEK1 + timedelta(weeks=1))
    first = pay_runs.save_draft(book, YEAR, WEEKLY, 1)
    assert first.id is not None
    first = pay_runs.finalise_pay_run(book, first.id)
    second = pay_runs.calculate_pay_run(book, YEAR, WEEKLY, 2)
    (one,), (two,) = first.payslips, second.payslips
    engine = calculate(
        PayrollCase(YEAR, WEEKLY, 2, "1257L", False, "A", two.gross, one.ytd.taxable_pay, one.ytd.tax)
    )
    assert two.tax == engine.tax
    assert two.ytd.gross == one.gross + two.gross
    assert two.ytd.tax == one.tax + two.tax
    assert two.ytd.employee_ni == one.employee_ni + two.employee_ni
    assert two.ytd.pension_employee == one.pension_employee + two.pension_employee


def test_a_timesheet_not_approved_is_left_out_and_said_so(book: Book) -> None:
    approved = add_pa(book, name="Ann Approved", ni_number=None)
    waiting = add_pa(book, name="Wes Waiting", ni_number=None)
    week(book, approved, WEEK1)
    week(book, waiting, WEEK1, approve=False)
    run = pay_runs.calculate_pay_run(book, YEAR, WEEKLY, 1)
    assert [p.pa_name for p in run.payslips] == ["Ann Approved"]
    assert any("Wes Waiting" in w and "not approved" in w for w in run.warnings)


def test_no_tax_code_uses_the_emergency_code_week1_and_says_so(book: Book) -> None:
    pa_id = add_pa(book, tax_code="")
    week(book, pa_id, WEEK1)
    week(book, pa_id, WEEK1 + timedelta(weeks=1))
    pay_runs.finalise_pay_run(book, _draft_id(book, 1))
    (slip,) = pay_runs.calculate_pay_run(book, YEAR, WEEKLY, 2).payslips
    assert slip.tax_code == "1257L" and slip.tax_basis == "week1_month1"
    assert any("emergency code 1257L" in w for w in slip.warnings)
    # Week 1 basis: this week is taxed alone, whatever was paid before.
    alone = calculate(PayrollCase(YEAR, WEEKLY, 2, "1257L", True, "A", slip.gross, Money(0), Money(0)))
    assert slip.tax == alone.tax


def test_pay_below_the_minimum_wage_is_warned(book: Book) -> None:
    from dataclasses import replace

    from tests.services.people_helpers import RATES

    pa_id = add_pa(book, rates=replace(RATES, standard=Money(1000)))
    week(book, pa_id, WEEK1 + timedelta(weeks=1))
    (slip,) = pay_runs.calculate_pay_run(book, YEAR, WEEKLY, 2).payslips
    assert any(w.startswith("Below the minimum wage") for w in slip.warnings)


def test_the_pay_date_must_be_inside_the_period(book: Book) -> None:
    import pytest

    from pa_manager.services.errors import BookError

    with pytest.raises(BookError, match="pay date must be in the pay period"):
        pay_runs.calculate_pay_run(book, YEAR, WEEKLY, 1, pay_date=WEEK1 + timedelta(days=7))


def _draft_id(book: Book, period: int) -> int:
    draft = pay_runs.save_draft(book, YEAR, WEEKLY, period)
    assert draft.id is not None
    return draft.id
