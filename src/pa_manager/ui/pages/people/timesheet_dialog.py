"""One PA's timesheet for one pay period: the week grid, totals, signing, approval and printing.

Everything that touches the book runs on the TaskRunner's worker. Saving is all or nothing: what
the book refuses comes back as numbered problems, shown under the grid and marked on the rows they
concern ("⚠ Problem 2" in the Note column), and nothing is saved. An approved timesheet is locked:
the grid is read-only and "Unlock…" asks for a reason, which is kept in the audit trail.
Questions (reasons, rota names, where to save) go through replaceable callables so tests can answer.
Copying, rotas, signing, approval, unlocking and printing are done by `TimesheetActions`
(timesheet_actions.py); loading, showing and saving are here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pa_manager.domain.people import long_date
from pa_manager.services import timesheets
from pa_manager.services.book import Book
from pa_manager.services.timesheets import Timesheet, TimesheetError
from pa_manager.ui.pages.money.flow_layout import flow_row
from pa_manager.ui.pages.people.shift_model import ShiftTableModel
from pa_manager.ui.pages.people.sign_dialog import SignDialog
from pa_manager.ui.pages.people.timesheet_actions import TimesheetActions
from pa_manager.ui.pages.people.timesheet_grid import ShiftGrid
from pa_manager.ui.pages.people.totals_view import TotalsView
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel, fit_to_text
from pa_manager.ui.widgets.field_message import FieldMessage
from pa_manager.ui.widgets.scrolling import scrolling

KEYS_HELP = (
    "Type in a cell to change it; Tab or Enter keeps it and moves on, and the arrow keys move "
    "around. Insert or Ctrl+N adds a shift, Delete removes the current one. An end time earlier "
    "than the start means the shift ends the next day. Type hours woken like 1.5."
)


def _ask_text(parent: QWidget, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label)
    return text if ok else None


def _ask_choice(parent: QWidget, title: str, label: str, items: list[str]) -> int | None:
    chosen, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(chosen) if ok and chosen in items else None


def _ask_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Save the timesheet as a PDF", suggested, "PDF (*.pdf)")
    return Path(path) if path else None


def _confirm(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(parent, "PA Manager", question)
    return answer == QMessageBox.StandardButton.Yes


class TimesheetDialog(QDialog):
    """`loaded` is emitted after every load or change from the book (tests wait for it)."""

    loaded = Signal()
    changed = Signal()  # the book changed (the People page refreshes)

    def __init__(
        self, tasks: TaskRunner, book: Book, pa_id: int, day: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._tasks, self._book, self._pa_id = tasks, book, pa_id
        self.sheet: Timesheet | None = None
        self.holder_name = ""
        self.sign_dialog: SignDialog | None = None
        self.ask_text: Callable[[str, str], str | None] = lambda t, label: _ask_text(self, t, label)
        self.ask_choice: Callable[[str, str, list[str]], int | None] = lambda t, label, items: _ask_choice(
            self, t, label, items
        )
        self.ask_pdf_path: Callable[[str], Path | None] = lambda name: _ask_pdf_path(self, name)
        self.confirm: Callable[[str], bool] = lambda q: _confirm(self, q)
        self.actions = TimesheetActions(self, tasks, book, pa_id)
        self.setWindowTitle("Timesheet")

        self.heading = ScaledLabel("Timesheet", scale=1.4, bold=True)
        self.heading.setWordWrap(True)
        self.period = QLabel()
        self.period.setWordWrap(True)
        self.lock_note = FieldMessage()
        self.previous_button = QPushButton("◀ &Previous period")
        self.next_button = QPushButton("Ne&xt period ▶")
        self.copy_button = QPushButton("&Copy last week")
        self.rota_button = QPushButton("Use &rota…")
        self.save_rota_button = QPushButton("Save as r&ota…")
        self.model = ShiftTableModel(self)
        self.grid = ShiftGrid(self.model)
        self.keys_help = QLabel(KEYS_HELP)
        self.keys_help.setWordWrap(True)
        self.add_button = QPushButton("&Add shift")
        self.remove_button = QPushButton("Remo&ve shift")
        self.problems = FieldMessage(self.grid)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.totals = TotalsView()
        self.signatures = QLabel()
        self.signatures.setWordWrap(True)
        self.save_button = QPushButton("&Save")
        self.sign_pa_button = QPushButton("Sign as &PA…")
        self.sign_employer_button = QPushButton("Sign as &employer…")
        self.approve_button = QPushButton("Appro&ve and lock")
        self.unlock_button = QPushButton("&Unlock…")
        self.unlock_button.setAccessibleDescription("Asks why it needs changing; the reason is kept.")
        self.print_button = QPushButton("Print P&DF…")
        self.print_blank_button = QPushButton("Print &blank PDF…")
        self.close_button = QPushButton("Close")

        content = QWidget()
        column = QVBoxLayout(content)
        column.setSpacing(8)
        column.addWidget(self.heading)
        column.addWidget(self.period)
        column.addWidget(self.lock_note)
        column.addWidget(
            flow_row(
                self.previous_button,
                self.next_button,
                self.copy_button,
                self.rota_button,
                self.save_rota_button,
            )
        )
        column.addWidget(self.grid, 1)
        column.addWidget(flow_row(self.add_button, self.remove_button))
        column.addWidget(self.keys_help)
        column.addWidget(self.problems)
        column.addWidget(self.notice)
        column.addWidget(self.totals)
        column.addWidget(self.signatures)
        outer = QVBoxLayout(self)
        self.scroll = scrolling(content)
        outer.addWidget(self.scroll, 1)
        # The actions stay in view under the scrolling part, like a dialog's buttons.
        outer.addWidget(
            flow_row(
                self.save_button,
                self.sign_pa_button,
                self.sign_employer_button,
                self.approve_button,
                self.unlock_button,
                self.print_button,
                self.print_blank_button,
                self.close_button,
            )
        )

        self.previous_button.clicked.connect(lambda: self._go(-1))
        self.next_button.clicked.connect(lambda: self._go(1))
        self.copy_button.clicked.connect(self.actions.copy_last_week)
        self.rota_button.clicked.connect(self.actions.use_rota)
        self.save_rota_button.clicked.connect(self.actions.save_rota)
        self.add_button.clicked.connect(self.grid.add_row)
        self.remove_button.clicked.connect(self.grid.remove_current_row)
        self.save_button.clicked.connect(self.save)
        self.sign_pa_button.clicked.connect(lambda: self.actions.sign(by_pa=True))
        self.sign_employer_button.clicked.connect(lambda: self.actions.sign(by_pa=False))
        self.approve_button.clicked.connect(self.actions.approve)
        self.unlock_button.clicked.connect(self.actions.unlock)
        self.print_button.clicked.connect(lambda: self.actions.print_pdf(blank=False))
        self.print_blank_button.clicked.connect(lambda: self.actions.print_pdf(blank=True))
        self.close_button.clicked.connect(self.close)
        self.model.dataChanged.connect(self.mark_edited)
        self.grid.rows_changed.connect(self.mark_edited)
        fit_to_text(self, 120, 46)
        self.load(day)

    # -- loading ---------------------------------------------------------------------------
    def load(self, day: date) -> None:
        """Open the PA's timesheet for the period holding `day`."""
        book, pa_id = self._book, self._pa_id

        def work() -> tuple[Timesheet, dict[date, str], str]:
            sheet = timesheets.open_timesheet(book, pa_id, day)
            names = timesheets.bank_holiday_names(book, sheet.period_start, sheet.period_end)
            return sheet, names, book.holder_name

        self._tasks.run(work, self._on_loaded, self.show_failure, owner=self)

    def _on_loaded(self, result: tuple[Timesheet, dict[date, str], str]) -> None:
        sheet, names, self.holder_name = result
        self.model.set_period(sheet.period_start, sheet.period_end, names)
        self.show_sheet(sheet)
        self.problems.clear_message()
        self.notice.hide()
        self.loaded.emit()

    def show_sheet(self, sheet: Timesheet) -> None:
        """Show `sheet` as the book has it: rows, totals, signatures and whether it is locked."""
        self.sheet = sheet
        self.model.read_only = sheet.locked
        self.model.set_shifts(sheet.shifts)
        self.setWindowTitle(f"Timesheet for {sheet.pa_name}")
        self.heading.setText(f"Timesheet for {sheet.pa_name}")
        first = long_date(sheet.period_start, weekday=True)
        last = long_date(sheet.period_end, weekday=True)
        self.period.setText(f"{first} to {last}. Status: {sheet.status.label}.")
        self.grid.setAccessibleName(f"Shifts from {first} to {last}")
        self.totals.set_totals(sheet.totals)
        self.signatures.setText(self._signature_text(sheet))
        locked = sheet.locked
        for button in (
            self.copy_button,
            self.rota_button,
            self.add_button,
            self.remove_button,
            self.save_button,
            self.sign_pa_button,
            self.sign_employer_button,
            self.approve_button,
        ):
            button.setVisible(not locked)
        self.unlock_button.setVisible(locked)
        self.keys_help.setVisible(not locked)
        if locked:
            self.lock_note.show_message(
                "This timesheet is approved and locked: it feeds pay. To change it, choose Unlock… "
                "and say why; the reason is kept in the audit trail."
            )
        else:
            self.lock_note.clear_message()
        self.grid.updateGeometry()

    def _signature_text(self, sheet: Timesheet) -> str:
        def line(who: str, sig: timesheets.Signature | None) -> str:
            if sig is None:
                return f"Not signed by {who} yet."  # "the PA" / "the employer"
            return f"Signed by {sig.name} ({who}) on {long_date(sig.on)}."

        parts = [line("the PA", sheet.pa_signature), line("the employer", sheet.employer_signature)]
        if sheet.locked and sheet.approved_by:
            parts.append(f"Approved by {sheet.approved_by}.")
        return " ".join(parts)

    def show_failure(self, message: str) -> None:
        """Show what the worker could not do, under the grid."""
        self.problems.show_message(message)
        self.loaded.emit()

    def mark_edited(self, *_args: Any) -> None:
        """After an edit not yet saved, say the totals are for the saved timesheet."""
        if self.sheet is not None and not self.sheet.locked and self.model.dirty:
            self.totals.set_totals(
                None, "These totals are for the saved timesheet: press Save to see them again."
            )

    def say(self, text: str) -> None:
        """Show what just happened ("Saved.", "Added 3 shifts…") under the problems."""
        self.notice.setText(text)
        self.notice.show()

    # -- navigation ------------------------------------------------------------------------
    def _leave_ok(self) -> bool:
        return not self.model.dirty or self.confirm(
            "The changes to this timesheet are not saved. Leave it without saving them?"
        )

    def _go(self, step: int) -> None:
        if self.sheet is None or not self._leave_ok():
            return
        target = (
            self.sheet.period_start - timedelta(days=1)
            if step < 0
            else self.sheet.period_end + timedelta(days=1)
        )
        self.load(target)

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        """Check the rows and save them all, or show every problem and save nothing."""
        if self.sheet is None or self.sheet.locked:
            return
        self.grid.commit_open_cell()
        self.model.sort_rows()
        shifts, problems = self.model.shifts()
        if problems:
            self.show_problems(
                [m for _row, m in problems], {row: n for n, (row, _m) in enumerate(problems, 1)}
            )
            self.loaded.emit()
            return
        book, pa_id, day = self._book, self._pa_id, self.sheet.period_start

        def work() -> Timesheet | TimesheetError:
            try:
                return timesheets.save_timesheet(book, pa_id, day, shifts)
            except TimesheetError as err:
                return err

        self._tasks.run(work, self._on_saved, self.show_failure, owner=self)

    def _on_saved(self, result: Timesheet | TimesheetError) -> None:
        if isinstance(result, TimesheetError):
            marks: dict[int, int] = {}
            messages = []
            for number, problem in enumerate(result.problems or (), 1):
                messages.append(problem.message)
                for row in problem.shift_indexes:
                    marks.setdefault(row, number)
            self.show_problems(messages or [str(result)], marks)
        else:
            self.show_sheet(result)
            self.problems.clear_message()
            self.say("Saved.")
            self.changed.emit()
        self.loaded.emit()

    def show_problems(self, messages: list[str], marks: dict[int, int]) -> None:
        """List numbered problems and mark rows; `marks` maps a row to its problem's number."""
        self.model.mark_problems(marks)
        listed = "\n".join(f"{n}. {m}" for n, m in enumerate(messages, 1))
        self.problems.show_message(
            f"Nothing was saved. Fix {'this' if len(messages) == 1 else 'these'} first:\n{listed}"
        )
        first = min(marks) if marks else None
        if first is not None:
            self.grid.setCurrentIndex(self.model.index(first, 1))
        self.scroll.ensureWidgetVisible(self.problems)

    def reject(self) -> None:
        """Close, after asking if there are changes not saved."""
        if self._leave_ok():
            super().reject()
