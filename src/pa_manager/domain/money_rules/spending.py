"""Spending that councils commonly refuse (domain.md section 1.6): warn, never block.

The checks look at the category and at the payee as the bank wrote it. Payee words are matched
as whole words so that "Barrow" is not "bar" and "Boots" is not "boot sale".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money


class Concern(Enum):
    """Why a payment may be questioned; the value is the stable key in --json output."""

    BANK_CHARGES = "bank-charges"
    CASH = "cash-withdrawal"
    GAMBLING = "gambling"
    ALCOHOL = "alcohol"
    RELATIVE = "relative-without-approval"

    @property
    def sentence(self) -> str:
        return _SENTENCES[self]


_SENTENCES = {
    Concern.BANK_CHARGES: "Councils usually refuse bank charges from a direct payment.",
    Concern.CASH: "Councils usually refuse cash withdrawals: keep a receipt for what the cash paid for.",
    Concern.GAMBLING: "Gambling cannot be paid for from a direct payment.",
    Concern.ALCOHOL: "Alcohol cannot be paid for from a direct payment.",
    Concern.RELATIVE: (
        "This pays a relative who lives in the same household, and no council approval is recorded."
    ),
}

_CASH = r"atm|cash withdrawal|cash wdl|cashpoint|link atm|cash machine|\bcash\b"
_GAMBLING = (
    r"bet365|betfair|betway|william hill|ladbrokes|coral|paddy ?power|sky ?bet|sky ?vegas|"
    r"national lottery|lottery|camelot|allwyn|bingo|casino|betting|bookmaker|grosvenor casinos|"
    r"tombola|unibet|888|pokerstars|gala"
)
_ALCOHOL = (
    r"off licence|off-licence|offlicence|wine|wines|brewery|brewing|distillery|bargain booze|"
    r"majestic|threshers|oddbins|pub|inn|tavern|bar|wetherspoon|spirits"
)
_PATTERNS = {
    Concern.CASH: re.compile(rf"\b(?:{_CASH})\b", re.IGNORECASE),
    Concern.GAMBLING: re.compile(rf"\b(?:{_GAMBLING})\b", re.IGNORECASE),
    Concern.ALCOHOL: re.compile(rf"\b(?:{_ALCOHOL})\b", re.IGNORECASE),
}
_BANK_CHARGE_WORDS = re.compile(
    r"\b(?:overdraft|unarranged|account fee|monthly fee|charges?|commission|interest charged)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PaRelation:
    """What the spending check needs to know about the PA a payment goes to."""

    relative_in_household: bool
    council_approval_date: date | None


def concerns(payee: str, category: Category, amount: Money, pa: PaRelation | None = None) -> list[Concern]:
    """The reasons a council might question this payment; empty for money in."""
    if not amount.is_negative:
        return []
    found: list[Concern] = []
    if category is Category.BANK_CHARGES or (
        category in (Category.UNCATEGORISED, Category.PAYROLL_FEES) and _BANK_CHARGE_WORDS.search(payee)
    ):
        found.append(Concern.BANK_CHARGES)
    for concern, pattern in _PATTERNS.items():
        if pattern.search(payee):
            found.append(concern)
    if pa is not None and pa.relative_in_household and pa.council_approval_date is None:
        found.append(Concern.RELATIVE)
    return found
