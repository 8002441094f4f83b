"""PAYE income tax for one payment, by HMRC's "Specification for PAYE Tax Table Routines".

The steps and their rounding follow the spec's paragraphs (v24.0):
  §4.3.1  free pay (or K-code additional pay) for period 1, by the "note for programmers" formula;
  §4.3.2  taxable pay to date U_n = pay to date - free pay to date (+ additional pay for K codes);
  §4.4    tax due to date L_n from U_n rounded down to the pound, bands pro rata to the period,
          rounded down to the penny;
  §4.5    this period's deduction l_n = L_n - tax already paid, capped at 50% of this period's pay
          (the "overriding regulatory limit"); a negative l_n is a refund, which is never capped.
Week 1 / month 1 (non-cumulative) repeats the steps as if every payment were the first of the year.

Fortnightly and four-weekly pay use the weekly tables (N = 52) with n counted in weeks. The extra
payday at the end of some years (week 53, 54 or 56) is taxed non-cumulatively using the week 1, 2
or 4 figures (HMRC PAYE Manual PAYE70015).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import Enum
from functools import lru_cache

from pa_manager.domain.money import Money
from pa_manager.domain.payroll.rates import IncomeTaxRates, TaxBands
from pa_manager.domain.payroll.rounding import (
    CONTEXT,
    ceil_penny,
    ceil_pound,
    floor_penny,
    floor_pound,
    to_money,
)
from pa_manager.domain.payroll.tax_code import CodeKind, TaxCode
from pa_manager.domain.periods import PayFrequency

# Spec §4.3.1: each complete 500 of code number adds a fixed amount of free pay per period. These
# are the spec's own figures (not 5,000/12 or 5,000/52 worked out afresh), and they do not change
# from year to year.
_FREE_PAY_PER_500 = {12: Decimal("416.67"), 52: Decimal("96.16")}


class Basis(Enum):
    """Whether tax looked at the whole year so far or at this payment alone."""

    CUMULATIVE = "cumulative"
    NON_CUMULATIVE = "week1_month1"


@dataclass(frozen=True, slots=True)
class TaxResult:
    """The tax deducted this period and how it was reached."""

    tax: Money  # deducted this period; negative is a refund
    basis: Basis
    free_pay_to_date: Money  # negative for a K code: the additional pay added to pay
    taxable_pay_to_date: Money  # U_n (pay to date less free pay), before rounding to the pound
    tax_due_to_date: Money  # L_n: tax due on all pay counted, before the 50% limit
    regulatory_limit: Money  # 50% of this period's pay: the most that may be deducted
    # Tax due but not deducted because of the limit. On a cumulative basis it is collected in
    # later periods automatically (it stays in tax due to date); on week 1 / month 1 it is not.
    held_over: Money


@lru_cache(maxsize=1024)  # pure, and a payroll sees the same few codes again and again
def period_one_free_pay(code_number: int, periods_in_year: int) -> Decimal:
    """Free pay (or K-code additional pay) for one week or month, by spec §4.3.1.

    q complete 500s of code get the fixed table amount each; the remainder r (1 to 500) gets
    (10r + 9) / N rounded up to the penny. So 1257L gives £1,048.26 a month and £241.92 a week.
    """
    if code_number == 0:
        return Decimal(0)
    q, r0 = divmod(code_number - 1, 500)
    r = r0 + 1
    with localcontext(CONTEXT):
        remainder = ceil_penny(Decimal(r * 10 + 9) / periods_in_year)
        return remainder + q * _FREE_PAY_PER_500[periods_in_year]


def tax_on_taxable_pay(taxable: Decimal, bands: TaxBands, n: int, periods_in_year: int) -> Decimal:
    """Tax due to date on taxable pay to date U_n (spec §4.4), rounded down to the penny.

    The band limits c_i and band taxes k_i are the annual figures times n/N, left unrounded
    (payroll_rules.md §12: unrounded matches HMRC's test data best). The band is the first whose
    limit, rounded up to the pound, is at least U_n; the tax is worked on U_n rounded down to the
    pound.
    """
    if taxable <= 0:
        return Decimal(0)
    with localcontext(CONTEXT):
        whole = floor_pound(taxable)
        fraction = Decimal(n) / periods_in_year
        limit_below = Decimal(0)  # c_(i-1)
        tax_below = Decimal(0)  # k_(i-1)
        annual_limit = 0  # C_i
        annual_tax = Decimal(0)  # K_i
        for band in bands.bands:
            if band.width is not None:
                annual_limit += band.width
                annual_tax += band.width * band.rate
                limit = annual_limit * fraction
                if taxable > ceil_pound(limit):
                    limit_below, tax_below = limit, annual_tax * fraction
                    continue
            return floor_penny(tax_below + (whole - limit_below) * band.rate)
    raise AssertionError("the top band is open-ended, so the loop always returns")


def calculate_tax(
    *,
    rates: IncomeTaxRates,
    code: TaxCode,
    frequency: PayFrequency,
    period: int,
    week1_month1: bool,
    gross: Money,
    pay_to_date: Money,
    tax_to_date: Money,
) -> TaxResult:
    """Tax to deduct (or refund) on this payment.

    `gross` is this period's taxable pay; `pay_to_date` and `tax_to_date` are the totals for
    earlier periods this tax year with this employer (ignored on a non-cumulative basis).
    """
    bands = rates.bands_for(code.jurisdiction)
    code.check_against(bands)
    weeks = frequency.weeks
    periods_in_year = 12 if weeks is None else 52
    # Week 53/54/56: the payday after the 52nd week is always taxed on a week 1 basis.
    extra_payday = period * (weeks or 1) > periods_in_year
    non_cumulative = week1_month1 or code.non_cumulative or extra_payday
    basis = Basis.NON_CUMULATIVE if non_cumulative else Basis.CUMULATIVE
    # n counts weeks for the weekly-table frequencies, months for monthly pay.
    n = (weeks or 1) if non_cumulative else period * (weeks or 1)

    pay = gross.to_decimal()
    pay_so_far = pay if non_cumulative else pay + pay_to_date.to_decimal()
    paid_before = Decimal(0) if non_cumulative else tax_to_date.to_decimal()

    free_pay = Decimal(0)
    with localcontext(CONTEXT):
        if code.kind is CodeKind.ALLOWANCE:
            free_pay = period_one_free_pay(code.number, periods_in_year) * n
        elif code.kind is CodeKind.K:
            free_pay = -period_one_free_pay(code.number, periods_in_year) * n
        taxable = pay_so_far - free_pay

        if code.kind is CodeKind.NO_TAX:
            due = Decimal(0)
        elif code.kind is CodeKind.BASIC_RATE:
            due = _flat_rate(taxable, bands.basic_rate)
        elif code.kind is CodeKind.D:
            due = _flat_rate(taxable, bands.bands[bands.basic_rate_index + 1 + code.number].rate)
        else:
            due = tax_on_taxable_pay(taxable, bands, n, periods_in_year)

        # Spec §4.5.2: never take more than half of this period's pay. Rounded down so the
        # deduction stays within the limit; refunds are not limited.
        limit = floor_penny(max(pay, Decimal(0)) * rates.regulatory_limit)
        wanted = due - paid_before
        tax = min(wanted, limit)
        if non_cumulative:
            tax = max(tax, Decimal(0))  # no refunds on a week 1 / month 1 basis

    return TaxResult(
        tax=to_money(tax),
        basis=basis,
        free_pay_to_date=to_money(free_pay),
        taxable_pay_to_date=to_money(taxable),
        tax_due_to_date=to_money(due),
        regulatory_limit=to_money(limit),
        held_over=to_money(max(wanted - limit, Decimal(0))),
    )


def _flat_rate(taxable: Decimal, rate: Decimal) -> Decimal:
    """BR and D codes (spec §5, §6): all pay to date, rounded down to the pound, at one rate."""
    if taxable <= 0:
        return Decimal(0)
    return floor_penny(floor_pound(taxable) * rate)
