"""Reconciling to a statement: only at £0.00 difference, and the ticked lines are locked."""

from datetime import date

import pytest

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services import reconcile, transactions
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.transactions import TransactionDetail


def add(book: Book, day: date, pounds: str, payee: str = "Shop", state: str = "uncleared") -> int:
    txn_id = transactions.add(book, TransactionDetail(day, payee, Money.parse(pounds), Category.EQUIPMENT))
    if state == "cleared":
        transactions.set_state(book, [txn_id], "cleared")
    return txn_id


def test_difference_must_reach_zero_then_ticked_lines_lock(book: Book) -> None:
    a = add(book, date(2026, 5, 2), "-10.00", state="cleared")
    b = add(book, date(2026, 5, 3), "-5.50")
    late = add(book, date(2026, 6, 3), "-1.00")
    start = reconcile.start(book, statement_date=date(2026, 5, 31))
    assert start.reconciled_balance == Money.parse("1800.00")  # the opening balance
    assert [c.id for c in start.candidates] == [a, b]  # the June line is after the statement
    assert [c.cleared for c in start.candidates] == [True, False]
    closing = Money.parse("1784.50")
    assert start.difference(closing, {a}) == Money.parse("-5.50")
    with pytest.raises(BookError, match=r"difference is -£5\.50"):
        reconcile.finish(book, start.account_id, date(2026, 5, 31), closing, {a})
    assert not transactions.get(book, a).locked  # nothing changed
    assert start.difference(closing, {a, b}) == Money(0)
    rec_id = reconcile.finish(book, start.account_id, date(2026, 5, 31), closing, {a, b})
    assert transactions.get(book, a).locked and transactions.get(book, b).locked
    assert not transactions.get(book, late).locked
    again = reconcile.start(book, statement_date=date(2026, 6, 30))
    assert again.reconciled_balance == closing and again.last_closing_balance == closing
    assert [c.id for c in again.candidates] == [late]
    assert reconcile.history(book)[0].id == rec_id and reconcile.history(book)[0].item_count == 2


def test_lines_after_the_statement_date_cannot_be_ticked(book: Book) -> None:
    late = add(book, date(2026, 6, 3), "-1.00")
    with pytest.raises(BookError, match="dated after"):
        reconcile.finish(book, 1, date(2026, 5, 31), Money.parse("1799.00"), {late})


def test_nothing_ticked_or_a_future_statement_is_refused(book: Book) -> None:
    with pytest.raises(BookError, match="Tick the lines"):
        reconcile.finish(book, 1, date(2026, 5, 31), Money.parse("1800.00"), set())
    with pytest.raises(BookError, match="future"):
        reconcile.finish(book, 1, date(2999, 1, 1), Money.parse("1800.00"), {1})
