"""Which tax years we hold payroll rates for, and the lookup by TaxYear."""

from __future__ import annotations

from pa_manager.domain.errors import DomainError
from pa_manager.domain.payroll import rates_2025_26, rates_2026_27
from pa_manager.domain.payroll.rates import YearRates
from pa_manager.domain.periods import TaxYear

_KNOWN: dict[TaxYear, YearRates] = {r.tax_year: r for r in (rates_2025_26.RATES, rates_2026_27.RATES)}


def supported_tax_years() -> tuple[TaxYear, ...]:
    """The tax years we have rates for, oldest first."""
    return tuple(sorted(_KNOWN))


def rates_for(tax_year: TaxYear) -> YearRates:
    """The rates for a tax year, or a DomainError that names the years we do have."""
    try:
        return _KNOWN[tax_year]
    except KeyError:
        names = " and ".join(str(y) for y in supported_tax_years())
        raise DomainError(
            f"We cannot work out payroll for tax year {tax_year}: we have rates for {names} only."
        ) from None
