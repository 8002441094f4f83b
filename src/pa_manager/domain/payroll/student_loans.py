"""Student and postgraduate loan deductions (HMRC Collection of Student Loans Manual, CSLM).

Deductions are non-cumulative: each pay period stands alone, on the same pay used for employer
Class 1 NI. For weekly or monthly pay (CSLM10111, CSLM18025):
  period threshold = annual threshold / 52 or / 12, rounded DOWN to the penny;
  deduction = (pay - threshold) x rate, rounded DOWN to the whole pound.
For fortnightly and four-weekly pay, CSLM17065 says to split the pay into equal weekly amounts,
find the weekly deduction (whole pounds) and multiply it by the number of weeks, so a fortnight
can come out £1 lower than working on the whole fortnight at once.
A plan loan (1, 2, 4 or 5) and a postgraduate loan are both collected if the SL1 and PGL1 notices
say so; only one plan applies at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll.rates import LoanPlan, StudentLoanRates
from pa_manager.domain.payroll.rounding import CONTEXT, floor_penny, floor_pound, to_money
from pa_manager.domain.periods import PayFrequency


@dataclass(frozen=True, slots=True)
class StudentLoanResult:
    """What to deduct this period for each loan."""

    plan: LoanPlan | None
    plan_deduction: Money
    postgraduate: bool
    postgraduate_deduction: Money

    @property
    def total(self) -> Money:
        return self.plan_deduction + self.postgraduate_deduction


def period_threshold(annual: int, frequency: PayFrequency) -> Money:
    """The threshold for one week (weekly, fortnightly, four-weekly pay) or one month."""
    with localcontext(CONTEXT):
        per = 12 if frequency is PayFrequency.MONTHLY else 52
        return to_money(floor_penny(Decimal(annual) / per))


def _deduction(pay: Money, annual: int, rate: Decimal, frequency: PayFrequency) -> Money:
    threshold = period_threshold(annual, frequency).to_decimal()
    weeks = frequency.weeks or 1  # a month is one "unit" of the monthly table
    with localcontext(CONTEXT):
        per_unit = pay.to_decimal() / weeks
        if per_unit <= threshold:
            return Money.zero()
        return to_money(floor_pound((per_unit - threshold) * rate) * weeks)


def student_loan_deductions(
    *,
    rates: StudentLoanRates,
    frequency: PayFrequency,
    ni_pay: Money,
    plan: LoanPlan | None,
    postgraduate: bool,
) -> StudentLoanResult:
    """Student loan and postgraduate loan deductions on one period's NI-able pay."""
    if plan is LoanPlan.POSTGRADUATE:
        raise DomainError(
            "A postgraduate loan is not a repayment plan: choose the plan from the SL1 notice "
            "(or none), and tick postgraduate loan separately."
        )
    if ni_pay.is_negative:
        raise DomainError(f"Pay for student loan cannot be negative (it is {ni_pay}).")
    plan_deduction = Money.zero()
    if plan is not None:
        annual = rates.thresholds.get(plan)
        if annual is None:
            raise DomainError(
                f"{_plan_name(plan)} deductions are not collected in this tax year; "
                "check the SL1 start notice and the pay date."
            )
        plan_deduction = _deduction(ni_pay, annual, rates.plan_rate, frequency)
    pg_deduction = Money.zero()
    if postgraduate:
        pg_annual = rates.thresholds.get(LoanPlan.POSTGRADUATE)
        if pg_annual is None:
            raise DomainError("Postgraduate loan deductions are not collected in this tax year.")
        pg_deduction = _deduction(ni_pay, pg_annual, rates.postgraduate_rate, frequency)
    return StudentLoanResult(plan, plan_deduction, postgraduate, pg_deduction)


def _plan_name(plan: LoanPlan) -> str:
    return plan.value.replace("_", " ").capitalize()
