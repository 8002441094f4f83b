"""Adding, editing, splitting, deleting and undoing lines; locked lines need an audited unlock."""

from datetime import date

import pytest
from sqlalchemy import select

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services import reconcile, transactions
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.maintenance import check_book
from pa_manager.services.register import load_register
from pa_manager.services.summary import summarise
from pa_manager.services.transactions import LockedError, SplitPart, TransactionDetail
from pa_manager.store.models import AuditEntry

D = date(2026, 5, 1)


def line(**changes: object) -> TransactionDetail:
    base = TransactionDetail(D, "Argos", Money.parse("-60.00"), Category.EQUIPMENT, reference="Chair")
    return transactions.with_changes(base, **changes)


def test_add_edit_delete_and_undo_restore_the_same_line(book: Book) -> None:
    txn_id = transactions.add(book, line())
    before = transactions.update(
        book, transactions.with_changes(transactions.get(book, txn_id), payee="Argos Ltd")
    )
    assert before.payee == "Argos" and transactions.get(book, txn_id).payee == "Argos Ltd"
    gone = transactions.remove(book, txn_id)
    assert [r.id for r in load_register(book).rows] == []
    assert transactions.restore(book, gone) == txn_id
    assert transactions.get(book, txn_id).payee == "Argos Ltd"


def test_split_counts_under_each_category_in_the_summary(book: Book) -> None:
    parts = (
        SplitPart(Category.EQUIPMENT, Money.parse("-40.00")),
        SplitPart(Category.PA_EXPENSES, Money.parse("-20.00")),
    )
    txn_id = transactions.add(book, line(splits=parts))
    row = load_register(book).rows[0]
    assert (
        row.id == txn_id and row.split and set(row.categories) == {Category.EQUIPMENT, Category.PA_EXPENSES}
    )
    s = summarise(book, date(2026, 4, 6), date(2026, 6, 1))
    assert s.money_out[Category.EQUIPMENT] == Money.parse("40.00")
    assert s.money_out[Category.PA_EXPENSES] == Money.parse("20.00")
    assert transactions.get(book, txn_id).splits == parts


def test_changing_a_split_keeps_the_audit_trail_whole(book: Book) -> None:
    # The old parts are deleted through the audited session, so `check` finds nothing changed
    # behind the app's back after a split is edited or undone.
    parts = (
        SplitPart(Category.EQUIPMENT, Money.parse("-40.00")),
        SplitPart(Category.PA_EXPENSES, Money.parse("-20.00")),
    )
    txn_id = transactions.add(book, line(splits=parts))
    again = (
        SplitPart(Category.EQUIPMENT, Money.parse("-10.00")),
        SplitPart(Category.PA_EXPENSES, Money.parse("-50.00")),
    )
    transactions.update(book, transactions.with_changes(transactions.get(book, txn_id), splits=again))
    assert transactions.get(book, txn_id).splits == again
    transactions.update(book, transactions.with_changes(transactions.get(book, txn_id), splits=()))
    assert transactions.get(book, txn_id).splits == ()
    assert check_book(book).problems == []


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ((SplitPart(Category.EQUIPMENT, Money.parse("-60.00")),), "at least two parts"),
        (
            (
                SplitPart(Category.EQUIPMENT, Money.parse("-40.00")),
                SplitPart(Category.TRAINING, Money.parse("-10")),
            ),
            "£10.00 still to share out",
        ),
        (
            (SplitPart(Category.EQUIPMENT, Money.parse("-40.00")), SplitPart(Category.TRAINING, Money(0))),
            "needs an amount",
        ),
    ],
)
def test_bad_splits_are_refused_and_nothing_is_saved(
    book: Book, parts: tuple[SplitPart, ...], message: str
) -> None:
    with pytest.raises(BookError, match=message):
        transactions.add(book, line(splits=parts))
    assert load_register(book).rows == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"payee": "  "}, "Say who"), ({"amount": Money(0)}, "£0.00"), ({"payee": "x" * 201}, "too long")],
)
def test_bad_lines_are_refused(book: Book, changes: dict[str, object], message: str) -> None:
    with pytest.raises(BookError, match=message):
        transactions.add(book, line(**changes))
    assert load_register(book).rows == []


def test_reconciled_line_is_locked_until_an_unlock_recorded_in_the_audit_trail(book: Book) -> None:
    txn_id = transactions.add(book, line())
    start = reconcile.start(book, statement_date=date(2026, 5, 31))
    closing = start.reconciled_balance + Money.parse("-60.00")
    reconcile.finish(book, start.account_id, date(2026, 5, 31), closing, {txn_id})
    assert transactions.get(book, txn_id).locked
    with pytest.raises(LockedError, match="Unlock it first"):
        transactions.update(book, line(id=txn_id, payee="Changed"))
    with pytest.raises(LockedError):
        transactions.remove(book, txn_id)
    with pytest.raises(LockedError):
        transactions.set_state(book, [txn_id], "uncleared")
    with pytest.raises(BookError, match="Say why"):
        transactions.unlock(book, txn_id, " ")
    transactions.unlock(book, txn_id, "Wrong category")
    transactions.update(book, line(id=txn_id, payee="Changed"))
    assert transactions.get(book, txn_id).payee == "Changed"
    with book.read() as s:
        notes = s.scalars(select(AuditEntry.summary).where(AuditEntry.action == "note")).all()
    assert any(f"Unlocked reconciled transaction {txn_id}" in n and "Wrong category" in n for n in notes)


def test_undo_of_a_delete_keeps_the_book_sound(book: Book) -> None:
    txn_id = transactions.add(book, line())
    transactions.restore(book, transactions.remove(book, txn_id))
    report = check_book(book)
    assert report.problems == []
