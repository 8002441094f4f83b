"""Names for every input of the People windows, including those inside scroll areas (which the
shared walk in tests/ui/test_accessibility.py passes over as Qt's own) and a grid cell's editor."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from pa_manager.services import people
from pa_manager.ui.pages.people.pa_dialog import PaDialog
from pa_manager.ui.pages.people.timesheet_dialog import TimesheetDialog
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from tests.ui import helpers
from tests.ui.people.conftest import on_worker, press


def unnamed(root: QWidget) -> list[str]:
    buddies = {helpers.key(label.buddy()) for label in root.window().findChildren(QLabel) if label.buddy()}
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, helpers.INPUT_TYPES) or widget.objectName().startswith("qt_"):
            continue
        parent = widget.parentWidget()
        if isinstance(parent, (QAbstractSpinBox, QComboBox)) or type(widget).__name__ == "QScrollBar":
            continue
        if _in_combo(widget):
            continue  # a closed list's pop-up
        if widget.accessibleName().strip() or helpers.key(widget) in buddies:
            continue
        text = getattr(widget, "text", lambda: "")()
        if isinstance(text, str) and text.replace("&", "").strip():
            continue
        found.append(helpers.describe_widget(widget))
    return found


def _in_combo(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def test_pa_record_and_timesheet_inputs_are_all_named(
    qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook, pa_id: int
) -> None:
    record = on_worker(qtbot, tasks, lambda: people.get_pa(opened.book, pa_id))
    dialog = PaDialog(tasks, opened.book, record)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed(dialog) == []

    sheet = TimesheetDialog(tasks, opened.book, pa_id, date(2026, 4, 13))
    qtbot.addWidget(sheet)
    sheet.confirm = lambda _q: True
    with qtbot.waitSignal(sheet.loaded, timeout=30_000):
        sheet.show()
    sheet.activateWindow()
    qtbot.waitUntil(sheet.isActiveWindow, timeout=5_000)
    sheet.grid.setFocus()
    press(qtbot, Qt.Key.Key_Insert)
    press(qtbot, Qt.Key.Key_Return)  # opens the Start cell's editor
    assert sheet.grid.state() == sheet.grid.State.EditingState
    assert unnamed(sheet) == []
    press(qtbot, Qt.Key.Key_Escape)
