"""Reconcile an account against a bank statement: tick the lines that are on it until the
difference is £0.00, then finish, which locks those lines.

Lines imported from a statement start ticked (the bank has confirmed them). The difference is
shown large, in words as well as figures ("Difference £0.00 — ready to finish"), and Finish is
only possible at £0.00. Space ticks or unticks the selected lines; Tab moves on.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money, MoneyError
from pa_manager.domain.people import long_date
from pa_manager.services import reconcile
from pa_manager.services.book import Book
from pa_manager.services.reconcile import ReconcileStart
from pa_manager.ui.pages.money.dialogs.simple_table import SimpleTable, money_item, text_item
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel, fit_to_text
from pa_manager.ui.widgets.date_edit import DateEdit, format_date
from pa_manager.ui.widgets.field_message import add_field, make_form
from pa_manager.ui.widgets.money_edit import MoneyEdit
from pa_manager.ui.widgets.scrolling import scrolling

TICK, DATE, PAYEE, AMOUNT = range(4)
_CHECKED, _UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


class ReconcileDialog(QDialog):
    """`ReconcileDialog(book, tasks, account_id=None, parent)`; `exec()` or `open()`.

    Emits `book_changed(summary)` when a reconciliation has finished and lines were locked.
    """

    book_changed = Signal(str)

    def __init__(
        self,
        book: Book,
        tasks: TaskRunner,
        account_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reconcile with a statement — PA Manager")
        self._book = book
        self._tasks = tasks
        self._account_id = account_id
        self._start: ReconcileStart | None = None
        self._filling = False
        self.locked_count: int | None = None

        self.heading = ScaledLabel("Reconcile with a statement", scale=1.4, bold=True)
        self.heading.setWordWrap(True)
        intro = QLabel(
            "Type the statement's end date and closing balance, then tick each line that is on "
            "the statement. When the difference is £0.00, finish: those lines are then locked."
        )
        intro.setWordWrap(True)
        self.last = QLabel("Loading…")
        self.last.setWordWrap(True)
        form = make_form()
        self.statement_date = DateEdit()
        self.statement_date.set_date(date.today())
        self.date_message = add_field(form, "Statement &end date:", self.statement_date)
        self.closing = MoneyEdit(allow_negative=True)
        self.closing_message = add_field(
            form, "&Closing balance on the statement:", self.closing, "For example £1,234.56."
        )
        self.closing.problem.connect(self._on_closing_problem)
        self.closing.textChanged.connect(self._update_difference)
        self.statement_date.editingFinished.connect(self._on_date_changed)

        self.table = SimpleTable(
            [("On statement", 12), ("Date", 13), ("Payee", 30), ("Amount", 12)], "Lines to tick"
        )
        self.table.setAccessibleDescription(
            "Tick each line that is on the statement. Space ticks or unticks the selected lines."
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.set_visible_lines(5)
        self.table.itemChanged.connect(self._on_item_changed)
        toggle = QAction("Tick or untick", self.table)
        toggle.setShortcut(QKeySequence(Qt.Key.Key_Space))
        toggle.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        toggle.triggered.connect(self.toggle_selected)
        self.table.addAction(toggle)
        tick_row = QHBoxLayout()
        self.tick_all = QPushButton("&Tick all")
        self.untick_all = QPushButton("&Untick all")
        self.tick_all.clicked.connect(lambda: self._set_all(_CHECKED))
        self.untick_all.clicked.connect(lambda: self._set_all(_UNCHECKED))
        tick_row.addWidget(self.tick_all)
        tick_row.addWidget(self.untick_all)
        tick_row.addStretch(1)

        self.difference = ScaledLabel("", scale=1.5, bold=True)
        self.difference.setWordWrap(True)
        self.difference.setAccessibleName("Difference")
        self.working = QLabel("")
        self.working.setWordWrap(True)
        self.outcome = QLabel("")
        self.outcome.setWordWrap(True)
        self.outcome.hide()

        self.buttons = QDialogButtonBox()
        self.finish_button = QPushButton("&Finish and lock lines")
        self.finish_button.setDefault(True)
        self.buttons.addButton(self.finish_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.finish)
        self.buttons.rejected.connect(self.reject)

        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, intro, self.last):
            inner.addWidget(widget)
        inner.addLayout(form)
        inner.addWidget(self.table, 1)
        inner.addLayout(tick_row)
        for widget in (self.difference, self.working, self.outcome):
            inner.addWidget(widget)
        column = QVBoxLayout(self)
        column.addWidget(scrolling(content), 1)
        column.addWidget(self.buttons)
        self._update_difference()
        fit_to_text(self, 90, 40)
        self._load()

    # -- loading ------------------------------------------------------------------------------
    def _statement_day(self) -> date | None:
        try:
            return self.statement_date.date_value()
        except DomainError:
            return None

    def _load(self) -> None:
        day = self._statement_day() or date.today()
        book, account_id = self._book, self._account_id
        self._tasks.run(
            lambda: reconcile.start(book, account_id, day), self._on_started, self._on_failed, owner=self
        )

    def _on_date_changed(self) -> None:
        try:
            self.statement_date.date_value()
        except DomainError as err:
            self.date_message.show_message(str(err))
            self._update_difference()
            return
        self.date_message.clear_message()
        self._load()

    def _on_started(self, started: ReconcileStart) -> None:
        was_ticked = self.ticked() if self._start is not None else None
        self._start = started
        self._account_id = started.account_id
        self.heading.setText(f"Reconcile {started.account_name} with a statement")
        if started.last_statement_date is not None and started.last_closing_balance is not None:
            self.last.setText(
                f"Last reconciled to {started.last_closing_balance.format()} on "
                f"{long_date(started.last_statement_date)}."
            )
        else:
            self.last.setText(
                "This account has not been reconciled before. It started with "
                f"{started.reconciled_balance.format()}."
            )
        self._filling = True
        self.table.setRowCount(len(started.candidates))
        for row, c in enumerate(started.candidates):
            tick = QTableWidgetItem("")
            tick.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
            )
            ticked = c.id in was_ticked if was_ticked is not None else c.cleared
            tick.setCheckState(_CHECKED if ticked else _UNCHECKED)
            _label_tick(tick)
            tick.setData(Qt.ItemDataRole.UserRole, c.id)
            tick.setData(Qt.ItemDataRole.AccessibleTextRole, f"{c.payee}, {c.amount.format()}")
            self.table.setItem(row, TICK, tick)
            self.table.setItem(row, DATE, text_item(format_date(c.day)))
            self.table.setItem(row, PAYEE, text_item(c.payee, tooltip=True))
            self.table.setItem(row, AMOUNT, money_item(c.amount))
        self._filling = False
        if not started.candidates:
            self.working.setText("There are no lines left to reconcile up to this date.")
        self._update_difference()

    def _on_failed(self, message: str) -> None:
        self.outcome.setText(f"⚠ {message}")
        self.outcome.show()
        self._update_difference()

    # -- ticking ------------------------------------------------------------------------------
    def ticked(self) -> set[int]:
        """Ids of the ticked lines."""
        out = set()
        for row in range(self.table.rowCount()):
            item = self.table.item(row, TICK)
            if item is not None and item.checkState() == _CHECKED:
                out.add(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def set_ticked(self, row: int, ticked: bool) -> None:
        self.table.item(row, TICK).setCheckState(_CHECKED if ticked else _UNCHECKED)

    def toggle_selected(self) -> None:
        """Space: tick the selected lines, or untick them if they are all ticked already."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        if not rows:
            return
        all_ticked = all(self.table.item(r, TICK).checkState() == _CHECKED for r in rows)
        for r in rows:
            self.set_ticked(r, not all_ticked)

    def _set_all(self, state: Qt.CheckState) -> None:
        for row in range(self.table.rowCount()):
            self.table.item(row, TICK).setCheckState(state)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != TICK:
            return
        self._filling = True
        _label_tick(item)
        self._filling = False
        self._update_difference()

    def _on_closing_problem(self, message: str) -> None:
        if message:
            self.closing_message.show_message(message)
        else:
            self.closing_message.clear_message()

    # -- the difference -----------------------------------------------------------------------
    def closing_balance(self) -> Money | None:
        try:
            return self.closing.money()
        except (DomainError, MoneyError):
            return None

    def difference_value(self) -> Money | None:
        """Closing balance − (reconciled before + ticked lines), or None until it can be worked out."""
        closing = self.closing_balance()
        if closing is None or self._start is None:
            return None
        return self._start.difference(closing, self.ticked())

    def _update_difference(self) -> None:
        if self.locked_count is not None:
            return
        difference = self.difference_value()
        ticked = self.ticked()
        if difference is None:
            self.difference.setText("Difference: type the closing balance")
            self.working.setText("The difference appears once the statement's closing balance is typed.")
        else:
            if not difference:
                self.difference.setText("Difference £0.00 — ready to finish")
            else:
                self.difference.setText(f"Difference {difference.format()} still to find")
            assert self._start is not None
            ticked_total = Money.total(c.amount for c in self._start.candidates if c.id in ticked)
            self.working.setText(
                f"Statement {self.closing_balance().format() if self.closing_balance() else '£0.00'}"
                f", less {self._start.reconciled_balance.format()} reconciled before, less "
                f"{ticked_total.format()} on the {len(ticked)} ticked "
                f"{'line' if len(ticked) == 1 else 'lines'}."
            )
        ready = (
            difference is not None and not difference and bool(ticked) and self._statement_day() is not None
        )
        self.finish_button.setEnabled(ready)

    # -- finishing ----------------------------------------------------------------------------
    def finish(self) -> None:
        """Lock the ticked lines (only at £0.00; the service checks again)."""
        closing, day, start = self.closing_balance(), self._statement_day(), self._start
        if closing is None or day is None or start is None or not self.finish_button.isEnabled():
            return
        book, ticked = self._book, self.ticked()
        self.finish_button.setEnabled(False)

        def work() -> int:
            reconcile.finish(book, start.account_id, day, closing, ticked)
            return len(ticked)

        self._tasks.run(
            work, lambda count: self._on_finished(count, closing, day), self._on_finish_failed, owner=self
        )

    def _on_finished(self, count: int, closing: Money, day: date) -> None:
        self.locked_count = count
        summary = (
            f"Reconciled to {closing.format()} on {long_date(day)}: "
            f"{count} {'line is' if count == 1 else 'lines are'} now locked."
        )
        self.difference.setText("Reconciled")
        self.working.setText(summary)
        self.outcome.hide()
        self.table.setEnabled(False)
        for widget in (self.tick_all, self.untick_all, self.statement_date, self.closing):
            widget.setEnabled(False)
        self.finish_button.hide()
        self.close_button.setText("Close")
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.book_changed.emit(summary)

    def _on_finish_failed(self, message: str) -> None:
        self.outcome.setText(f"⚠ {message}")
        self.outcome.show()
        self._update_difference()


def _label_tick(item: QTableWidgetItem) -> None:
    """Say "Yes" or "No" beside the tick box, so the state does not rest on a small mark alone."""
    item.setText("Yes" if item.checkState() == _CHECKED else "No")
