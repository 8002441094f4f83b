"""A PA's workplace pension for one pay run, through `domain.payroll.pension.assess_pension`.

The PA record keeps the pension status as text (`PaExtras.pension_status`): "not assessed",
"enrolled", "opted in", "opted out", or "postponed until 2026-07-01". Anything else, or nothing,
is read as not assessed yet, so an eligible PA is enrolled (and the payslip says so). The scheme is
the default: 5% employee and 3% employer on qualifying earnings, relief at source (as NEST).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll.pension import (
    PensionScheme,
    PensionState,
    PensionStatus,
    WorkerCategory,
    assess_pension,
)
from pa_manager.domain.people import PA
from pa_manager.domain.periods import PayFrequency, TaxYear
from pa_manager.store.models import PARow

DEFAULT_SCHEME = PensionScheme()
_POSTPONED = re.compile(r"^postponed(?:\s+until)?\s+(\d{4}-\d{2}-\d{2})$")
_CATEGORY_CODES = {
    WorkerCategory.ELIGIBLE: "eligible",
    WorkerCategory.NON_ELIGIBLE: "non-eligible",
    WorkerCategory.ENTITLED: "entitled",
    WorkerCategory.NO_DUTIES: "no-duties",
}


@dataclass(frozen=True, slots=True)
class PensionFigures:
    """What the payslip needs from the pension assessment."""

    category: str  # "eligible", "non-eligible", "entitled", "no-duties", or "" if not assessed
    qualifying: Money
    employee: Money
    employer: Money
    net_pay: bool  # deducted before tax (net pay arrangement)
    enrol: bool
    note: str


def status_from_text(text: str | None) -> PensionStatus:
    """The stored status text as a `PensionStatus` (not assessed when empty or not understood)."""
    words = " ".join((text or "").lower().replace("-", " ").replace("_", " ").split())
    found = _POSTPONED.match(words)
    if found:
        try:
            return PensionStatus(PensionState.POSTPONED, date.fromisoformat(found[1]))
        except ValueError:
            return PensionStatus.not_assessed()
    for state in PensionState:
        if state is not PensionState.POSTPONED and words == state.value:
            return PensionStatus(state)
    return PensionStatus.not_assessed()


def pension_for(
    row: PARow, pa: PA, tax_year: TaxYear, frequency: PayFrequency, pay_date: date, earnings: Money
) -> PensionFigures:
    """Assess the PA on this period's earnings and work out both sides' contributions."""
    if pa.date_of_birth is None:
        return PensionFigures(
            "",
            Money(0),
            Money(0),
            Money(0),
            False,
            False,
            f"{pa.name} has no date of birth recorded, so they could not be assessed for the workplace "
            "pension; record it before the next pay run.",
        )
    scheme = DEFAULT_SCHEME
    try:
        result = assess_pension(
            tax_year=tax_year,
            frequency=frequency,
            pay_date=pay_date,
            date_of_birth=pa.date_of_birth,
            earnings=earnings,
            status=status_from_text(row.pension_status),
            scheme=scheme,
        )
    except DomainError as err:
        return PensionFigures(
            "", Money(0), Money(0), Money(0), False, False, f"Pension not worked out for {pa.name}: {err}"
        )
    # The explanation is worth printing only when it asks for something (enrolling, opting in).
    note = result.explanation if result.enrol else ""
    return PensionFigures(
        _CATEGORY_CODES[result.category],
        result.qualifying_earnings,
        result.employee,
        result.employer,
        not scheme.relief_at_source,
        result.enrol,
        note,
    )
