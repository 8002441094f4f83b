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

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll.rates import EmployerRelief, NiCategoryRates, NiRates
from pa_manager.domain.payroll.rounding import (
    CONTEXT,
    ceil_pound,
    nearest_pound,
    ni_round,
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
    t = rates.thresholds
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

    with localcontext(CONTEXT):
        g = gross.to_decimal()
        pt, uel = th.pt.to_decimal(), th.uel.to_decimal()
        # The main band and the part above the UEL are rounded separately (HMRC's exact
        # percentage method rounds each rate's product on its own).
        main = max(min(g, uel) - pt, Decimal(0)) * cat.employee_main
        upper = max(g - uel, Decimal(0)) * cat.employee_upper
        employee = ni_round(main) + ni_round(upper)

        # The employer pays nothing up to the ST, or up to the UST/AUST/VUST for relieved
        # categories, then one rate on all above: one product, rounded once.
        start = th.st if cat.employer_relief is None else _relief_threshold(th, cat.employer_relief)
        employer = ni_round(max(g - start.to_decimal(), Decimal(0)) * cat.employer)

    if gross < th.lel:
        at_lel = lel_to_pt = pt_to_uel = zero
    else:
        at_lel = th.lel
        lel_to_pt = max(min(gross, th.pt) - th.lel, zero)
        pt_to_uel = max(min(gross, th.uel) - th.pt, zero)

    return NiResult(
        category=category,
        employee=to_money(employee),
        employer=to_money(employer),
        earnings_at_lel=at_lel,
        earnings_lel_to_pt=lel_to_pt,
        earnings_pt_to_uel=pt_to_uel,
        thresholds=th,
    )


def _relief_threshold(th: PeriodThresholds, kind: EmployerRelief) -> Money:
    return {
        EmployerRelief.UST: th.ust,
        EmployerRelief.AUST: th.aust,
        EmployerRelief.VUST: th.vust,
    }[kind]
