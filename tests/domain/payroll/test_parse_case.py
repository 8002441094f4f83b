"""parse_case: the JSON-like form is checked field by field, with plain-English messages."""

from __future__ import annotations

from typing import Any

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll import CASE_FIELDS, PayrollCase, calculate, parse_case
from pa_manager.domain.periods import PayFrequency, TaxYear


def good(**changes: Any) -> dict[str, Any]:
    case: dict[str, Any] = {
        "tax_year": "2026-27",
        "frequency": "monthly",
        "period": 1,
        "tax_code": "1257L",
        "week1_month1": False,
        "ni_category": "A",
        "gross": "2100.00",
        "pay_to_date": "0.00",
        "tax_to_date": "0.00",
    }
    case.update(changes)
    return case


def refused(obj: object) -> str:
    with pytest.raises(DomainError) as err:
        parse_case(obj)
    return str(err.value)


def test_a_good_case() -> None:
    case = parse_case(good(ni_category=" a ", tax_code="s1257l"))
    assert case == PayrollCase(
        tax_year=TaxYear(2026),
        frequency=PayFrequency.MONTHLY,
        period=1,
        tax_code="s1257l",
        week1_month1=False,
        ni_category="A",
        gross=Money(210000),
        pay_to_date=Money(0),
        tax_to_date=Money(0),
    )
    assert case.code.code == "S1257L"


def test_end_to_end_result() -> None:
    out = calculate(parse_case(good())).to_dict()
    # (2,100 - 1,048.26) -> £1,051 x 20% = 210.20; NI (2,100 - 1,048) x 8% and (2,100 - 417) x 15%
    assert (out["tax"], out["employee_ni"], out["employer_ni"]) == ("210.20", "84.16", "252.45")
    assert out["net_pay"] == "1805.64"
    assert out["basis"] == "cumulative"
    assert out["free_pay_to_date"] == "1048.26"


def test_not_a_mapping() -> None:
    assert "JSON object" in refused(["2026-27"])


def test_every_missing_key_is_named() -> None:
    case = good()
    del case["gross"], case["ni_category"]
    message = refused(case)
    assert "“ni_category”" in message and "“gross”" in message and "missing" in message


@pytest.mark.parametrize("key", list(CASE_FIELDS))
def test_each_key_is_required(key: str) -> None:
    case = good()
    del case[key]
    assert f"“{key}”" in refused(case)


def test_an_unknown_key_is_refused() -> None:
    assert "“grosss”" in refused(good(grosss="1.00"))


@pytest.mark.parametrize(
    ("changes", "hint"),
    [
        ({"tax_year": "2024-25"}, "we have rates for 2025-26 and 2026-27"),
        ({"tax_year": "2027-28"}, "we have rates for 2025-26 and 2026-27"),
        ({"tax_year": "next year"}, "Write it like 2026-27"),
        ({"tax_year": 2026}, "must be text"),
        ({"frequency": "daily"}, "not a pay frequency"),
        ({"period": 0}, "use 1 to 12"),
        ({"period": 13}, "use 1 to 12"),
        ({"frequency": "weekly", "period": 54}, "use 1 to 53"),
        ({"frequency": "fortnightly", "period": 28}, "use 1 to 27"),
        ({"frequency": "four_weekly", "period": 15}, "use 1 to 14"),
        ({"period": "1"}, "whole number"),
        ({"period": 1.0}, "whole number"),
        ({"period": True}, "whole number"),
        ({"week1_month1": "yes"}, "true or false"),
        ({"week1_month1": 0}, "true or false"),
        ({"tax_code": "1257"}, "1257L"),
        ({"tax_code": "ABC"}, "not a tax code"),
        ({"tax_code": "SD4"}, "SD0 to SD3"),
        ({"tax_code": "D2"}, "D0 to D1"),
        ({"tax_code": None}, "must be text"),
        ({"ni_category": "Q"}, "not a National Insurance category"),
        ({"ni_category": ""}, "not a National Insurance category"),
        ({"gross": "-1.00"}, "Gross pay cannot be negative"),
        ({"pay_to_date": "-0.01"}, "Pay to date cannot be negative"),
        ({"tax_to_date": "-5.00"}, "Tax to date cannot be negative"),
        ({"gross": 2100.0}, "as text"),
        ({"gross": 2100}, "as text"),
        ({"gross": "abc"}, "not an amount"),
        ({"gross": "2100.001"}, "not an amount"),
        ({"gross": "£2,100"}, "not an amount"),
    ],
)
def test_bad_values_are_refused_in_plain_english(changes: dict[str, Any], hint: str) -> None:
    assert hint in refused(good(**changes))


def test_building_a_case_directly_is_checked_too() -> None:
    with pytest.raises(DomainError, match="cannot be negative"):
        PayrollCase(
            tax_year=TaxYear(2026),
            frequency=PayFrequency.WEEKLY,
            period=1,
            tax_code="1257L",
            week1_month1=False,
            ni_category="A",
            gross=Money(-1),
            pay_to_date=Money(0),
            tax_to_date=Money(0),
        )
