"""A bulk insert is one chained audit entry holding every row's digest, and `check` still names
the exact row changed, deleted or forged afterwards."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services import book as books
from pa_manager.services import transactions
from pa_manager.services.ledger import NewTransaction, record_transactions
from pa_manager.services.maintenance import check_book
from pa_manager.store.audit import BATCH_INSERT
from pa_manager.store.models import AuditEntry
from tests.conftest import PASSPHRASE
from tests.helpers import raw_sql


def _lines(n: int) -> list[NewTransaction]:
    return [
        NewTransaction(date(2026, 5, 1 + i), f"Shop {i}", Money(-100 * (i + 1)), Category.EQUIPMENT)
        for i in range(n)
    ]


@pytest.fixture
def batch(book: books.Book) -> list[int]:
    before = books.count_audit_entries(book)
    ids = record_transactions(book, _lines(5))
    assert books.count_audit_entries(book) == before + 1
    return ids


def _reopened_problems(book: books.Book) -> list[str]:
    path = book.path
    book.close()
    again = books.open_book(path, passphrase=PASSPHRASE)
    try:
        return check_book(again).problems
    finally:
        again.close()


def test_a_batch_is_one_entry_naming_its_rows_and_checks_clean(book: books.Book, batch: list[int]) -> None:
    assert check_book(book).ok, check_book(book).problems
    with book.read() as s:
        action, row_id, digests = s.execute(
            select(AuditEntry.action, AuditEntry.row_id, AuditEntry.row_digest)
            .order_by(AuditEntry.seq.desc())
            .limit(1)
        ).one()
    assert (action, row_id) == (BATCH_INSERT, f"{batch[0]}-{batch[-1]}")
    assert len(digests.split(" ")) == 5


def test_a_row_of_a_batch_edited_outside_the_app_is_named(book: books.Book, batch: list[int]) -> None:
    raw_sql(book.path, PASSPHRASE, f"UPDATE txn SET amount_pence = -1 WHERE id = {batch[2]}")
    assert _reopened_problems(book) == [f"txn {batch[2]} was changed outside PA Manager."]


def test_a_row_of_a_batch_deleted_outside_the_app_is_named(book: books.Book, batch: list[int]) -> None:
    raw_sql(book.path, PASSPHRASE, f"DELETE FROM txn WHERE id = {batch[4]}")
    assert _reopened_problems(book) == [f"txn {batch[4]} was deleted outside PA Manager."]


def test_a_later_edit_in_the_app_supersedes_the_batch_digest(book: books.Book, batch: list[int]) -> None:
    t = transactions.get(book, batch[1])
    transactions.update(book, transactions.with_changes(t, payee="Corner shop"))
    assert check_book(book).ok, check_book(book).problems


def test_a_forged_batch_entry_breaks_the_chain(book: books.Book, batch: list[int]) -> None:
    raw_sql(
        book.path,
        PASSPHRASE,
        "DROP TRIGGER audit_log_no_update",
        f"UPDATE audit_log SET row_id = '{batch[0]}-{batch[-1] + 1}' WHERE action = '{BATCH_INSERT}'",
    )
    problems = _reopened_problems(book)
    assert any("hash chain breaks" in p for p in problems)
    # The malformed entry vouches for no row, so its rows show as added outside the app too.
    assert f"txn {batch[0]} was added outside PA Manager (no audit entry)." in problems
