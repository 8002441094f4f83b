"""One transaction at a time: read it whole, change it, split it, delete it and undo that.

A reconciled line is locked: changing or deleting it is refused until it is unlocked, and the
unlock (who, when, why) is written to the audit trail. Every change here is one write session,
so it is audited row by row like everything else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.domain.people import long_date
from pa_manager.services.book import Book
from pa_manager.services.contingency import settle_matching
from pa_manager.services.documents import forget_links_to, relink
from pa_manager.services.errors import BookError
from pa_manager.store import audit
from pa_manager.store.models import SPLIT, AccountRow, PARow, SplitRow, TransactionRow

MAX_TEXT = 200


class LockedError(BookError):
    """The line is reconciled; unlock it first."""


@dataclass(frozen=True, slots=True)
class SplitPart:
    """One category's share of a split line."""

    category: Category
    amount: Money
    pa_id: int | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class TransactionDetail:
    """A transaction as the edit dialog shows it. With splits, `category` is ignored."""

    day: date
    payee: str
    amount: Money
    category: Category
    reference: str = ""
    note: str = ""
    pa_id: int | None = None
    account_id: int | None = None  # None on a new line: the first account
    splits: tuple[SplitPart, ...] = ()
    id: int | None = None
    state: str = "uncleared"
    # Kept so an undone delete puts an imported line back with its duplicate-detection ids.
    statement_line_id: str | None = field(default=None, compare=False)
    fingerprint: str | None = field(default=None, compare=False)
    reconciliation_id: int | None = field(default=None, compare=False)
    # The receipts a deleted line was linked to, so that undo links them again.
    document_ids: tuple[int, ...] = field(default=(), compare=False)

    @property
    def locked(self) -> bool:
        return self.state == "reconciled"


def validate(t: TransactionDetail) -> None:
    """Refuse what cannot be saved, with a message that says how to put it right."""
    if not t.payee.strip():
        raise BookError("Say who the money was paid to or came from.")
    if len(t.payee) > MAX_TEXT or len(t.reference) > MAX_TEXT:
        raise BookError("That payee or reference is too long; keep it under 200 characters.")
    if not t.amount:
        raise BookError("The amount cannot be £0.00.")
    if t.splits:
        if len(t.splits) < 2:
            raise BookError("A split needs at least two parts; otherwise choose one category.")
        if any(not p.amount for p in t.splits):
            raise BookError("Each part of a split needs an amount; remove the empty part.")
        total = Money.total(p.amount for p in t.splits)
        if total != t.amount:
            short = t.amount - total
            raise BookError(
                f"The parts add up to {total}, not {t.amount}: {abs(short)} "
                f"{'still to share out' if abs(t.amount.pence) > abs(total.pence) else 'too much'}."
            )


def get(book: Book, txn_id: int) -> TransactionDetail:
    with book.read() as s:
        row = _row(s, txn_id)
        parts = s.scalars(select(SplitRow).where(SplitRow.txn_id == txn_id).order_by(SplitRow.id)).all()
        return _detail(row, parts)


def add(book: Book, t: TransactionDetail) -> int:
    """Add a line typed in by hand (uncleared, or as given when an undo restores it)."""
    validate(t)
    with book.write() as s:
        account_id = t.account_id or s.scalars(select(AccountRow.id).order_by(AccountRow.id)).first()
        if account_id is None:
            raise BookError("This book has no account to record money in.")
        _check_pa(s, t)
        row = TransactionRow(id=t.id, account_id=account_id, state=t.state)
        _fill(row, t)
        row.statement_line_id, row.fingerprint = t.statement_line_id, t.fingerprint
        row.reconciliation_id = t.reconciliation_id
        s.add(row)
        s.flush()
        _write_splits(s, row.id, t.splits)
        relink(s, row.id, t.document_ids)
        settle_matching(s)
        return row.id


def update(book: Book, t: TransactionDetail) -> TransactionDetail:
    """Save changes to an existing line; returns what it was before (for undo)."""
    if t.id is None:
        raise BookError("That line has not been saved yet.")
    validate(t)
    with book.write() as s:
        row = _row(s, t.id)
        _refuse_locked(row)
        before = _detail(row, s.scalars(select(SplitRow).where(SplitRow.txn_id == row.id)).all())
        _check_pa(s, t)
        _fill(row, t)
        if t.account_id is not None:
            row.account_id = t.account_id
        if t.state in ("uncleared", "cleared"):
            row.state = t.state
        # Old parts go one by one through the session so the audit trail records each deletion.
        for part in s.scalars(select(SplitRow).where(SplitRow.txn_id == row.id)):
            s.delete(part)
        s.flush()
        _write_splits(s, row.id, t.splits)
        return before


def remove(book: Book, txn_id: int) -> TransactionDetail:
    """Delete a line; returns it whole so that undo can put it back with the same id."""
    with book.write() as s:
        row = _row(s, txn_id)
        _refuse_locked(row)
        before = _detail(row, s.scalars(select(SplitRow).where(SplitRow.txn_id == txn_id)).all())
        for part in s.scalars(select(SplitRow).where(SplitRow.txn_id == txn_id)):
            s.delete(part)
        # Its receipts stay in the book, no longer linked to it (undo links them again).
        before = replace(before, document_ids=forget_links_to(s, txn_id))
        s.delete(row)
        return before


def restore(book: Book, t: TransactionDetail) -> int:
    """Undo a delete: the line comes back with its id, state and statement ids."""
    return add(book, t)


def set_state(book: Book, txn_ids: list[int], state: str) -> None:
    """Mark lines cleared or not cleared (reconciled is set only by finishing a reconciliation)."""
    if state not in ("uncleared", "cleared"):
        raise BookError("A line can be marked cleared or not cleared; reconcile to lock it.")
    with book.write() as s:
        for row in s.scalars(select(TransactionRow).where(TransactionRow.id.in_(txn_ids))):
            _refuse_locked(row)
            row.state = state


def unlock(book: Book, txn_id: int, reason: str) -> None:
    """Unlock a reconciled line so it can be changed. The audit trail records who, when and why."""
    if not reason.strip():
        raise BookError("Say why this reconciled line needs changing; the reason is kept in the audit trail.")
    with book.write() as s:
        row = _row(s, txn_id)
        if row.state != "reconciled":
            raise BookError("That line is not locked.")
        audit.note(
            s,
            f"Unlocked reconciled transaction {row.id} ({long_date(row.date)}, "
            f"{Money(row.amount_pence)}) from reconciliation {row.reconciliation_id}: {reason.strip()}",
        )
        row.state = "cleared"
        row.reconciliation_id = None


def _row(s: Session, txn_id: int) -> TransactionRow:
    row = s.get(TransactionRow, txn_id)
    if row is None:
        raise BookError("That line is no longer in the book; it may have been deleted.")
    return row


def _refuse_locked(row: TransactionRow) -> None:
    if row.state == "reconciled":
        raise LockedError(
            f"The line of {long_date(row.date)} is reconciled and locked. Unlock it first: "
            "the unlock is recorded in the audit trail."
        )


def _check_pa(s: Session, t: TransactionDetail) -> None:
    ids = {t.pa_id, *(p.pa_id for p in t.splits)} - {None}
    for pa_id in ids:
        if s.get(PARow, pa_id) is None:
            raise BookError("That PA is not in the book.")


def _fill(row: TransactionRow, t: TransactionDetail) -> None:
    row.date = t.day
    row.payee = t.payee.strip()
    row.amount_pence = t.amount.pence
    row.category = SPLIT if t.splits else t.category.value
    row.reference = t.reference.strip()
    row.note = t.note
    row.pa_id = t.pa_id


def _write_splits(s: Session, txn_id: int, parts: tuple[SplitPart, ...]) -> None:
    for p in parts:
        s.add(
            SplitRow(
                txn_id=txn_id,
                category=p.category.value,
                amount_pence=p.amount.pence,
                pa_id=p.pa_id,
                note=p.note,
            )
        )
    s.flush()


def _detail(row: TransactionRow, parts: Sequence[SplitRow]) -> TransactionDetail:
    splits = tuple(SplitPart(Category(p.category), Money(p.amount_pence), p.pa_id, p.note) for p in parts)
    category = Category.UNCATEGORISED if row.category == SPLIT else Category(row.category)
    return TransactionDetail(
        day=row.date,
        payee=row.payee,
        amount=Money(row.amount_pence),
        category=category,
        reference=row.reference,
        note=row.note,
        pa_id=row.pa_id,
        account_id=row.account_id,
        splits=splits,
        id=row.id,
        state=row.state,
        statement_line_id=row.statement_line_id,
        fingerprint=row.fingerprint,
        reconciliation_id=row.reconciliation_id,
    )


def with_changes(t: TransactionDetail, **changes: object) -> TransactionDetail:
    """A copy with some fields changed (for the UI's undo commands)."""
    return replace(t, **changes)  # type: ignore[arg-type]
