"""The Money page by keyboard: quick entry, a refused amount, editing with splits, delete and
undo, and a locked line that needs an audited unlock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services import reconcile, register, transactions
from pa_manager.store.models import AuditEntry
from pa_manager.ui.pages.money.money_page import MoneyPage
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from tests.ui.money.conftest import on_worker, reload


def _focus(qtbot: QtBot, page: MoneyPage) -> None:
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=5_000)
    qtbot.waitUntil(page.isActiveWindow, timeout=5_000)


def _type(qtbot: QtBot, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def _close_suggestions(qtbot: QtBot, page: MoneyPage) -> None:
    """Close the payee suggestions (offscreen, a hidden popup keeps the activation: take it back)."""
    page.entry.completer.popup().hide()
    _focus(qtbot, page)


def _key(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def _count(qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook) -> int:
    return len(on_worker(qtbot, tasks, lambda: register.load_register(opened.book).rows))


def _select(qtbot: QtBot, page: MoneyPage, txn_id: int) -> None:
    page.select_line(txn_id)
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus, timeout=5_000)


def test_quick_entry_by_keyboard_adds_lines_one_after_another(
    qtbot: QtBot, page: MoneyPage, tasks: TaskRunner, opened: OpenedBook
) -> None:
    _focus(qtbot, page)
    page.table.setFocus()
    _key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.entry.payee.hasFocus()
    _type(qtbot, "Carers Shop")
    _close_suggestions(qtbot, page)
    _key(qtbot, Qt.Key.Key_Tab)  # past "In or out" (money out) to the amount
    _key(qtbot, Qt.Key.Key_Tab)
    assert page.entry.amount.hasFocus()
    # The category came from the last line with this payee.
    assert page.entry.category.currentData() is Category.EQUIPMENT
    _type(qtbot, "£1,234.5")
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        _key(qtbot, Qt.Key.Key_Return)
    assert page.entry.payee.hasFocus() and page.entry.payee.text() == ""
    added = [r for r in page.model.rows() if r.amount == -123_450]
    assert len(added) == 1 and added[0].categories == (Category.EQUIPMENT,)
    assert page.selected_ids() == [added[0].id]

    # The next line, money in, straight away.
    _type(qtbot, "Refund from council")
    _close_suggestions(qtbot, page)
    _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_I)  # "Money in (received)"
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "12")
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        _key(qtbot, Qt.Key.Key_Enter)
    assert any(r.payee == "Refund from council" and r.amount == 1_200 for r in page.model.rows())
    assert _count(qtbot, tasks, opened) == 7
    assert "Add line" in page.entry.add_button.text()


def test_bad_amount_is_refused_beside_the_field_and_nothing_is_saved(
    qtbot: QtBot, page: MoneyPage, tasks: TaskRunner, opened: OpenedBook
) -> None:
    _focus(qtbot, page)
    page.new_line()
    _type(qtbot, "Corner Shop")
    _close_suggestions(qtbot, page)
    page.entry.amount.setFocus()
    _type(qtbot, "twelve pounds")
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(tasks.is_idle)
    message = page.entry.amount_field.message
    assert message.isVisible() and "is not an amount of money" in message.message
    assert "Problem" in page.entry.amount.accessibleDescription()
    assert page.entry.amount.hasFocus()
    assert _count(qtbot, tasks, opened) == 5
    assert page.model.rowCount() == 5


def test_edit_with_splits_shows_what_is_left_and_saves(
    qtbot: QtBot, page: MoneyPage, tasks: TaskRunner, opened: OpenedBook, seeded: dict[str, int]
) -> None:
    _focus(qtbot, page)
    _select(qtbot, page, seeded["Carers Shop"])
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=30_000)
    dialog = page.dialog
    assert dialog is not None
    assert dialog.payee.text() == "Carers Shop" and dialog.amount.text() == "£23.99"
    dialog.split_box.setChecked(True)
    first_combo, first_amount, _ = dialog.splits._rows[0]
    second_combo, second_amount, _ = dialog.splits._rows[1]
    assert first_combo.currentData() is Category.EQUIPMENT
    first_amount.setText("20")
    assert dialog.splits.left_text() == "Left to share out: £3.99"
    second_combo.setCurrentIndex(second_combo.findData(Category.PA_EXPENSES))
    second_amount.setText("3")
    dialog.save_button.click()
    assert dialog.isVisible(), "a split that does not add up is not saved"
    assert "still to share out" in dialog.problem.message
    second_amount.setText("3.99")
    assert dialog.splits.left_text().startswith("Left to share out: £0.00")
    dialog.state.setCurrentIndex(dialog.state.findData("cleared"))
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        dialog.save_button.click()
    saved = on_worker(qtbot, tasks, lambda: transactions.get(opened.book, seeded["Carers Shop"]))
    assert [(p.category, p.amount) for p in saved.splits] == [
        (Category.EQUIPMENT, Money(-2000)),
        (Category.PA_EXPENSES, Money(-399)),
    ]
    assert saved.state == "cleared"
    row = page.model.row_at(page.model.row_of(seeded["Carers Shop"]) or 0)
    assert row.category_label.startswith("Split:")
    assert page.selected_ids() == [seeded["Carers Shop"]]
    # Undo puts the one category back.
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.undo_action.trigger()
    before = on_worker(qtbot, tasks, lambda: transactions.get(opened.book, seeded["Carers Shop"]))
    assert before.splits == () and before.category is Category.EQUIPMENT and before.state == "uncleared"


def test_delete_then_undo_restores_the_same_line(
    qtbot: QtBot, page: MoneyPage, tasks: TaskRunner, opened: OpenedBook, seeded: dict[str, int]
) -> None:
    asked: list[str] = []
    page.confirm = lambda what: asked.append(what) or True  # type: ignore[func-returns-value]
    _focus(qtbot, page)
    hmrc = seeded["HMRC"]
    _select(qtbot, page, hmrc)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        _key(qtbot, Qt.Key.Key_Delete)
    assert asked and asked[0].startswith("£96.20 to HMRC on ")
    assert page.model.row_of(hmrc) is None
    assert "Ctrl+Z" in page.notice.text()
    page.table.setFocus()
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        _key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.row_of(hmrc) is not None
    back = on_worker(qtbot, tasks, lambda: transactions.get(opened.book, hmrc))
    assert back.id == hmrc and back.reference == "PAYE Q1" and back.amount == Money(-9620)
    assert page.selected_ids() == [hmrc]
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        _key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.model.row_of(hmrc) is None


def test_space_marks_cleared_and_undo_unmarks(qtbot: QtBot, page: MoneyPage, seeded: dict[str, int]) -> None:
    _focus(qtbot, page)
    _select(qtbot, page, seeded["HMRC"])
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        _key(qtbot, Qt.Key.Key_Space)
    row = page.model.row_of(seeded["HMRC"])
    assert row is not None and page.model.row_at(row).state == "cleared"
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.undo_button.click()
    row = page.model.row_of(seeded["HMRC"])
    assert row is not None and page.model.row_at(row).state == "uncleared"


def test_locked_line_refuses_edits_until_unlocked_and_the_unlock_is_audited(
    qtbot: QtBot,
    page: MoneyPage,
    tasks: TaskRunner,
    opened: OpenedBook,
    seeded: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    book, wages = opened.book, seeded["Maya Taylor"]

    def lock() -> None:
        begin = reconcile.start(book)
        closing = begin.reconciled_balance + Money(-41250)
        reconcile.finish(book, begin.account_id, begin.candidates[-1].day, closing, {wages})

    on_worker(qtbot, tasks, lock)
    reload(qtbot, page, page.refresh)
    _focus(qtbot, page)
    _select(qtbot, page, wages)
    assert page.model.row_at(page.model.row_of(wages) or 0).locked
    # Delete is refused with a reason.
    page.confirm = lambda what: pytest.fail("a locked line must not ask to be deleted")  # type: ignore[assignment]
    _key(qtbot, Qt.Key.Key_Delete)
    assert "locked" in page.notice.text()
    # The dialog opens read-only.
    _key(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=30_000)
    dialog = page.dialog
    assert dialog is not None
    assert dialog.payee.isReadOnly() and not dialog.save_button.isVisible()
    assert dialog.unlock_button.isVisible() and dialog.state.currentText() == "Reconciled (locked)"
    with pytest.raises(transactions.LockedError):
        on_worker_raising(qtbot, tasks, lambda: transactions.update(book, transactions.get(book, wages)))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Wrong PA was paid", True))
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        dialog.unlock_button.click()
    assert not dialog.payee.isReadOnly() and dialog.save_button.isVisible()
    dialog.reference.setText("Week 12")
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        dialog.save_button.click()
    assert on_worker(qtbot, tasks, lambda: transactions.get(book, wages)).reference == "Week 12"

    def notes() -> list[str]:
        with book.read() as s:
            return list(s.scalars(select(AuditEntry.summary).where(AuditEntry.action == "note")))

    unlocks = [n for n in on_worker(qtbot, tasks, notes) if n.startswith("Unlocked reconciled")]
    assert len(unlocks) == 1 and unlocks[0].endswith("Wrong PA was paid")


def on_worker_raising(qtbot: QtBot, tasks: TaskRunner, fn: object) -> None:
    """Run on the worker and re-raise what it raised (here: the service refusing a locked line)."""
    errors: list[BaseException] = []

    def work() -> None:
        try:
            fn()  # type: ignore[operator]
        except BaseException as exc:
            errors.append(exc)

    on_worker(qtbot, tasks, work)
    if errors:
        raise errors[0]
