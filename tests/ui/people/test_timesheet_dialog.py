"""The timesheet grid: a week typed by keyboard alone, refusals marked on rows, signing and locking."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pa_manager.domain.timesheets import PayKind, Shift, ShiftType
from pa_manager.services import timesheets
from pa_manager.services.timesheets import TimesheetStatus
from pa_manager.store.models import AuditEntry
from pa_manager.ui.pages.people.shift_model import NOTE, START
from pa_manager.ui.pages.people.timesheet_dialog import TimesheetDialog
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from tests.ui.people.conftest import on_worker, press, type_text

MONDAY = date(2026, 4, 13)  # an ordinary week in England (Easter Monday was 6 April)


def show(
    qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook, pa_id: int, day: date = MONDAY
) -> TimesheetDialog:
    dialog = TimesheetDialog(tasks, opened.book, pa_id, day)
    qtbot.addWidget(dialog)
    dialog.confirm = lambda _q: True
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    return dialog


def enter_row(qtbot: QtBot, start: str, end: str, *, brk: str = "", kind: str = "", woken: str = "") -> None:
    """Insert a row and fill it by keyboard: Start, Tab, End, Tab, Break, Tab, Type[, Tab, woken], Tab."""
    press(qtbot, Qt.Key.Key_Insert)
    type_text(qtbot, start)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, end)
    press(qtbot, Qt.Key.Key_Tab)
    if brk:
        type_text(qtbot, brk)
    press(qtbot, Qt.Key.Key_Tab)
    if kind:
        type_text(qtbot, kind)
    press(qtbot, Qt.Key.Key_Tab)
    if woken:
        type_text(qtbot, woken)
        press(qtbot, Qt.Key.Key_Tab)


def test_a_week_typed_by_keyboard_alone_gives_the_right_totals(
    qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook, pa_id: int
) -> None:
    dialog = show(qtbot, tasks, opened, pa_id)
    dialog.grid.setFocus()
    enter_row(qtbot, "09:00", "17:00", brk="30")  # Monday: 7.5 hours standard
    enter_row(qtbot, "22:00", "07:00", kind="sl", woken="1.5")  # Tuesday: a sleep-in woken 1.5 hours
    enter_row(qtbot, "2000", "0200")  # Wednesday across midnight: 4 h evening, 2 h standard
    rows = dialog.model.rows
    assert [(r.day, r.start, r.end, r.kind) for r in rows] == [
        (date(2026, 4, 13), "09:00", "17:00", ShiftType.STANDARD),
        (date(2026, 4, 14), "22:00", "07:00", ShiftType.SLEEP_IN),
        (date(2026, 4, 15), "2000", "0200", ShiftType.STANDARD),
    ]
    assert rows[1].woken == "1.5"
    assert "Ends next day" in dialog.model.note(2)
    assert dialog.grid.currentIndex().column() == NOTE  # Tab past the last cell stops, never traps

    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Save by its access key
    assert dialog.sheet is not None and dialog.sheet.id is not None
    pay = dialog.sheet.totals.pay
    assert pay.minutes(PayKind.STANDARD) == 9 * 60 + 30
    assert pay.minutes(PayKind.EVENING) == 4 * 60
    assert pay.minutes(PayKind.WOKEN) == 90
    assert pay.sleep_in_nights == 1
    assert pay.gross.format() == "£279.00"  # 123.50 + 56.00 + 80.00 + 19.50
    assert dialog.totals.gross.text() == "Gross pay: £279.00"
    assert "Minimum wage" in dialog.totals.minimum_wage.text()
    saved = on_worker(qtbot, tasks, lambda: timesheets.open_timesheet(opened.book, pa_id, MONDAY))
    assert len(saved.shifts) == 3 and saved.shifts[1].woken_minutes == 90


def test_an_overlap_is_shown_on_its_rows_and_nothing_is_saved(
    qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook, pa_id: int
) -> None:
    dialog = show(qtbot, tasks, opened, pa_id)
    dialog.model.add_shifts([Shift(MONDAY, time(9), time(17))])
    dialog.grid.setFocus()
    dialog.grid.setCurrentIndex(dialog.model.index(0, START))
    press(qtbot, Qt.Key.Key_Insert)  # a second row, on Tuesday: move it to Monday by keyboard
    dialog.grid.setCurrentIndex(dialog.model.index(1, 0))
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "M")  # the Day list: Monday
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "16:00")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "20:00")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.model.rows[1].day == MONDAY
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        dialog.save_button.click()
    assert "overlaps" in dialog.problems.message and "Nothing was saved" in dialog.problems.message
    assert dialog.problems.isVisible()
    assert dialog.model.note(0).startswith("⚠ Problem 1") and dialog.model.note(1).startswith("⚠ Problem 1")
    saved = on_worker(qtbot, tasks, lambda: timesheets.open_timesheet(opened.book, pa_id, MONDAY))
    assert saved.id is None and saved.shifts == ()

    # A time that cannot be read is refused before the book is asked.
    dialog.model.setData(dialog.model.index(1, START), "25:00")
    dialog.save()
    assert "“25:00” is not a time of day" in dialog.problems.message


def test_sign_approve_lock_and_unlock_with_a_reason(
    qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook, pa_id: int
) -> None:
    dialog = show(qtbot, tasks, opened, pa_id)
    dialog.model.add_shifts([Shift(MONDAY, time(9), time(17), break_minutes=30)])
    dialog.sign_pa_button.click()
    assert "Save the timesheet first" in dialog.problems.message
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        dialog.save_button.click()
    for button, name in ((dialog.sign_pa_button, "Sam Lee"), (dialog.sign_employer_button, "Tom Smith")):
        button.click()
        signer = dialog.sign_dialog
        assert signer is not None and signer.isVisible()
        signer.name.setText(name)
        signer.day.setText("19/04/2026")
        with qtbot.waitSignal(dialog.loaded, timeout=30_000):
            signer.ok_button.click()
    assert dialog.sheet is not None and dialog.sheet.status is TimesheetStatus.SIGNED
    assert "Signed by Tom Smith (the employer) on 19 April 2026" in dialog.signatures.text()
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        dialog.approve_button.click()
    assert dialog.sheet.locked and dialog.model.read_only
    assert dialog.unlock_button.isVisible() and not dialog.save_button.isVisible()
    assert "approved and locked" in dialog.lock_note.message
    dialog.grid.setFocus()
    dialog.grid.setCurrentIndex(dialog.model.index(0, START))
    press(qtbot, Qt.Key.Key_Delete)  # a locked grid keeps its rows
    assert len(dialog.model.rows) == 1

    dialog.ask_text = lambda _title, _label: "Hours on Monday were wrong"
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        dialog.unlock_button.click()
    assert dialog.sheet.status is TimesheetStatus.SIGNED and not dialog.model.read_only
    assert dialog.save_button.isVisible()

    def notes() -> list[str]:
        with opened.book.read() as s:
            return list(s.scalars(select(AuditEntry.summary).where(AuditEntry.action == "note")))

    assert any("Hours on Monday were wrong" in n for n in on_worker(qtbot, tasks, notes))


def test_copy_last_week_and_print(
    qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook, pa_id: int, tmp_path: object
) -> None:
    from pathlib import Path

    week_before = [
        Shift(date(2026, 4, 6), time(9), time(13)),
        Shift(date(2026, 4, 8), time(22), time(7), ShiftType.SLEEP_IN),
    ]
    on_worker(
        qtbot, tasks, lambda: timesheets.save_timesheet(opened.book, pa_id, date(2026, 4, 6), week_before)
    )
    dialog = show(qtbot, tasks, opened, pa_id)
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        dialog.copy_button.click()
    assert [r.day for r in dialog.model.rows] == [date(2026, 4, 13), date(2026, 4, 15)]
    assert "Added 2 shifts" in dialog.notice.text()
    assert "Bank holiday" not in dialog.model.note(0)
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        dialog.previous_button.click()
    assert "Bank holiday: Easter Monday" in dialog.model.note(0)
    out = Path(str(tmp_path)) / "sheet.pdf"
    dialog.ask_pdf_path = lambda _name: out
    dialog.print_button.click()
    qtbot.waitUntil(lambda: "Saved the timesheet to" in dialog.notice.text(), timeout=30_000)
    assert out.read_bytes().startswith(b"%PDF")
    QApplication.processEvents()
