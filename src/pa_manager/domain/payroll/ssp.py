"""Statutory Sick Pay amounts: the weekly rate, the daily rate, and days payable.

Rules by tax year come from the rate tables (`SspRates`):
  2025-26: flat £118.75 a week; average weekly earnings (AWE) must reach the LEL (£125); the
           first 3 qualifying days of a period of incapacity for work are unpaid waiting days.
  2026-27: from 6 April 2026 (Employment Rights Act 2025), the lower of £123.25 and 80% of AWE;
           no LEL test; paid from the first qualifying day.
Both years: at most 28 weeks in one period of incapacity (or linked periods).

Amounts follow GOV.UK's SSP calculator (alphagov/smart-answers), which reproduces HMRC's
"unrounded daily rates" table: the daily rate is the weekly rate / qualifying days in the week,
cut to 4 decimal places; a week's SSP is the sum of its daily rates, rounded UP to the penny.

Not modelled here (the caller decides): whether an absence is a period of incapacity for work,
linking of periods within 8 weeks, and the April 2026 transitional rule that someone already on
SSP on 5 April 2026 keeps the flat rate. How HMRC rounds 80% of AWE is not confirmed
(payroll_rules.md §11); we round it up to the penny, in the employee's favour. That is an
assumption to check against HMRC's guidance.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_DOWN, Decimal, localcontext

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll.ni import period_threshold
from pa_manager.domain.payroll.rates import YearRates
from pa_manager.domain.payroll.rounding import CONTEXT, PENNY, to_money
from pa_manager.domain.periods import PayFrequency

_FOUR_PLACES = Decimal("0.0001")


def ssp_weekly_rate(rates: YearRates, average_weekly_earnings: Money) -> Money | None:
    """The weekly SSP rate for someone with these average weekly earnings, or None if not due."""
    ssp = rates.ssp
    if average_weekly_earnings.is_negative:
        raise DomainError("Average weekly earnings cannot be negative.")
    if ssp.lel_test:
        lel = period_threshold(rates.ni.thresholds.lel, PayFrequency.WEEKLY)
        if average_weekly_earnings < lel:
            return None
    flat = ssp.weekly_rate
    if ssp.earnings_share is None:
        return to_money(flat)
    with localcontext(CONTEXT):
        share = (average_weekly_earnings.to_decimal() * ssp.earnings_share).quantize(
            PENNY, rounding=ROUND_CEILING
        )
    return to_money(min(flat, share))


def ssp_daily_rate(weekly_rate: Money, qualifying_days_per_week: int) -> Decimal:
    """HMRC's unrounded daily rate: weekly rate / qualifying days, cut to 4 decimal places."""
    _check_qualifying_days(qualifying_days_per_week)
    with localcontext(CONTEXT):
        return (weekly_rate.to_decimal() / qualifying_days_per_week).quantize(
            _FOUR_PLACES, rounding=ROUND_DOWN
        )


def ssp_for_week(weekly_rate: Money, qualifying_days_per_week: int, days_paid: int) -> Money:
    """SSP for the payable days in one week, rounded up to the penny."""
    _check_qualifying_days(qualifying_days_per_week)
    if not 0 <= days_paid <= qualifying_days_per_week:
        raise DomainError(
            f"{days_paid} days of SSP in one week is not possible with "
            f"{qualifying_days_per_week} qualifying days a week."
        )
    daily = ssp_daily_rate(weekly_rate, qualifying_days_per_week)
    return to_money((daily * days_paid).quantize(PENNY, rounding=ROUND_CEILING))


def payable_days(
    rates: YearRates,
    *,
    qualifying_days_sick: int,
    qualifying_days_per_week: int,
    earlier_linked_days: int = 0,
) -> int:
    """Qualifying days to pay in this spell, after waiting days and the 28-week limit.

    `earlier_linked_days` counts qualifying days of sickness in earlier, linked spells (waiting
    days included), which use up waiting days and the 28 weeks first.
    """
    _check_qualifying_days(qualifying_days_per_week)
    if qualifying_days_sick < 0 or earlier_linked_days < 0:
        raise DomainError("Days of sickness cannot be negative.")
    waiting = rates.ssp.waiting_days
    waiting_left = max(waiting - earlier_linked_days, 0)
    paid_before = max(earlier_linked_days - waiting, 0)
    allowed = rates.ssp.max_weeks * qualifying_days_per_week - paid_before
    return max(min(qualifying_days_sick - waiting_left, allowed), 0)


def _check_qualifying_days(days: int) -> None:
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 7:
        raise DomainError("Qualifying days in a week must be a whole number from 1 to 7.")
