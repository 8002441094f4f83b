from datetime import date
from pathlib import Path

import pytest

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services import book as books
from pa_manager.services.errors import BookError
from pa_manager.services.ledger import NewTransaction, record_transaction
from pa_manager.services.statements import apply_import, preview_file
from pa_manager.services.summary import summarise
from tests.conftest import PASSPHRASE, new_book_details

SAMPLES = Path(__file__).resolve().parents[1] / "importers" / "samples"


@pytest.fixture
def empty_book(tmp_path: Path) -> books.Book:
    details = new_book_details()
    details = books.NewBook(details.holder, details.funding, "Tom Smith", "son", Money(0))
    created = books.create_book(tmp_path / "empty", PASSPHRASE, details)
    b = books.open_book(created.path, passphrase=PASSPHRASE)
    b.act_as_default()
    return b


def test_overlapping_statements_add_nothing_twice_and_balance_matches(empty_book: books.Book) -> None:
    first = apply_import(empty_book, preview_file(empty_book, SAMPLES / "overlap_first.csv"))
    assert (first.added, first.duplicates) == (5, 0)  # both identical bus fares stand
    second_preview = preview_file(empty_book, SAMPLES / "overlap_second.csv")
    assert [p.duplicate for p in second_preview.lines] == [True, True, True, False, False]
    second = apply_import(empty_book, second_preview)
    assert (second.added, second.duplicates) == (2, 3)
    again = apply_import(empty_book, preview_file(empty_book, SAMPLES / "overlap_second.csv"))
    assert again.added == 0
    s = summarise(empty_book, date(2026, 1, 1), date(2026, 2, 28))
    assert second.closing_balance == s.balance == Money.parse("1541.00")
    empty_book.close()


def test_new_lines_take_the_payees_last_category(empty_book: books.Book) -> None:
    record_transaction(
        empty_book, NewTransaction(date(2025, 12, 1), "pa wages r singh", Money(-100), Category.PA_WAGES)
    )
    preview = preview_file(empty_book, SAMPLES / "overlap_first.csv")
    categories = {p.line.description: p.category for p in preview.lines}
    assert categories["PA WAGES R SINGH"] is Category.PA_WAGES
    assert categories["BUS FARES"] is Category.UNCATEGORISED
    empty_book.close()


def test_bad_statement_gives_a_plain_error_and_adds_nothing(empty_book: books.Book, tmp_path: Path) -> None:
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(BookError):
        preview_file(empty_book, junk)
    with pytest.raises(BookError, match="no account called"):
        preview_file(empty_book, SAMPLES / "overlap_first.csv", account="Savings")
    assert summarise(empty_book, date(2026, 1, 1), date(2026, 2, 28)).total_in == Money(0)
    empty_book.close()
