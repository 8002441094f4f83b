"""Employment Allowance: the employer's yearly allowance set against employer Class 1 NI.

The allowance (£10,500 in 2025-26 and 2026-27) is per employer, not per employee, and reduces only
employer (secondary) Class 1 NI, period by period, until it is used up (HMRC NIM06520; GOV.UK
Employment Allowance guidance). Someone employing a PA for their own care or support, including
one paid from a direct payment, may claim it; whether to claim is the employer's decision and is
recorded on the EPS. Feed in the total employer NI for each HMRC payment period across all PAs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll.years import rates_for
from pa_manager.domain.periods import TaxYear


@dataclass(frozen=True, slots=True)
class AllowanceUse:
    """One period's employer NI and how much of it the allowance covered."""

    employer_ni: Money
    offset: Money  # allowance used this period
    employer_ni_payable: Money  # what is still paid to HMRC
    used_to_date: Money
    remaining: Money


def employment_allowance_for(tax_year: TaxYear) -> Money:
    """The year's allowance (DomainError for a year we hold no rates for)."""
    return Money(rates_for(tax_year).employment_allowance * 100)


def apply_employment_allowance(*, allowance: Money, used_before: Money, employer_ni: Money) -> AllowanceUse:
    """Set what is left of the allowance against this period's employer NI."""
    if employer_ni.is_negative:
        raise DomainError(f"Employer NI for the period cannot be negative (it is {employer_ni}).")
    if used_before.is_negative or used_before > allowance:
        raise DomainError(
            f"The Employment Allowance used so far ({used_before}) must be between £0.00 "
            f"and the year's allowance of {allowance}."
        )
    left = allowance - used_before
    offset = min(left, employer_ni)
    used = used_before + offset
    return AllowanceUse(employer_ni, offset, employer_ni - offset, used, allowance - used)


def track_employment_allowance(
    tax_year: TaxYear, employer_ni_by_period: Iterable[Money]
) -> list[AllowanceUse]:
    """Run the allowance through a year's periods in order, from nothing used."""
    allowance = employment_allowance_for(tax_year)
    used = Money.zero()
    out: list[AllowanceUse] = []
    for ni in employer_ni_by_period:
        step = apply_employment_allowance(allowance=allowance, used_before=used, employer_ni=ni)
        used = step.used_to_date
        out.append(step)
    return out
