"""Contingency pots (money ring-fenced inside the balance) and commitments (money owed, not paid)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pa_manager.domain.choice import Choice
from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money


class PotKind(Choice):
    """What a pot is for; the kinds councils recognise as good reasons to hold money back."""

    HOLIDAY_PAY = "holiday-pay"
    HMRC_DUE = "hmrc-due"
    INSURANCE = "insurance"
    REDUNDANCY = "redundancy-notice"
    SICKNESS = "sickness-cover"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _POT_LABELS[self]


_POT_LABELS = {
    PotKind.HOLIDAY_PAY: "Holiday pay owed",
    PotKind.HMRC_DUE: "HMRC due",
    PotKind.INSURANCE: "Insurance renewal",
    PotKind.REDUNDANCY: "Redundancy and notice",
    PotKind.SICKNESS: "Sickness cover",
    PotKind.OTHER: "Other",
}


@dataclass(frozen=True, slots=True)
class Pot:
    """A pot's target is the amount ring-fenced; the reason is what the council will read."""

    kind: PotKind
    name: str
    target: Money
    reason: str = ""
    id: int | None = None
    # Worked out by the app (holiday pay owed, from the timesheets), not typed in: never saved.
    automatic: bool = False

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise DomainError("Give the pot a name, for example “Holiday pay owed”.")
        if len(self.name) > 100:
            raise DomainError("That pot name is too long; keep it under 100 characters.")
        if self.target.pence <= 0:
            raise DomainError("A pot's target must be more than £0.00.")
        if self.kind is PotKind.OTHER and not self.reason.strip():
            raise DomainError("Say what an “Other” pot is for: the council will ask.")


class CommitmentKind(Choice):
    """What is owed."""

    WAGES = "wages"
    HMRC = "hmrc"
    PENSION = "pension"
    INVOICE = "invoice"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _COMMITMENT_LABELS[self]


_COMMITMENT_LABELS = {
    CommitmentKind.WAGES: "Wages",
    CommitmentKind.HMRC: "HMRC (tax and NI)",
    CommitmentKind.PENSION: "Pension",
    CommitmentKind.INVOICE: "Invoice",
    CommitmentKind.OTHER: "Other",
}


@dataclass(frozen=True, slots=True)
class Commitment:
    """Money owed to someone by a date; it stops counting once a payment settles it."""

    kind: CommitmentKind
    payee: str
    amount: Money
    due: date
    pa_id: int | None = None
    note: str = ""
    source: str = "manual"
    id: int | None = None
    settled_txn_id: int | None = None

    def __post_init__(self) -> None:
        if not self.payee.strip():
            raise DomainError("Say who the money is owed to.")
        if self.amount.pence <= 0:
            raise DomainError("What is owed must be more than £0.00.")

    @property
    def settled(self) -> bool:
        return self.settled_txn_id is not None
