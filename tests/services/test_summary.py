from datetime import date
from decimal import Decimal

import pytest

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services import book as books
from pa_manager.services.errors import BookError
from pa_manager.services.ledger import NewTransaction, record_transaction, record_transactions
from pa_manager.services.summary import summarise


def _t(day: date, payee: str, pounds: str, category: Category) -> NewTransaction:
    return NewTransaction(day, payee, Money.parse(pounds), category)


def test_summary_balances_and_groups_by_category(book: books.Book) -> None:
    record_transactions(
        book,
        [
            _t(date(2026, 4, 10), "Anytown Council", "1800", Category.COUNCIL_DP),
            _t(date(2026, 4, 11), "Jo Bloggs", "-612.40", Category.PA_WAGES),
            _t(date(2026, 4, 18), "Jo Bloggs", "-612.40", Category.PA_WAGES),
            _t(date(2026, 5, 2), "Insurer", "-150", Category.INSURANCE),
            _t(date(2026, 5, 9), "Insurer", "20", Category.INSURANCE),  # a partial refund
            _t(date(2027, 5, 1), "Later", "-1", Category.OTHER_OUT),  # after the period
            _t(date(2026, 3, 31), "Earlier", "-10", Category.BANK_CHARGES),  # before the period
        ],
    )
    s = summarise(book, date(2026, 4, 6), date(2026, 6, 30))
    assert s.holder_name == "Jane Smith" and s.council_reference == "AC-55501"
    # opening 1,800 + 1,800 - 1,224.80 - 130 - 10 (earlier, but still in the balance)
    assert s.balance == Money.parse("2235.20")
    assert s.money_in == {Category.COUNCIL_DP: Money.parse("1800")}
    assert s.money_out == {Category.PA_WAGES: Money.parse("1224.80"), Category.INSURANCE: Money.parse("130")}
    assert s.total_out == Money.parse("1354.80")
    assert s.weeks_held == Decimal("5.0")


def test_summary_defaults_to_this_tax_year(book: books.Book) -> None:
    s = summarise(book)
    assert s.date_to == date.today()
    assert s.date_from <= s.date_to and s.date_from.month == 4 and s.date_from.day == 6


def test_summary_refuses_a_backwards_range(book: books.Book) -> None:
    with pytest.raises(BookError, match="start date"):
        summarise(book, date(2026, 6, 1), date(2026, 5, 1))


@pytest.mark.parametrize(
    ("payee", "amount", "message"), [("", "-1", "Say who"), ("x", "0", "cannot be £0.00")]
)
def test_recording_refuses_bad_transactions(book: books.Book, payee: str, amount: str, message: str) -> None:
    with pytest.raises(BookError, match=message):
        record_transaction(book, _t(date(2026, 5, 1), payee, amount, Category.EQUIPMENT))
