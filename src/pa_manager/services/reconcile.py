"""Reconciling an account against a bank statement: tick lines until the difference is £0.00.

The reconciled balance is the account's opening balance plus every line already reconciled.
A statement's closing balance minus that, minus the lines ticked now, is the difference; only
at £0.00 can the reconciliation finish, and then the ticked lines are locked (state
"reconciled") under a reconciliation record. See transactions.unlock for changing one later.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select

from pa_manager.domain.money import Money
from pa_manager.domain.people import long_date
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.store.models import AccountRow, ReconciliationRow, TransactionRow


@dataclass(frozen=True, slots=True)
class Candidate:
    """A line that can be ticked: not yet reconciled, dated on or before the statement."""

    id: int
    day: date
    payee: str
    amount: Money
    cleared: bool  # cleared lines (imported from a statement) start ticked


@dataclass(frozen=True, slots=True)
class ReconcileStart:
    """What the reconcile dialog needs to begin."""

    account_id: int
    account_name: str
    reconciled_balance: Money  # opening balance + everything reconciled before
    last_statement_date: date | None
    last_closing_balance: Money | None
    candidates: list[Candidate]

    def difference(self, closing: Money, ticked: set[int]) -> Money:
        """Statement closing balance − (reconciled balance + ticked lines): finish at £0.00."""
        ticked_total = Money.total(c.amount for c in self.candidates if c.id in ticked)
        return closing - self.reconciled_balance - ticked_total


@dataclass(frozen=True, slots=True)
class ReconciliationInfo:
    """A finished reconciliation, for history and the summary."""

    id: int
    account_id: int
    statement_date: date
    closing_balance: Money
    finished_at: str
    item_count: int


def start(book: Book, account_id: int | None = None, statement_date: date | None = None) -> ReconcileStart:
    """The lines that can be ticked for a statement ending on `statement_date` (default: today)."""
    statement_date = statement_date or date.today()
    with book.read() as s:
        account = (
            s.get(AccountRow, account_id)
            if account_id is not None
            else s.scalars(select(AccountRow).order_by(AccountRow.id)).first()
        )
        if account is None:
            raise BookError("This book has no such account.")
        t = TransactionRow
        reconciled = s.scalar(
            select(func.coalesce(func.sum(t.amount_pence), 0)).where(
                t.account_id == account.id, t.state == "reconciled"
            )
        )
        last = s.scalars(
            select(ReconciliationRow)
            .where(ReconciliationRow.account_id == account.id)
            .order_by(ReconciliationRow.statement_date.desc(), ReconciliationRow.id.desc())
        ).first()
        lines = s.execute(
            select(t.id, t.date, t.payee, t.amount_pence, t.state)
            .where(t.account_id == account.id, t.state != "reconciled", t.date <= statement_date)
            .order_by(t.date, t.id)
        ).all()
    return ReconcileStart(
        account.id,
        account.name,
        Money(account.opening_balance_pence + int(reconciled or 0)),
        last.statement_date if last else None,
        Money(last.closing_balance_pence) if last else None,
        [Candidate(i, d, p, Money(a), st == "cleared") for i, d, p, a, st in lines],
    )


def finish(
    book: Book, account_id: int, statement_date: date, closing: Money, ticked: set[int] | list[int]
) -> int:
    """Lock the ticked lines under a new reconciliation; refused unless the difference is £0.00."""
    chosen = set(ticked)
    if not chosen:
        raise BookError("Tick the lines that appear on the statement first.")
    if statement_date > date.today():
        raise BookError("The statement date cannot be in the future.")
    # Read first, in its own session: a read session inside the write session would share the
    # thread's one connection and end the write's transaction early.
    begin = start(book, account_id, statement_date)
    known = {c.id for c in begin.candidates}
    if not chosen <= known:
        raise BookError(
            f"Some ticked lines are dated after {long_date(statement_date)} or already reconciled; "
            "start the reconciliation again."
        )
    difference = begin.difference(closing, chosen)
    if difference:
        raise BookError(
            f"The difference is {difference}, not £0.00: tick or untick lines, or check the "
            "closing balance, until it is £0.00."
        )
    rec = ReconciliationRow(
        account_id=account_id,
        statement_date=statement_date,
        closing_balance_pence=closing.pence,
        finished_at=datetime.now(UTC).isoformat(timespec="seconds"),
        item_count=len(chosen),
    )
    with book.write() as s:
        s.add(rec)
        s.flush()
        for row in s.scalars(select(TransactionRow).where(TransactionRow.id.in_(chosen))):
            row.state = "reconciled"
            row.reconciliation_id = rec.id
        return rec.id


def history(book: Book, account_id: int | None = None) -> list[ReconciliationInfo]:
    """Finished reconciliations, newest first."""
    with book.read() as s:
        query = select(ReconciliationRow).order_by(
            ReconciliationRow.statement_date.desc(), ReconciliationRow.id.desc()
        )
        if account_id is not None:
            query = query.where(ReconciliationRow.account_id == account_id)
        return [
            ReconciliationInfo(
                r.id,
                r.account_id,
                r.statement_date,
                Money(r.closing_balance_pence),
                r.finished_at,
                r.item_count,
            )
            for r in s.scalars(query)
        ]


def unreconciled_since(book: Book, account_id: int | None = None) -> date | None:
    """The oldest line not yet reconciled (for the Home page's to-do list), or None."""
    with book.read() as s:
        query = select(func.min(TransactionRow.date)).where(TransactionRow.state != "reconciled")
        # Naming the account(s) lets SQLite answer from the account-date-amount-state index.
        if account_id is not None:
            query = query.where(TransactionRow.account_id == account_id)
        else:
            query = query.where(TransactionRow.account_id.in_(select(AccountRow.id)))
        return s.scalar(query)
