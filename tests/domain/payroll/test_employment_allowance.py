"""Employment Allowance: set against employer NI until the year's allowance is used up."""

from __future__ import annotations

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll.employment_allowance import (
    apply_employment_allowance,
    employment_allowance_for,
    track_employment_allowance,
)
from pa_manager.domain.periods import TaxYear


def pounds(text: str) -> Money:
    return Money.from_pounds_str(text)


@pytest.mark.parametrize("year", [2025, 2026])
def test_allowance_is_10500(year: int) -> None:
    assert employment_allowance_for(TaxYear(year)) == pounds("10500.00")


def test_unknown_year() -> None:
    with pytest.raises(DomainError, match="we have rates for"):
        employment_allowance_for(TaxYear(2024))


def test_the_last_of_the_allowance() -> None:
    use = apply_employment_allowance(
        allowance=pounds("10500.00"), used_before=pounds("10400.00"), employer_ni=pounds("250.00")
    )
    assert (use.offset, use.employer_ni_payable, use.remaining) == (
        pounds("100.00"),
        pounds("150.00"),
        Money.zero(),
    )


def test_tracking_a_year() -> None:
    steps = track_employment_allowance(TaxYear(2026), [pounds("4000.00")] * 4)
    assert [s.offset for s in steps] == [pounds(x) for x in ("4000.00", "4000.00", "2500.00", "0")]
    assert [s.employer_ni_payable for s in steps] == [pounds(x) for x in ("0", "0", "1500.00", "4000.00")]
    assert steps[-1].used_to_date == pounds("10500.00")


def test_bad_inputs() -> None:
    with pytest.raises(DomainError, match="cannot be negative"):
        apply_employment_allowance(
            allowance=pounds("10500.00"), used_before=Money.zero(), employer_ni=pounds("-1.00")
        )
    with pytest.raises(DomainError, match="must be between"):
        apply_employment_allowance(
            allowance=pounds("10500.00"), used_before=pounds("10500.01"), employer_ni=Money.zero()
        )
