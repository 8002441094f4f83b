from datetime import date
from decimal import Decimal

import pytest

from pa_manager.domain.people import EmploymentType, NINumber
from pa_manager.services import book as books
from pa_manager.services import people
from pa_manager.services.errors import BookError
from pa_manager.services.maintenance import check_book
from pa_manager.store.models import PARow
from tests.services.people_helpers import add, make, regular


def test_a_pa_round_trips_through_the_book(book: books.Book) -> None:
    pa = regular(name="Ava Stone")
    pa_id = people.add_pa(book, pa, people.PaExtras(tax_code="1257l", pension_status="enrolled"))
    record = people.get_pa(book, pa_id)
    assert record.pa == pa
    assert record.extras.tax_code == "1257L"
    assert record.finished
    rows = people.list_pas(book)
    assert [(r.name, r.employment, r.hours) for r in rows] == [("Ava Stone", "Employee", "20 hours a week")]
    assert check_book(book).ok


def test_an_unfinished_row_is_listed_not_refused(book: books.Book) -> None:
    with book.write() as s:
        s.add(PARow(name="Old Row", start_date=date(2024, 1, 1)))
    [row] = people.list_pas(book)
    assert not row.finished and row.hours == ""
    assert people.get_pa(book, row.id).pa is None
    with pytest.raises(BookError, match="Finish Old Row's record"):
        people.require_pa(book, row.id)


def test_duplicates_are_refused(book: books.Book) -> None:
    add(book)
    with pytest.raises(BookError, match="already a PA called sam lee"):
        add(book, name="sam lee", ni_number=None)
    with pytest.raises(BookError, match="already has the National Insurance number AB 12 34 56 C"):
        add(book, name="Other Person")


def test_bad_tax_code_is_refused_and_nothing_saved(book: books.Book) -> None:
    with pytest.raises(BookError, match="tax code"):
        people.add_pa(book, make(), people.PaExtras(tax_code="banana"))
    assert people.list_pas(book) == []


def test_update_and_leaving_date(book: books.Book) -> None:
    pa_id = add(book)
    people.update_pa(
        book, pa_id, make(employment_type=EmploymentType.SELF_EMPLOYED, utr="1234567890", ni_number=None)
    )
    assert people.get_pa(book, pa_id).pa.utr == "1234567890"  # type: ignore[union-attr]
    people.set_leave_date(book, pa_id, date(2026, 3, 31))
    assert people.get_pa(book, pa_id).leave_date == date(2026, 3, 31)
    assert [r.name for r in people.list_pas(book, include_left=False, as_of=date(2026, 4, 1))] == []
    with pytest.raises(BookError, match="on or after their start date"):
        people.set_leave_date(book, pa_id, date(2020, 1, 1))


def test_find_by_name(book: books.Book) -> None:
    a = add(book, name="Sam Lee")
    b = add(book, name="Sam Leeson", ni_number=NINumber.parse("AB123457C"))
    assert people.find_pa(book, "sam lee") == a
    assert people.find_pa(book, "Sam Lees") == b
    with pytest.raises(BookError, match="could be any of"):
        people.find_pa(book, "Sam")
    with pytest.raises(BookError, match="no PA called"):
        people.find_pa(book, "Nobody")


def test_decimal_hours_are_kept_exactly(book: books.Book) -> None:
    pa_id = people.add_pa(book, regular(weekly_hours=Decimal("22.5"), days_per_week=Decimal("4.5")))
    pa = people.require_pa(book, pa_id)
    assert (pa.weekly_hours, pa.days_per_week) == (Decimal("22.5"), Decimal("4.5"))
