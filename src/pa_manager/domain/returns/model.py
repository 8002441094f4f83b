"""The return's figures for one period, as plain values (built by services.returns).

Opening + money in − money out = closing, to the penny: `check_balances` refuses figures that do
not add up, so no export can show a return that fails the council's first check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from pa_manager.domain.categories import Category
from pa_manager.domain.errors import DomainError
from pa_manager.domain.holder import AllowedBand
from pa_manager.domain.money import Money
from pa_manager.domain.money_rules.in_out import InAndOut
from pa_manager.domain.returns.periods import ReturnPeriod


@dataclass(frozen=True, slots=True)
class ReturnHeader:
    """Who the return is for and what the council pays (the top of every council's form)."""

    holder: str
    date_of_birth: date | None
    council: str
    council_reference: str
    acting: str  # the person completing the return, with their capacity
    account_type: str
    weekly_dp: Money
    weekly_contribution: Money


@dataclass(frozen=True, slots=True)
class ReturnTxn:
    """One line of the transaction list. `number` is its number in the list and the evidence pack."""

    number: int
    txn_id: int
    day: date
    payee: str
    reference: str
    category: str  # the category's label, or "Split: a, b"
    amount: Money  # positive in, negative out
    state: str  # uncleared | cleared | reconciled
    evidence: tuple[str, ...] = ()  # evidence pack numbers, e.g. ("R3", "P2")
    parts: tuple[tuple[Category, Money], ...] = ()  # a split line's categories and amounts
    category_key: Category = Category.UNCATEGORISED


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One numbered document in the evidence pack.

    Numbers are "R" receipts and invoices, "P" payslips, "T" timesheets, "S" statements, each
    counted from 1 in the order they first appear in the return; `ref` says where the document
    comes from: ("document", id), ("payslip", pay run id, PA id) or ("timesheet", PA id, ordinal of
    the period's first day).
    """

    number: str
    kind: str
    title: str
    day: date
    ref: tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class PaHours:
    """One PA's hours and pay in the period (from timesheets and finalised payslips)."""

    name: str
    timesheets: int
    signed: int
    timesheet_numbers: tuple[str, ...]
    hours: Decimal
    payslips: int
    gross: Money
    net: Money


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """The book's closing balance tied to the bank statement: uncleared lines explain the gap."""

    book_balance: Money
    uncleared: tuple[ReturnTxn, ...]
    last_statement_date: date | None
    last_statement_balance: Money | None

    @property
    def uncleared_total(self) -> Money:
        return Money.total(t.amount for t in self.uncleared)

    @property
    def statement_balance(self) -> Money:
        """What the statement should show at the period's end: the book less lines not on it yet."""
        return self.book_balance - self.uncleared_total

    @property
    def difference(self) -> Money:
        """Book balance − (statement balance + uncleared): always £0.00 for a book that adds up."""
        return self.book_balance - (self.statement_balance + self.uncleared_total)


@dataclass(frozen=True, slots=True)
class ReturnFigures(InAndOut):
    """Everything a council return shows for one period."""

    header: ReturnHeader
    period: ReturnPeriod
    opening: Money
    money_in: dict[Category, Money]
    money_out: dict[Category, Money]
    closing: Money
    allowed: AllowedBand
    weeks_held: Decimal | None
    committed: Money
    contingency: Money
    available: Money
    allowed_to_keep: Money  # the band's top in weeks of gross DP
    surplus_at_risk: Money
    explanation: str = ""
    signed_by: str = ""
    capacity: str = ""
    transactions: tuple[ReturnTxn, ...] = ()
    pas: tuple[PaHours, ...] = ()
    reconciliation: Reconciliation | None = None
    evidence: tuple[EvidenceItem, ...] = ()
    contingency_lines: tuple[tuple[str, Money], ...] = field(default=())
    committed_lines: tuple[tuple[str, Money], ...] = field(default=())

    @property
    def outside_band(self) -> bool:
        """Whether the closing balance is above or below the weeks the council allows."""
        if self.weeks_held is None:
            return False
        return not (self.allowed.min_weeks <= self.weeks_held <= self.allowed.max_weeks)


def check_balances(opening: Money, money_in: Money, money_out: Money, closing: Money) -> None:
    """Refuse figures where opening + in − out is not the closing balance."""
    if opening + money_in - money_out != closing:
        raise DomainError(
            f"The return does not add up: {opening} + {money_in} − {money_out} is not {closing}. "
            "Run Check book from the Help menu."
        )
