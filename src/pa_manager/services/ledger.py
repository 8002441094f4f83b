"""Recording money in and out. The Money issue grows this into the full register."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services.book import Book
from pa_manager.services.contingency import settle_matching
from pa_manager.services.errors import BookError
from pa_manager.store import audit
from pa_manager.store.models import AccountRow, TransactionRow


@dataclass(frozen=True, slots=True)
class NewTransaction:
    """One line of money in (positive) or out (negative)."""

    day: date
    payee: str
    amount: Money
    category: Category
    reference: str = ""
    note: str = ""
    pa_id: int | None = None
    account_id: int | None = None  # None: the book's first account
    # For lines written in bulk with a known history (the demo book): already reconciled ones.
    state: str = "uncleared"
    reconciliation_id: int | None = None


def record_transaction(book: Book, new: NewTransaction) -> int:
    """Add one transaction in its own transaction; returns its id."""
    return record_transactions(book, [new])[0]


def record_transactions(book: Book, items: list[NewTransaction]) -> list[int]:
    """Add several transactions at once (all or none); returns their ids in order."""
    for t in items:
        _validate(t)
    with book.write() as s:
        default_account = s.scalars(select(AccountRow.id).order_by(AccountRow.id)).first()
        if default_account is None:
            raise BookError("This book has no account to record money in.")
        rows = [
            {
                "account_id": t.account_id or default_account,
                "date": t.day,
                "payee": t.payee.strip(),
                "amount_pence": t.amount.pence,
                "category": t.category.value,
                "reference": t.reference,
                "note": t.note,
                "state": t.state,
                "pa_id": t.pa_id,
                "reconciliation_id": t.reconciliation_id,
            }
            for t in items
        ]
        ids = audit.insert_audited(s, TransactionRow, rows)
        settle_matching(s)
        return ids


def _validate(t: NewTransaction) -> None:
    if not t.payee.strip():
        raise BookError("Say who the money was paid to or came from.")
    if len(t.payee) > 200 or len(t.reference) > 200:
        raise BookError("That payee or reference is too long; shorten it.")
    if not t.amount:
        raise BookError("The amount cannot be £0.00.")
    if t.state not in ("uncleared", "cleared", "reconciled") or (t.state == "reconciled") != bool(
        t.reconciliation_id
    ):
        raise BookError("A reconciled line needs its reconciliation, and only a reconciled line has one.")
