from datetime import date
from decimal import Decimal

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.holder import (
    AllowedBand,
    BudgetHolder,
    FundingAgreement,
    ManagedBy,
    Nation,
    PaymentSchedule,
    Person,
    PersonRole,
    ReturnFrequency,
    weeks_held,
)
from pa_manager.domain.money import Money


def test_allowed_band_parses_what_councils_say() -> None:
    assert AllowedBand.parse("4-8") == AllowedBand(Decimal(4), Decimal(8))
    assert AllowedBand.parse("6") == AllowedBand(Decimal(0), Decimal(6))
    assert AllowedBand.parse("8 weeks") == AllowedBand(Decimal(0), Decimal(8))
    assert AllowedBand.parse("4 to 6.5") == AllowedBand(Decimal(4), Decimal("6.5"))
    assert str(AllowedBand.parse("4-8")) == "4 to 8 weeks"
    assert str(AllowedBand.parse("6")) == "up to 6 weeks"


@pytest.mark.parametrize("text", ["", "eight", "8-4", "1-2-3", "4-"])
def test_allowed_band_refuses_nonsense(text: str) -> None:
    with pytest.raises(DomainError):
        AllowedBand.parse(text)


def test_choices_parse_values_and_labels() -> None:
    assert Nation.parse("Northern Ireland") is Nation.NORTHERN_IRELAND
    assert Nation.parse("scotland") is Nation.SCOTLAND
    assert ManagedBy.parse("family_carer") is ManagedBy.FAMILY_CARER
    with pytest.raises(DomainError, match="england, scotland"):
        Nation.parse("France")


def test_weeks_held_is_balance_over_gross_weekly_payment() -> None:
    assert weeks_held(Money(427500), Money(45000)) == Decimal("9.5")
    assert weeks_held(Money(-45000), Money(45000)) == Decimal("-1.0")
    assert weeks_held(Money(100), Money(0)) is None


def test_holder_and_funding_refuse_bad_values() -> None:
    with pytest.raises(DomainError, match="name"):
        BudgetHolder(" ", "C", "R", Nation.WALES, ManagedBy.SELF, AccountType_bank())
    with pytest.raises(DomainError, match="future"):
        BudgetHolder("A", "C", "R", Nation.WALES, ManagedBy.SELF, AccountType_bank(), date(2999, 1, 1))
    band = AllowedBand.parse("4-8")
    with pytest.raises(DomainError, match="negative"):
        FundingAgreement(
            Money(-1), PaymentSchedule.MONTHLY, Money(0), band, ReturnFrequency.YEARLY, date(2026, 1, 1)
        )
    with pytest.raises(DomainError, match="review date"):
        FundingAgreement(
            Money(1),
            PaymentSchedule.MONTHLY,
            Money(0),
            band,
            ReturnFrequency.YEARLY,
            date(2026, 1, 1),
            date(2025, 1, 1),
        )


def AccountType_bank():
    from pa_manager.domain.holder import AccountType

    return AccountType.BANK_ACCOUNT


def test_person_labels_say_who_acts_for_whom() -> None:
    assert Person(1, "Jane Smith", PersonRole.BUDGET_HOLDER).label("Jane") == "Jane Smith (budget holder)"
    tom = Person(2, "Tom Smith", PersonRole.FAMILY_CARER, "son")
    assert tom.label("Jane") == "Tom Smith (son, acting for Jane)"
    sam = Person(3, "Sam Lee", PersonRole.SUPPORT_WORKER)
    assert sam.label("Jane") == "Sam Lee (support worker)"
