"""UK dates and bank amount cells, read the one way the importers allow."""

from __future__ import annotations

from datetime import date

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.importers.values import (
    MonthFirstError,
    ValueProblemError,
    check_date_format,
    parse_amount,
    parse_day,
)


@pytest.mark.parametrize(
    "text",
    [
        "31/01/2026",
        "31/01/26",
        "31-Jan-2026",
        "31 Jan 2026",
        "31 January 2026",
        "2026-01-31",
        "31.01.2026",
        "31/01/2026 14:22",
        "2026-01-31T10:00:00Z",
        "2026-01-31 17:43:35 +0000",
        "20260131",
        " '31/01/2026 ",
        "31/01'26",
    ],
)
def test_uk_date_forms_all_read_as_31_january(text: str) -> None:
    assert parse_day(text) == date(2026, 1, 31)


def test_day_first_wins_when_both_orders_are_possible() -> None:
    assert parse_day("01/02/2026") == date(2026, 2, 1)
    assert parse_day("13 Jun 2025") == date(2025, 6, 13)


def test_a_month_first_date_is_named_as_american_with_the_format_to_use() -> None:
    with pytest.raises(MonthFirstError) as caught:
        parse_day("01/31/2026")
    assert caught.value.suggested_format == "%m/%d/%Y"
    message = str(caught.value.refusal("Line 4"))
    assert message.startswith("Line 4 has the date “01/31/2026”, which is written month first")
    assert message.endswith("date format %m/%d/%Y.")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/02/2026", "is not a real date"),
        ("32 Jan 2026", "is not a real date"),
        ("5 Smarch 2026", "has no month called"),
        ("yesterday", "is not a date"),
        ("", "the date is blank"),
    ],
)
def test_bad_dates_say_why(text: str, reason: str) -> None:
    with pytest.raises(ValueProblemError, match=reason):
        parse_day(text)


def test_explicit_strftime_format_is_followed_exactly() -> None:
    assert parse_day("2026.01.07", "%Y.%m.%d") == date(2026, 1, 7)
    assert parse_day("01/31/2026", "%m/%d/%Y") == date(2026, 1, 31)
    with pytest.raises(ValueProblemError, match="does not match the date format"):
        parse_day("07/01/2026", "%Y.%m.%d")


def test_a_date_format_without_day_month_and_year_is_refused() -> None:
    with pytest.raises(DomainError, match="has no day"):
        check_date_format("%m/%Y")
    check_date_format("%d-%b-%Y")


@pytest.mark.parametrize(
    ("text", "pence"),
    [
        ("£1,234.56", 123456),
        ("-12.00", -1200),
        ("12.00 CR", 1200),
        ("12.00 DR", -1200),
        ("12.00DR", -1200),
        ("-12.00 DR", -1200),
        ("12.00-", -1200),
        ("(12.00)", -1200),
        ("+£5.00", 500),
        ("-£52.00", -5200),
        ("£-4.00", -400),
        ("1,234.56 GBP", 123456),
        ("'-3.50", -350),
        ("\u00a012.5\u00a0", 1250),
        ("7", 700),
    ],
)
def test_amount_cells_in_bank_forms(text: str, pence: int) -> None:
    amount = parse_amount(text)
    assert amount is not None and amount.pence == pence


def test_a_blank_amount_cell_is_none_not_zero() -> None:
    assert parse_amount("") is None
    assert parse_amount("  ") is None


@pytest.mark.parametrize("text", ["ten pounds", "DR", "12.345", "1.2.3", "£", "12,34"])
def test_text_in_an_amount_cell_is_refused(text: str) -> None:
    with pytest.raises(ValueProblemError, match="is not an amount of money"):
        parse_amount(text)
