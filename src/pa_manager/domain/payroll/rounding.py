"""HMRC's rounding rules, each under the name HMRC gives it, so no step rounds "by habit".

Payroll rounds in several different ways at different steps, and using ordinary half-up rounding
anywhere makes the answers drift from HMRC's test data by a penny. Every function here takes and
returns `Decimal` pounds; `Money` is only built at the edge, from an already-rounded figure.
"""

from __future__ import annotations

from decimal import (
    ROUND_CEILING,
    ROUND_DOWN,
    ROUND_FLOOR,
    ROUND_HALF_DOWN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)

from pa_manager.domain.money import Money

PENNY = Decimal("0.01")
POUND = Decimal(1)
_TENTH_PENNY = Decimal("0.001")

# Divisions by 52 never terminate; 40 significant digits keeps the unrounded band limits exact to
# far below a penny, and the traps turn any arithmetic slip into an error instead of a NaN.
CONTEXT = Context(prec=40, traps=[InvalidOperation, DivisionByZero, Overflow])


def floor_pound(amount: Decimal) -> Decimal:
    """Round down to the whole pound (PAYE spec §4.4.4: taxable pay to date)."""
    return amount.quantize(POUND, rounding=ROUND_FLOOR)


def floor_penny(amount: Decimal) -> Decimal:
    """Round down to the penny (PAYE spec §4.4: tax due to date; §4.5.2: the 50% limit)."""
    return amount.quantize(PENNY, rounding=ROUND_FLOOR)


def ceil_penny(amount: Decimal) -> Decimal:
    """Round up to the penny (PAYE spec §4.3.1: free pay for period 1)."""
    return amount.quantize(PENNY, rounding=ROUND_CEILING)


def ceil_pound(amount: Decimal) -> Decimal:
    """Round up to the whole pound (PAYE spec §4.4: the band test values v_i)."""
    return amount.quantize(POUND, rounding=ROUND_CEILING)


def nearest_pound(amount: Decimal) -> Decimal:
    """Round to the nearest pound, halves up (NI weekly and monthly thresholds from annual)."""
    return amount.quantize(POUND, rounding=ROUND_HALF_UP)


def ni_round(amount: Decimal) -> Decimal:
    """Round an NI contribution to the penny the way the law says.

    Social Security (Contributions) Regulations 2001 reg 12(1): "any amount of a halfpenny or less
    shall be disregarded". HMRC reads only the third decimal place: up to 5 rounds down, 6 or more
    rounds up (0.0056 -> 0.00, 0.0064 -> 0.01). So cut to three places first, then round half down.
    Ordinary half-up rounding fails HMRC's NI test data.
    """
    return amount.quantize(_TENTH_PENNY, rounding=ROUND_DOWN).quantize(PENNY, rounding=ROUND_HALF_DOWN)


def to_money(pounds: Decimal) -> Money:
    """Wrap a figure that is already a whole number of pence; refuse one that is not.

    Rounding happens in the named functions above; this only checks that nothing was left
    unrounded, so a forgotten rounding step is an error rather than a silent half-up.
    """
    # scaleb is exact, and int() of a whole Decimal is exact: no rounding can happen here. This is
    # the hot path of `payroll-calc --batch` (a dozen calls a case), so it avoids a quantize.
    pence = pounds.scaleb(2)
    whole = int(pence)
    if whole != pence:
        raise ValueError(f"{pounds} has not been rounded to the penny")
    return Money(whole)
