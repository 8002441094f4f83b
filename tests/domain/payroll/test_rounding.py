"""HMRC's rounding rules, checked at their edges."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pa_manager.domain.money import Money
from pa_manager.domain.payroll.rounding import (
    ceil_penny,
    ceil_pound,
    floor_penny,
    floor_pound,
    nearest_pound,
    ni_round,
    to_money,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.005", "0.00"),  # exactly a halfpenny: disregarded
        ("0.0056", "0.00"),  # only the third decimal place counts
        ("0.0059", "0.00"),
        ("0.006", "0.01"),
        ("0.0064", "0.01"),
        ("1.2349", "1.23"),
        ("1.236", "1.24"),
        ("13.4125", "13.41"),
        ("2.00", "2.00"),
    ],
)
def test_ni_round(value: str, expected: str) -> None:
    assert ni_round(Decimal(value)) == Decimal(expected)


def test_pounds_and_pence_directions() -> None:
    assert floor_pound(Decimal("100.99")) == 100
    assert floor_penny(Decimal("971.6667")) == Decimal("971.66")
    assert ceil_penny(Decimal("28.0577")) == Decimal("28.06")
    assert ceil_pound(Decimal("966.92")) == 967
    assert ceil_pound(Decimal("3142")) == 3142
    assert nearest_pound(Decimal("1047.5")) == 1048  # 12,570 / 12: halves go up
    assert nearest_pound(Decimal("241.73")) == 242


def test_to_money_refuses_an_unrounded_figure() -> None:
    assert to_money(Decimal("12.30")) == Money(1230)
    with pytest.raises(ValueError, match="not been rounded"):
        to_money(Decimal("12.305"))
