"""The next return due, drafts and the returns history, templates kept in the book, pre-flight."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from pa_manager.services import book as books
from pa_manager.services import maintenance
from pa_manager.services.errors import BookError
from pa_manager.services.return_schedule import next_return
from pa_manager.services.returns import build_return
from pa_manager.services.returns_checks import Fix, preflight
from pa_manager.services.returns_history import draft_for, forget_sent, history, mark_sent, save_draft
from pa_manager.services.returns_templates import (
    all_templates,
    copy_template,
    delete_template,
    get_template,
    save_template,
)
from tests.conftest import PASSPHRASE
from tests.services.returns.books import attach_receipts, demo_book, random_book


def test_next_return_counts_from_the_funding_start_then_follows_the_history(book: books.Book) -> None:
    # The test book: quarterly returns, funding from 6 April 2026.
    first = next_return(book, today=date(2026, 5, 1))
    assert first is not None and (first.start, first.end, first.due) == (
        date(2026, 4, 6),
        date(2026, 7, 5),
        date(2026, 8, 2),
    )
    latest = next_return(book, today=date(2026, 11, 22))
    assert latest is not None and (latest.start, latest.end) == (date(2026, 7, 6), date(2026, 10, 5))
    f, _ = build_return(book, latest.start, latest.end)
    mark_sent(book, f, "generic", "pdf", sent_on=date(2026, 10, 20))
    after = next_return(book, today=date(2026, 11, 22))
    assert after is not None and (after.start, after.end) == (date(2026, 10, 6), date(2027, 1, 5))


def test_a_draft_keeps_the_explanation_and_sending_records_the_figures(book: books.Book) -> None:
    start, end = date(2026, 4, 6), date(2026, 7, 5)
    save_draft(book, start, end, "generic", "  Holiday pay owed to two PAs.  ", "Tom Smith", "son")
    save_draft(book, start, end, "generic", "Holiday pay owed.", "Tom Smith", "son")  # replaces, not adds
    d = draft_for(book, start, end)
    assert d is not None and d.explanation == "Holiday pay owed." and d.sent_on is None
    f, _ = build_return(book, start, end)
    assert (f.explanation, f.signed_by, f.capacity) == ("Holiday pay owed.", "Tom Smith", "son")
    rid = mark_sent(book, f, "generic", "pack", sent_on=date(2026, 7, 20))
    (sent,) = history(book)
    assert (sent.id, sent.sent_as, sent.closing, sent.money_in) == (rid, "pack", f.closing, f.total_in)
    assert maintenance.check_book(book).ok  # the new tables are covered by the audit trail
    forget_sent(book, rid)
    assert history(book) == []
    with pytest.raises(BookError, match="not a way of sending"):
        mark_sent(book, f, "generic", "fax")


def test_templates_copy_edit_and_delete(book: books.Book) -> None:
    mine = copy_template(book, "birmingham-quarterly-declaration", "Our council")
    assert mine.key == "our-council" and mine.based_on == "birmingham-quarterly-declaration"
    again = copy_template(book, "generic", "Our council")
    assert again.key == "our-council-2"
    from dataclasses import replace

    save_template(book, replace(mine, title="Quarterly return for Our Council"))
    assert get_template(book, "our-council").title == "Quarterly return for Our Council"
    assert get_template(book, "Our council").key == "our-council"  # by name too
    with pytest.raises(BookError, match="cannot be changed"):
        save_template(book, get_template(book, "generic"))
    delete_template(book, "our-council-2")
    assert "our-council-2" not in {t.key for t in all_templates(book)}
    with pytest.raises(BookError, match="Only your own copies"):
        delete_template(book, "generic")
    assert maintenance.check_book(book).ok


@pytest.fixture
def own_random(tmp_path: Path) -> Iterator[books.Book]:
    """A random book of the test's own: these tests change it."""
    b = books.open_book(random_book(tmp_path, seed=11), passphrase=PASSPHRASE)
    b.act_as_default()
    yield b
    b.close()


@pytest.fixture
def own_demo(tmp_path: Path) -> Iterator[books.Book]:
    b = books.open_book(demo_book(tmp_path), passphrase=PASSPHRASE)
    b.act_as_default()
    yield b
    b.close()


def test_preflight_lists_what_is_open_and_clears_as_it_is_fixed(own_random: books.Book) -> None:
    randombook = own_random
    start, end = date(2026, 4, 6), date(2026, 7, 5)
    tpl = get_template(randombook, "birmingham-quarterly-declaration")
    f, _ = build_return(randombook, start, end, tpl)
    items = preflight(randombook, f, tpl, today=date(2026, 11, 22))
    fixes = {i.fix for i in items}
    assert {Fix.RECONCILE, Fix.EVIDENCE, Fix.EXPLANATION} <= fixes
    evidence = next(i for i in items if i.fix is Fix.EVIDENCE)
    assert f"{evidence.count} payments have no receipt" in evidence.sentence
    assert all(i.fix.button for i in items)
    # Attaching receipts to more payments lowers the count; explaining the balance clears that item.
    attach_receipts(randombook, 10, start)
    save_draft(randombook, start, end, tpl.key, "Tax due to HMRC next month.", "Tom Smith", "son")
    f2, _ = build_return(randombook, start, end, tpl)
    items2 = preflight(randombook, f2, tpl, today=date(2026, 11, 22))
    after = next(i for i in items2 if i.fix is Fix.EVIDENCE)
    assert after.count < evidence.count
    assert Fix.EXPLANATION not in {i.fix for i in items2}


def test_preflight_reports_missing_council_payments_and_unsigned_timesheets(own_demo: books.Book) -> None:
    demo = own_demo
    from sqlalchemy import update

    from pa_manager.store.models import TimesheetRow, TransactionRow

    start, end = date(2026, 4, 6), date(2026, 7, 5)
    with demo.write() as s:
        # Make the demo's council payments in the period disappear and a timesheet go back to draft.
        s.execute(
            update(TransactionRow)
            .where(
                TransactionRow.category == "council_direct_payment", TransactionRow.date.between(start, end)
            )
            .values(category="other_funding")
        )
        s.execute(
            update(TimesheetRow).where(TimesheetRow.period_start.between(start, end)).values(status="draft")
        )
    tpl = get_template(demo)
    f, _ = build_return(demo, start, end, tpl)
    items = preflight(demo, f, tpl, today=date(2026, 11, 22))
    kinds = [i.fix for i in items]
    assert Fix.COUNCIL_PAYMENTS in kinds and Fix.TIMESHEETS in kinds
    assert any("has not arrived" in i.sentence for i in items if i.fix is Fix.COUNCIL_PAYMENTS)
    sheets = next(i for i in items if i.fix is Fix.TIMESHEETS)
    assert "not signed" in sheets.sentence and sheets.count > 1
