"""Contingency pots and committed money: what is held back from the balance.

Pots are ring-fenced amounts the user sets (with a reason the council will read). Commitments
are debts not yet paid (wages, HMRC, pension, invoices); a payment out of the same amount to the
same payee (or PA) near the due date settles one automatically, so it stops counting.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pa_manager.domain.money import Money
from pa_manager.domain.money_rules.pots import Commitment, CommitmentKind, Pot, PotKind
from pa_manager.importers import normalise_description
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.holiday_service import holiday_pay_owed
from pa_manager.services.redundancy_pot import redundancy_owed
from pa_manager.store.models import CommitmentRow, ContingencyPotRow, TransactionRow

# A payment up to two weeks before or four weeks after the due date can settle a commitment.
SETTLE_BEFORE = timedelta(days=14)
SETTLE_AFTER = timedelta(days=28)


def pots(book: Book) -> list[Pot]:
    with book.read() as s:
        return [
            Pot(PotKind(r.kind), r.name, Money(r.target_pence), r.reason, r.id)
            for r in s.scalars(select(ContingencyPotRow).order_by(ContingencyPotRow.id))
        ]


AUTOMATIC_HOLIDAY = "Holiday pay owed (from timesheets)"
AUTOMATIC_REDUNDANCY = "Statutory redundancy pay (worked out)"


def automatic_pots(book: Book, as_of: date | None = None) -> list[Pot]:
    """The pots the app keeps itself, when anything is owed: holiday the PAs have built up and not
    taken, and the statutory redundancy pay due if every job ended on `as_of`."""
    day = as_of or date.today()
    found = []
    holiday = holiday_pay_owed(book, day)
    if holiday.pence > 0:
        why = "Holiday the PAs have built up and not yet taken, worked out from their timesheets."
        found.append(Pot(PotKind.HOLIDAY_PAY, AUTOMATIC_HOLIDAY, holiday, why, automatic=True))
    redundancy = redundancy_owed(book, day)
    if redundancy.pence > 0:
        why = "What the law says PAs with two years' service would be owed if their jobs ended now."
        found.append(Pot(PotKind.REDUNDANCY, AUTOMATIC_REDUNDANCY, redundancy, why, automatic=True))
    return found


def automatic_total(book: Book, as_of: date | None = None) -> Money:
    return Money.total(p.target for p in automatic_pots(book, as_of))


def holiday_pot(book: Book, as_of: date | None = None) -> Pot | None:
    """The automatic holiday pay pot, if anything is owed."""
    return next((p for p in automatic_pots(book, as_of) if p.kind is PotKind.HOLIDAY_PAY), None)


def all_pots(book: Book, as_of: date | None = None) -> list[Pot]:
    """The pots typed in, then the automatic ones."""
    return [*pots(book), *automatic_pots(book, as_of)]


def save_pot(book: Book, pot: Pot) -> int:
    """Add a pot (id None) or change one; returns its id."""
    if pot.automatic:
        raise BookError(
            "This pot is worked out from the timesheets and PA records; it cannot be changed here."
        )
    with book.write() as s:
        row = ContingencyPotRow() if pot.id is None else s.get(ContingencyPotRow, pot.id)
        if row is None:
            raise BookError("That pot is no longer in the book.")
        row.kind, row.name, row.target_pence, row.reason = (
            pot.kind.value,
            pot.name.strip(),
            pot.target.pence,
            pot.reason.strip(),
        )
        s.add(row)
        s.flush()
        return row.id


def delete_pot(book: Book, pot_id: int) -> None:
    with book.write() as s:
        row = s.get(ContingencyPotRow, pot_id)
        if row is None:
            raise BookError("That pot is no longer in the book.")
        s.delete(row)


def contingency_total(s: Session) -> Money:
    return Money(int(s.scalar(select(func.coalesce(func.sum(ContingencyPotRow.target_pence), 0))) or 0))


def commitments(book: Book, *, include_settled: bool = False) -> list[Commitment]:
    with book.read() as s:
        query = select(CommitmentRow).order_by(CommitmentRow.due_date, CommitmentRow.id)
        if not include_settled:
            query = query.where(CommitmentRow.settled_txn_id.is_(None))
        return [_commitment(r) for r in s.scalars(query)]


def add_commitment(book: Book, c: Commitment) -> int:
    """Record money owed; if a matching payment is already in the book it is settled at once."""
    with book.write() as s:
        row = CommitmentRow(
            kind=c.kind.value,
            payee=c.payee.strip(),
            amount_pence=c.amount.pence,
            due_date=c.due,
            pa_id=c.pa_id,
            source=c.source,
            note=c.note,
        )
        s.add(row)
        s.flush()
        settle_matching(s)
        return row.id


def delete_commitment(book: Book, commitment_id: int) -> None:
    with book.write() as s:
        row = s.get(CommitmentRow, commitment_id)
        if row is None:
            raise BookError("That commitment is no longer in the book.")
        s.delete(row)


def committed_total(s: Session) -> Money:
    """What is owed and not yet settled."""
    query = select(func.coalesce(func.sum(CommitmentRow.amount_pence), 0)).where(
        CommitmentRow.settled_txn_id.is_(None)
    )
    return Money(int(s.scalar(query) or 0))


def settle_matching(s: Session) -> int:
    """Settle open commitments against payments out of the same amount to the same payee or PA.

    Called after statement lines or hand-entered lines are added; returns how many settled.
    """
    open_rows = s.scalars(select(CommitmentRow).where(CommitmentRow.settled_txn_id.is_(None))).all()
    if not open_rows:
        return 0
    used = set(
        s.scalars(select(CommitmentRow.settled_txn_id).where(CommitmentRow.settled_txn_id.is_not(None)))
    )
    # One query for every open commitment: payments out of any owed amount within the widest
    # window, read by the date index rather than one scan of the whole book per commitment.
    t = TransactionRow
    candidates = s.execute(
        select(t.id, t.date, t.payee, t.pa_id, t.amount_pence)
        .where(
            t.date >= min(c.due_date for c in open_rows) - SETTLE_BEFORE,
            t.date <= max(c.due_date for c in open_rows) + SETTLE_AFTER,
            t.amount_pence.in_({-c.amount_pence for c in open_rows}),
        )
        .order_by(t.date, t.id)
    ).all()
    settled = 0
    for c in sorted(open_rows, key=lambda r: (r.due_date, r.id)):
        wanted = normalise_description(c.payee)
        for txn_id, day, payee, pa_id, pence in candidates:
            if txn_id in used or pence != -c.amount_pence:
                continue
            if not c.due_date - SETTLE_BEFORE <= day <= c.due_date + SETTLE_AFTER:
                continue
            if (c.pa_id is not None and pa_id == c.pa_id) or _same_payee(wanted, payee):
                c.settled_txn_id = txn_id
                used.add(txn_id)
                settled += 1
                break
    s.flush()
    return settled


def _same_payee(wanted: str, payee: str) -> bool:
    got = normalise_description(payee)
    return bool(wanted) and (wanted in got or got in wanted)


def _commitment(r: CommitmentRow) -> Commitment:
    return Commitment(
        CommitmentKind(r.kind),
        r.payee,
        Money(r.amount_pence),
        r.due_date,
        r.pa_id,
        r.note,
        r.source,
        r.id,
        r.settled_txn_id,
    )
