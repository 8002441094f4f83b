"""The budget holder, who acts for them, and the council's funding agreement (DESIGN section 3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from pa_manager.domain.choice import Choice
from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money


class _Choice(Choice):
    """The holder's choices take their labels from the one table below."""

    @property
    def label(self) -> str:
        return _LABELS[self]


class Nation(_Choice):
    """Decides bank holidays and which income tax rules apply."""

    ENGLAND = "england"
    SCOTLAND = "scotland"
    WALES = "wales"
    NORTHERN_IRELAND = "northern-ireland"


class ManagedBy(_Choice):
    """Who looks after the budget day to day."""

    SELF = "self"
    FAMILY_CARER = "family-carer"
    NOMINATED_PERSON = "nominated-person"
    SUPPORT_SERVICE = "support-service"


class AccountType(_Choice):
    """Where the direct payment is paid."""

    BANK_ACCOUNT = "bank-account"
    PREPAID_CARD = "prepaid-card"
    MANAGED_ACCOUNT = "managed-account"


class PaymentSchedule(_Choice):
    """How the council pays the direct payment."""

    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    FOUR_WEEKLY_IN_ADVANCE = "four-weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


class ReturnFrequency(_Choice):
    """How often the council wants a monitoring return."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half-yearly"
    YEARLY = "yearly"


class PersonRole(_Choice):
    """The capacity in which someone uses the book; recorded against every change they make."""

    BUDGET_HOLDER = "budget-holder"
    FAMILY_CARER = "family-carer"
    NOMINATED_PERSON = "nominated-person"
    SUPPORT_WORKER = "support-worker"


_LABELS: dict[_Choice, str] = {
    Nation.ENGLAND: "England",
    Nation.SCOTLAND: "Scotland",
    Nation.WALES: "Wales",
    Nation.NORTHERN_IRELAND: "Northern Ireland",
    ManagedBy.SELF: "The budget holder",
    ManagedBy.FAMILY_CARER: "A family carer",
    ManagedBy.NOMINATED_PERSON: "A nominated person",
    ManagedBy.SUPPORT_SERVICE: "A support service",
    AccountType.BANK_ACCOUNT: "Bank account",
    AccountType.PREPAID_CARD: "Prepaid card",
    AccountType.MANAGED_ACCOUNT: "Managed account",
    PaymentSchedule.WEEKLY: "Weekly",
    PaymentSchedule.FORTNIGHTLY: "Every two weeks",
    PaymentSchedule.FOUR_WEEKLY_IN_ADVANCE: "Every four weeks, in advance",
    PaymentSchedule.MONTHLY: "Monthly",
    PaymentSchedule.QUARTERLY: "Quarterly",
    ReturnFrequency.MONTHLY: "Monthly",
    ReturnFrequency.QUARTERLY: "Quarterly",
    ReturnFrequency.HALF_YEARLY: "Every six months",
    ReturnFrequency.YEARLY: "Yearly",
    PersonRole.BUDGET_HOLDER: "budget holder",
    PersonRole.FAMILY_CARER: "family carer",
    PersonRole.NOMINATED_PERSON: "nominated person",
    PersonRole.SUPPORT_WORKER: "support worker",
}


@dataclass(frozen=True, slots=True)
class AllowedBand:
    """The balance the council lets the holder keep, in weeks of gross direct payment (e.g. 4-8)."""

    min_weeks: Decimal
    max_weeks: Decimal

    def __post_init__(self) -> None:
        if self.min_weeks < 0 or self.max_weeks <= 0 or self.min_weeks > self.max_weeks:
            raise DomainError(
                "The allowed balance must be a range of weeks like 4-8, with the smaller number first."
            )

    @classmethod
    def parse(cls, text: str) -> AllowedBand:
        """Read "4-8", "6" (meaning 0-6) or "8 weeks"."""
        cleaned = (text or "").lower().replace("weeks", "").replace("week", "").strip()
        parts = [p.strip() for p in cleaned.replace("to", "-").split("-")]
        try:
            numbers = [Decimal(p) for p in parts]  # an empty side ("4-") is an error too
        except ArithmeticError:
            numbers = []
        if len(numbers) == 1:
            numbers = [Decimal(0), numbers[0]]
        if len(numbers) != 2 or not all(n.is_finite() for n in numbers):
            raise DomainError(
                f"“{text}” is not a number of weeks. Write a range like 4-8, or one number like 6."
            )
        return cls(numbers[0], numbers[1])

    def __str__(self) -> str:
        lo, hi = (_weeks(n) for n in (self.min_weeks, self.max_weeks))
        return f"up to {hi} weeks" if self.min_weeks == 0 else f"{lo} to {hi} weeks"


def _weeks(n: Decimal) -> str:
    return f"{n.normalize():f}"


@dataclass(frozen=True, slots=True)
class BudgetHolder:
    """The person the direct payment is for: the book is theirs."""

    name: str
    council: str
    council_reference: str
    nation: Nation
    managed_by: ManagedBy
    account_type: AccountType
    date_of_birth: date | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise DomainError("Type the name of the person the direct payment is for.")
        if len(self.name) > 200 or len(self.council) > 200 or len(self.council_reference) > 100:
            raise DomainError("That name or reference is too long; shorten it.")
        if self.date_of_birth and self.date_of_birth > date.today():
            raise DomainError("The date of birth cannot be in the future.")


@dataclass(frozen=True, slots=True)
class FundingAgreement:
    """What the council pays and the rules it sets for holding money."""

    weekly_dp: Money
    schedule: PaymentSchedule
    client_contribution_weekly: Money
    allowed: AllowedBand
    return_frequency: ReturnFrequency
    start_date: date
    review_date: date | None = None
    agreed_contingency: Money = Money(0)

    def __post_init__(self) -> None:
        # £0.00 means "not set yet" (a script may make a book before the figure is known).
        if self.weekly_dp.is_negative:
            raise DomainError("The weekly direct payment cannot be negative.")
        if self.client_contribution_weekly.is_negative:
            raise DomainError("The weekly client contribution cannot be negative.")
        if self.agreed_contingency.is_negative:
            raise DomainError("The agreed contingency cannot be negative.")
        if self.review_date and self.review_date < self.start_date:
            raise DomainError("The review date must be after the start date.")

    def weeks_held(self, balance: Money) -> Decimal | None:
        """Balance ÷ gross weekly direct payment, to one decimal place; None if no payment is set."""
        return weeks_held(balance, self.weekly_dp)


def weeks_held(balance: Money, weekly_dp: Money) -> Decimal | None:
    """Balance ÷ gross weekly direct payment, rounded half-up to one decimal place."""
    if weekly_dp.pence <= 0:
        return None
    return (Decimal(balance.pence) / Decimal(weekly_dp.pence)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class Person:
    """Someone who uses the book: chosen at unlock, named in the title bar and the audit trail."""

    id: int
    name: str
    role: PersonRole
    relationship: str = ""

    def label(self, holder_first_name: str = "") -> str:
        """ "Jane Smith (budget holder)", "Tom Smith (son, acting for Jane)", "Sam Lee (support worker)"."""
        if self.role is PersonRole.BUDGET_HOLDER:
            return f"{self.name} (budget holder)"
        what = self.relationship.strip() or self.role.label
        if self.role in (PersonRole.FAMILY_CARER, PersonRole.NOMINATED_PERSON) and holder_first_name:
            return f"{self.name} ({what}, acting for {holder_first_name})"
        return f"{self.name} ({what})"
