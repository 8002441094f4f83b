"""The reconciliation dialog: ticking to £0.00 enables Finish, and finishing locks the lines."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pa_manager.services import reconcile, statements
from pa_manager.services.book import Book
from pa_manager.ui.pages.money.dialogs.reconcile_dialog import TICK, ReconcileDialog
from pa_manager.ui.tasks import TaskRunner

from .money_dialog_helpers import lines, settle, show

SAMPLES = Path(__file__).resolve().parents[3] / "importers" / "samples"


def import_lloyds(book: Book) -> None:
    """Four cleared lines: +£1,200.00, -£150.00, -£150.00, -£42.60 (opening balance £1,800.00)."""
    statements.apply_import(book, statements.preview_file(book, SAMPLES / "lloyds.csv"))


def test_ticking_to_zero_enables_finish_and_locks_the_lines(
    qtbot: QtBot, tasks: TaskRunner, book: Book
) -> None:
    import_lloyds(book)
    dialog = ReconcileDialog(book, tasks)
    show(qtbot, tasks, dialog)
    assert dialog.table.rowCount() == 4
    assert len(dialog.ticked()) == 4, "imported (cleared) lines start ticked"
    assert "not been reconciled before" in dialog.last.text()
    assert not dialog.finish_button.isEnabled()
    dialog.statement_date.setText("31/01/2026")
    dialog.statement_date.editingFinished.emit()
    settle(qtbot, tasks)
    dialog.closing.setText("£2,657.40")
    assert dialog.difference.text() == "Difference £0.00 — ready to finish"
    assert dialog.finish_button.isEnabled()

    dialog.activateWindow()
    dialog.table.setFocus()
    dialog.table.selectRow(1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.table.item(1, TICK).checkState() == Qt.CheckState.Unchecked
    assert dialog.difference.text() == "Difference -£150.00 still to find"
    assert not dialog.finish_button.isEnabled()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.difference.text() == "Difference £0.00 — ready to finish"

    changes: list[str] = []
    dialog.book_changed.connect(changes.append)
    dialog.finish_button.click()
    settle(qtbot, tasks)
    assert dialog.locked_count == 4
    assert changes == ["Reconciled to £2,657.40 on 31 January 2026: 4 lines are now locked."]
    assert "4 lines are now locked" in dialog.working.text()
    assert {state for *_rest, state in lines(book)} == {"reconciled"}
    assert [h.item_count for h in reconcile.history(book)] == [4]

    again = ReconcileDialog(book, tasks)
    show(qtbot, tasks, again)
    assert again.last.text() == "Last reconciled to £2,657.40 on 31 January 2026."
    assert again.table.rowCount() == 0


def test_finish_stays_off_until_the_difference_is_zero(qtbot: QtBot, tasks: TaskRunner, book: Book) -> None:
    import_lloyds(book)
    dialog = ReconcileDialog(book, tasks)
    show(qtbot, tasks, dialog)
    dialog.closing.setText("2600")
    assert dialog.difference.text() == "Difference -£57.40 still to find"
    assert not dialog.finish_button.isEnabled()
    dialog.finish()
    settle(qtbot, tasks)
    assert reconcile.history(book) == []
    dialog.closing.setText("lots")
    assert "type the closing balance" in dialog.difference.text()
    assert not dialog.finish_button.isEnabled()
