"""Choosing what a receipt is evidence for: payments near its date, and the links to keep.

The link dialog shows money going out around the document's date (the receipt's own date, or the
day it was added), with the ones already linked ticked; `set_links` makes the links match.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services import documents
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.store.models import SPLIT, TransactionRow
from pa_manager.store.models_receipts import DocumentRow, TxnDocumentRow

WINDOW_DAYS = 45


@dataclass(frozen=True, slots=True)
class PaymentChoice:
    """A payment the document could be evidence for."""

    id: int
    day: date
    payee: str
    amount: Money
    category: str  # the category's label, or "Split"
    linked: bool


def payments_for(book: Book, document_id: int, window_days: int = WINDOW_DAYS) -> list[PaymentChoice]:
    """Money out within `window_days` of the document's date, plus any linked already; by date."""
    with book.read() as s:
        doc = s.get(DocumentRow, document_id)
        if doc is None:
            raise BookError("That document is not in this book.")
        linked = set(
            s.scalars(select(TxnDocumentRow.txn_id).where(TxnDocumentRow.document_id == document_id))
        )
        t = TransactionRow
        near = (
            t.amount_pence < 0,
            t.date >= doc.day - timedelta(days=window_days),
            t.date <= doc.day + timedelta(days=window_days),
        )
        rows = list(s.execute(select(t.id, t.date, t.payee, t.amount_pence, t.category).where(*near)))
        if linked:
            rows += s.execute(
                select(t.id, t.date, t.payee, t.amount_pence, t.category).where(t.id.in_(linked))
            )
    seen: dict[int, PaymentChoice] = {}
    for txn_id, day, payee, pence, key in rows:
        label = "Split" if key == SPLIT else Category(key).label
        seen[txn_id] = PaymentChoice(txn_id, day, payee, Money(pence), label, txn_id in linked)
    return sorted(seen.values(), key=lambda p: (p.day, p.id))


def set_links(book: Book, document_id: int, txn_ids: set[int]) -> None:
    """Make the document's transaction links exactly `txn_ids`."""
    with book.write() as s:
        if s.get(DocumentRow, document_id) is None:
            raise BookError("That document is not in this book.")
        for link in s.scalars(select(TxnDocumentRow).where(TxnDocumentRow.document_id == document_id)):
            if link.txn_id not in txn_ids:
                s.delete(link)
        s.flush()
        documents.link_in_session(s, document_id, sorted(txn_ids))
