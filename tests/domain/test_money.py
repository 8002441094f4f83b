from decimal import ROUND_DOWN, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pa_manager.domain.money import Money, MoneyError


@pytest.mark.parametrize(
    ("text", "pence"),
    [
        ("£1,234.56", 123456),
        ("1234.5", 123450),
        ("-3", -300),
        ("0.07", 7),
        ("  £12 ", 1200),
        ("-£4.94", -494),
        ("£-4.94", -494),
        ("(4.94)", -494),
        ("1,000,000", 100000000),
        (".5", 50),
    ],
)
def test_money_parse_accepts_what_people_type(text: str, pence: int) -> None:
    assert Money.parse(text).pence == pence


@pytest.mark.parametrize(
    "text", ["", "abc", "1.234", "12,34", "£", "1e5", "--3", "4.94)", "1,2345.00", "12.3.4", "NaN"]
)
def test_money_parse_refuses_anything_else_with_a_message(text: str) -> None:
    with pytest.raises(MoneyError, match=r"not an amount|two signs"):
        Money.parse(text)


def test_money_refuses_floats_and_bools() -> None:
    with pytest.raises(TypeError):
        Money(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(True)
    with pytest.raises(TypeError):
        Money(100) * 1.5  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money(100).apply_rate(0.5)  # type: ignore[arg-type]


def test_money_formats_en_gb_with_sign_before_pound() -> None:
    assert Money(-494).format() == "-£4.94"
    assert Money(123456789).format() == "£1,234,567.89"
    assert Money(5).format() == "£0.05"
    assert Money(-123456).decimal_str() == "-1234.56"
    assert Money(0).decimal_str() == "0.00"


def test_money_arithmetic_stays_in_pence() -> None:
    assert Money(150) + Money(-50) == Money(100)
    assert Money(150) - Money(200) == Money(-50)
    assert 3 * Money(333) == Money(999)
    assert Money.total([Money(1), Money(2), Money(3)]) == Money(6)
    assert -Money(5) == Money(-5)


def test_money_rounds_once_by_the_named_rule() -> None:
    assert Money(1001).apply_rate(Decimal("0.5")) == Money(501)  # 5.005 half-up
    assert Money(1001).apply_rate(Decimal("0.5"), ROUND_DOWN) == Money(500)
    assert Money.from_pounds_str("2100.00") == Money(210000)
    for bad in ("21.005", "1e3", "NaN", "1,000.00", "", "£5"):
        with pytest.raises(MoneyError):
            Money.from_pounds_str(bad)


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_money_format_then_parse_round_trips(pence: int) -> None:
    m = Money(pence)
    assert Money.parse(m.format()) == m
    assert Money.parse(m.decimal_str()) == m
    assert Money.from_pounds_str(m.decimal_str()) == m
