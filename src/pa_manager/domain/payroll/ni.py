"""Class 1 National Insurance for one payment, by HMRC's exact percentage method.

Each pay period stands alone (PAs are not directors, so there is no annual earnings period).
Period thresholds come from the annual figures, never from multiplying the weekly ones, because
HMRC's test data shows a four-weekly primary threshold of £967 (12,570 / 13 rounded up), not
4 x £242 = £968:
  weekly and monthly:      annual / 52 or / 12, to the nearest pound;
  fortnightly, four-weekly: annual / 26 or / 13, rounded up to the pound.
Every contribution is rounded by `ni_round` (a halfpenny or less is disregarded).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext
from functools import lru_cache

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll.rates import EmployerRelief, NiCategoryRates, NiRates, NiThresholds
from pa_manager.domain.payroll.rounding import (
    CONTEXT,
    ceil_pound,
    nearest_pound,
    to_money,
)
from pa_manager.domain.periods import PayFrequency


@dataclass(frozen=True, slots=True)
class PeriodThresholds:
    """The NI thresholds for one pay period, in pounds."""

    lel: Money
    pt: Money
    st: Money
    uel: Money
    ust: Money
    aust: Money
    vust: Money


@dataclass(frozen=True, slots=True)
class NiResult:
    """Employee and employer Class 1 for one payment, and the earnings bands the FPS reports."""

    category: str
    employee: Money
    employer: Money
    earnings_at_lel: Money  # the LEL itself once pay reaches it (it earns a year's credit)
    earnings_lel_to_pt: Money
    earnings_pt_to_uel: Money
    thresholds: PeriodThresholds


def period_threshold(annual: int, frequency: PayFrequency) -> Money:
    """One period's share of an annual threshold, rounded the way HMRC rounds it."""
    with localcontext(CONTEXT):
        share = Decimal(annual) / frequency.periods_per_year
        if frequency in (PayFrequency.WEEKLY, PayFrequency.MONTHLY):
            return to_money(nearest_pound(share))
        return to_money(ceil_pound(share))


def period_thresholds(rates: NiRates, frequency: PayFrequency) -> PeriodThresholds:
    """All seven thresholds for one pay period (worked out once per year and frequency)."""
    return _period_thresholds(rates.thresholds, frequency)


@lru_cache(maxsize=64)
def _period_thresholds(t: NiThresholds, frequency: PayFrequency) -> PeriodThresholds:
    # NiThresholds is frozen and holds only ints, so it is a safe cache key; the cache spares the
    # batch command seven divisions and roundings per case.
    return PeriodThresholds(
        lel=period_threshold(t.lel, frequency),
        pt=period_threshold(t.pt, frequency),
        st=period_threshold(t.st, frequency),
        uel=period_threshold(t.uel, frequency),
        ust=period_threshold(t.ust, frequency),
        aust=period_threshold(t.aust, frequency),
        vust=period_threshold(t.vust, frequency),
    )


def category_rates(rates: NiRates, letter: str) -> NiCategoryRates:
    """The rates for a category letter, or a DomainError listing the letters we handle."""
    try:
        return rates.categories[letter]
    except KeyError:
        letters = ", ".join(sorted(rates.categories))
        raise DomainError(
            f"“{letter}” is not a National Insurance category letter we handle. "
            f"Use one of {letters}; A is the usual one."
        ) from None


def calculate_ni(*, rates: NiRates, frequency: PayFrequency, category: str, gross: Money) -> NiResult:
    """Employee and employer NI on one period's NI-able pay."""
    cat = category_rates(rates, category)
    th = period_thresholds(rates, frequency)
    zero = Money.zero()
    if not cat.liable:
        return NiResult(category, zero, zero, zero, zero, zero, th)

    # Whole pence throughout: every figure here is pence times a rate, which `_ni_round_pence`
    # rounds exactly as `rounding.ni_round` does (tests/domain/payroll/test_ni.py checks they
    # agree), without building Decimals for each of the 10,000 cases of a batch.
    g = gross.pence
    lel, pt, uel = th.lel.pence, th.pt.pence, th.uel.pence
    # The main band and the part above the UEL are rounded separately (HMRC's exact percentage
    # method rounds each rate's product on its own).
    employee = _ni_round_pence(max(min(g, uel) - pt, 0), cat.employee_main) + _ni_round_pence(
        max(g - uel, 0), cat.employee_upper
    )
    # The employer pays nothing up to the ST, or up to the UST/AUST/VUST for relieved categories,
    # then one rate on all above: one product, rounded once.
    start = th.st if cat.employer_relief is None else _relief_threshold(th, cat.employer_relief)
    employer = _ni_round_pence(max(g - start.pence, 0), cat.employer)

    if g < lel:
        at_lel = lel_to_pt = pt_to_uel = zero
    else:
        at_lel = th.lel
        lel_to_pt = Money(max(min(g, pt) - lel, 0))
        pt_to_uel = Money(max(min(g, uel) - pt, 0))

    return NiResult(
        category=category,
        employee=Money(employee),
        employer=Money(employer),
        earnings_at_lel=at_lel,
        earnings_lel_to_pt=lel_to_pt,
        earnings_pt_to_uel=pt_to_uel,
        thresholds=th,
    )


@lru_cache(maxsize=64)
def _ratio(rate: Decimal) -> tuple[int, int]:
    return rate.as_integer_ratio()


def _ni_round_pence(pence: int, rate: Decimal) -> int:
    """`ni_round(pounds x rate)` in whole pence, for pence >= 0, in exact integer arithmetic.

    Cut to tenths of a penny (the third decimal place of pounds), then a remainder of 5 or less
    is disregarded and 6 or more rounds up: the "halfpenny or less" rule of reg 12(1).
    """
    num, den = _ratio(rate)
    tenths = pence * num * 10 // den
    return tenths // 10 + (1 if tenths % 10 > 5 else 0)


def _relief_threshold(th: PeriodThresholds, kind: EmployerRelief) -> Money:
    return {
        EmployerRelief.UST: th.ust,
        EmployerRelief.AUST: th.aust,
        EmployerRelief.VUST: th.vust,
    }[kind]
