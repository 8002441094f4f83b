"""Student and postgraduate loan deductions: thresholds, rounding down, and multi-week periods."""

from __future__ import annotations

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll import rates_for
from pa_manager.domain.payroll.rates import LoanPlan
from pa_manager.domain.payroll.student_loans import (
    StudentLoanResult,
    period_threshold,
    student_loan_deductions,
)
from pa_manager.domain.periods import PayFrequency, TaxYear

W, F, FW, M = (
    PayFrequency.WEEKLY,
    PayFrequency.FORTNIGHTLY,
    PayFrequency.FOUR_WEEKLY,
    PayFrequency.MONTHLY,
)
P1, P2, P4, P5, PG = (
    LoanPlan.PLAN_1,
    LoanPlan.PLAN_2,
    LoanPlan.PLAN_4,
    LoanPlan.PLAN_5,
    LoanPlan.POSTGRADUATE,
)


def pounds(text: str) -> Money:
    return Money.from_pounds_str(text)


def deduct(
    pay: str,
    plan: LoanPlan | None,
    *,
    postgraduate: bool = False,
    frequency: PayFrequency = M,
    year: int = 2026,
) -> StudentLoanResult:
    return student_loan_deductions(
        rates=rates_for(TaxYear(year)).student_loans,
        frequency=frequency,
        ni_pay=pounds(pay),
        plan=plan,
        postgraduate=postgraduate,
    )


# payroll_rules.md §8: annual / 52 or / 12, rounded DOWN to the penny.
@pytest.mark.parametrize(
    ("plan", "weekly", "monthly"),
    [
        (P1, "517.30", "2241.66"),
        (P2, "565.09", "2448.75"),
        (P4, "649.90", "2816.25"),
        (P5, "480.76", "2083.33"),
        (PG, "403.84", "1750.00"),
    ],
)
def test_2026_27_period_thresholds(plan: LoanPlan, weekly: str, monthly: str) -> None:
    annual = rates_for(TaxYear(2026)).student_loans.thresholds[plan]
    assert annual is not None
    assert period_threshold(annual, W) == pounds(weekly)
    assert period_threshold(annual, M) == pounds(monthly)


def test_2025_26_thresholds_published_by_hmrc() -> None:
    loans = rates_for(TaxYear(2025)).student_loans
    assert period_threshold(21_000, W) == pounds("403.84")
    assert loans.thresholds[P1] == 26_065
    assert period_threshold(26_065, M) == pounds("2172.08")


def test_deduction_is_rounded_down_to_the_pound() -> None:
    assert deduct("3000.00", P2).plan_deduction == pounds("49.00")  # 551.25 x 9% = 49.61


def test_postgraduate_loan_at_six_percent() -> None:
    result = deduct("500.00", None, postgraduate=True, frequency=W)  # 96.16 x 6% = 5.77
    assert (result.plan_deduction, result.postgraduate_deduction) == (Money.zero(), pounds("5.00"))


def test_plan_and_postgraduate_are_both_taken() -> None:
    result = deduct("3000.00", P1, postgraduate=True)
    assert result.plan_deduction == pounds("68.00")  # 758.34 x 9% = 68.25
    assert result.postgraduate_deduction == pounds("75.00")  # 1,250 x 6%
    assert result.total == pounds("143.00")


@pytest.mark.parametrize("pay", ["0.00", "2000.00", "2241.66"])
def test_nothing_at_or_below_the_threshold(pay: str) -> None:
    assert deduct(pay, P1).total == Money.zero()


def test_fortnightly_works_week_by_week() -> None:
    # CSLM17065: £1,212 a fortnight is £606 a week; (606 - 517.30) x 9% = 7.98 -> £7 a week,
    # x 2 = £14. Working on the whole fortnight (15.97 -> £15) would take £1 too much.
    assert deduct("1212.00", P1, frequency=F).plan_deduction == pounds("14.00")


def test_four_weekly_postgraduate() -> None:
    # £2,000 / 4 = £500 a week -> £5 a week (as above) x 4
    result = deduct("2000.00", None, postgraduate=True, frequency=FW)
    assert result.postgraduate_deduction == pounds("20.00")


def test_plan_5_is_not_collected_before_2026_27() -> None:
    with pytest.raises(DomainError, match="Plan 5 deductions are not collected"):
        deduct("3000.00", P5, year=2025)
    assert deduct("3000.00", P5).plan_deduction == pounds("82.00")  # 916.67 x 9% = 82.50


def test_postgraduate_is_not_a_plan() -> None:
    with pytest.raises(DomainError, match="not a repayment plan"):
        deduct("3000.00", PG)


def test_negative_pay_is_refused() -> None:
    with pytest.raises(DomainError, match="cannot be negative"):
        deduct("-1.00", P1)
