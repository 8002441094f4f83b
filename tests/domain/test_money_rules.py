"""Expected council payments, spending concerns and the position sentences."""

from datetime import date
from decimal import Decimal

import pytest

from pa_manager.domain.categories import Category
from pa_manager.domain.holder import AllowedBand, PaymentSchedule
from pa_manager.domain.money import Money
from pa_manager.domain.money_rules.expected_income import expected_payments
from pa_manager.domain.money_rules.position import Position
from pa_manager.domain.money_rules.spending import Concern, PaRelation, concerns


@pytest.mark.parametrize(
    ("schedule", "dates", "council"),
    [
        (PaymentSchedule.WEEKLY, [date(2026, 4, 6), date(2026, 4, 13)], "400.00"),
        (PaymentSchedule.FOUR_WEEKLY_IN_ADVANCE, [date(2026, 4, 6), date(2026, 5, 4)], "1600.00"),
        # 52/12 weeks a month: £400 x 4.333... = £1,733.33
        (PaymentSchedule.MONTHLY, [date(2026, 1, 31), date(2026, 2, 28)], "1733.33"),
        (PaymentSchedule.QUARTERLY, [date(2026, 1, 31)], "5200.00"),
    ],
)
def test_schedules(schedule: PaymentSchedule, dates: list[date], council: str) -> None:
    due = expected_payments(
        schedule=schedule,
        weekly_dp=Money.parse("450"),
        weekly_contribution=Money.parse("50"),
        first_due=dates[0],
        until=dates[-1],
        council="Anytown",
    )
    councils = [e for e in due if e.category is Category.COUNCIL_DP]
    assert [e.due for e in councils] == dates
    assert all(e.amount == Money.parse(council) for e in councils)


@pytest.mark.parametrize(
    ("payee", "category", "found"),
    [
        ("Boots", Category.EQUIPMENT, []),
        ("Barrow Garden Centre", Category.EQUIPMENT, []),
        ("The Red Lion Inn", Category.OTHER_OUT, [Concern.ALCOHOL]),
        ("CASH WDL 12MAR", Category.UNCATEGORISED, [Concern.CASH]),
        ("William Hill", Category.OTHER_OUT, [Concern.GAMBLING]),
        ("Unarranged overdraft charge", Category.UNCATEGORISED, [Concern.BANK_CHARGES]),
        ("Anything", Category.BANK_CHARGES, [Concern.BANK_CHARGES]),
        ("Cashback", Category.REFUNDS_INTEREST, []),
    ],
)
def test_spending_concerns(payee: str, category: Category, found: list[Concern]) -> None:
    assert concerns(payee, category, Money(-500)) == found


def test_money_in_never_raises_a_concern() -> None:
    assert concerns("BET365 winnings", Category.REFUNDS_INTEREST, Money(500)) == []


def test_relative_needs_approval() -> None:
    assert concerns("Sam", Category.PA_WAGES, Money(-100), PaRelation(True, None)) == [Concern.RELATIVE]
    assert concerns("Sam", Category.PA_WAGES, Money(-100), PaRelation(True, date(2026, 1, 1))) == []


def band(balance: str, lo: int = 4, hi: int = 8) -> Position:
    return Position(
        Money.parse(balance),
        Money(0),
        Money(0),
        Money.parse("100"),
        AllowedBand(Decimal(lo), Decimal(hi)),
        "Anytown",
    )


def test_sentences_within_below_and_overdrawn() -> None:
    assert band("600").weeks_sentence() == "You hold 6 weeks, within the 4 to 8 weeks Anytown allows."
    assert band("600", 0, 8).weeks_sentence() == "You hold 6 weeks, within the 8 weeks Anytown allows."
    assert "below the 4 weeks" in band("250").weeks_sentence()
    assert band("-5").balance_sentence() == "The account is overdrawn by £5.00."
    assert band("600").available_sentence() == (
        "£600.00 is free to spend; £0.00 is committed and £0.00 is set aside in contingency."
    )
