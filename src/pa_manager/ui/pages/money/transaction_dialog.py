"""Edit one line of the register: every field, cleared or not, and splits across categories.

A reconciled line opens read-only with "Unlock…", which asks why and records the unlock in the
audit trail (on the worker) before the fields can be changed. What `transactions.validate`
refuses is shown in the dialog in its own plain words; nothing is saved until it passes.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pa_manager.domain.categories import Category
from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import MoneyError
from pa_manager.services import transactions
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.register import STATE_LABELS
from pa_manager.services.transactions import TransactionDetail
from pa_manager.ui.pages.money.quick_entry import DIRECTIONS, MONEY_IN, MONEY_OUT, fill_categories
from pa_manager.ui.pages.money.split_editor import SplitEditor
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel, fit_to_text
from pa_manager.ui.widgets.date_edit import DateEdit
from pa_manager.ui.widgets.field_message import FieldMessage, add_field, make_form
from pa_manager.ui.widgets.money_edit import MoneyEdit
from pa_manager.ui.widgets.scrolling import scrolling


class TransactionDialog(QDialog):
    """Emits `saved(TransactionDetail)` with the changed line; the page saves it (with undo).

    `unlocked` is emitted after a successful unlock so the page can reload the register.
    """

    saved = Signal(object)
    unlocked = Signal(int)

    def __init__(
        self,
        line: TransactionDetail,
        pa_names: dict[int, str],
        tasks: TaskRunner,
        book: Book,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._line = line
        self._tasks = tasks
        self._book = book
        self.setWindowTitle(f"Line of {line.day:%d/%m/%Y} — {line.payee}")
        self.heading = ScaledLabel("Edit a line", scale=1.3, bold=True)
        self.lock_note = FieldMessage()
        self.problem = FieldMessage()

        self.day = DateEdit()
        self.payee = QLineEdit()
        self.payee.setMaxLength(200)
        self.direction = QComboBox()
        self.direction.addItems(DIRECTIONS)
        self.amount = MoneyEdit(allow_negative=False, allow_zero=False)
        self.category = QComboBox()
        fill_categories(self.category)
        self.pa = QComboBox()
        self.pa.addItem("No PA", None)
        for pa_id, name in pa_names.items():
            self.pa.addItem(name, pa_id)
        self.reference = QLineEdit()
        self.reference.setMaxLength(200)
        self.note = QLineEdit()
        self.state = QComboBox()
        self.split_box = QCheckBox("Share this amount across several categories")
        self.splits = SplitEditor()

        form = make_form()
        self.day_message = add_field(form, "&Date", self.day)
        self.payee_message = add_field(form, "&Payee", self.payee)
        add_field(form, "&In or out", self.direction)
        self.amount_message = add_field(form, "&Amount", self.amount)
        add_field(form, "Ca&tegory", self.category)
        add_field(form, "P&A", self.pa)
        add_field(form, "&Reference", self.reference)
        add_field(form, "&Note", self.note)
        add_field(form, "&State", self.state, "Cleared means it is on the bank statement.")
        form.addRow(self.split_box)
        form.addRow(self.splits)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.heading)
        column.addWidget(self.lock_note)
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addStretch(1)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("Save changes", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        self.unlock_button = QPushButton("Unlock…")
        self.unlock_button.setAccessibleDescription(
            "Asks why this reconciled line needs changing and records it in the audit trail."
        )
        self.buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setDefault(True)
        outer = QVBoxLayout(self)
        self.scroll = scrolling(content)
        outer.addWidget(self.scroll, 1)
        outer.addWidget(self.buttons)

        self.save_button.clicked.connect(self._on_save_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.amount.problem.connect(self._on_amount_problem)
        self.amount.textChanged.connect(self._on_amount_text_changed)
        self.split_box.toggled.connect(self._on_split_toggled)
        self._fill(line)
        fit_to_text(self, 80, 50)

    # -- filling ---------------------------------------------------------------------------
    def _fill(self, line: TransactionDetail) -> None:
        self.day.set_date(line.day)
        self.payee.setText(line.payee)
        self.direction.setCurrentIndex(MONEY_OUT if line.amount.is_negative else MONEY_IN)
        self.amount.set_money(abs(line.amount))
        self.category.setCurrentIndex(max(self.category.findData(line.category), 0))
        self.pa.setCurrentIndex(max(self.pa.findData(line.pa_id), 0) if line.pa_id is not None else 0)
        self.reference.setText(line.reference)
        self.note.setText(line.note)
        self.state.clear()
        if line.locked:
            self.state.addItem(STATE_LABELS["reconciled"], "reconciled")
        for key in ("uncleared", "cleared"):
            self.state.addItem(STATE_LABELS[key], key)
        self.state.setCurrentIndex(max(self.state.findData(line.state), 0))
        self.splits.set_total(line.amount)
        self.splits.set_parts(line.splits)
        self.split_box.setChecked(bool(line.splits))
        self._on_split_toggled(bool(line.splits))
        self._set_locked(line.locked)

    def _set_locked(self, locked: bool) -> None:
        for edit in (self.day, self.payee, self.amount, self.reference, self.note):
            edit.setReadOnly(locked)
        for widget in (self.direction, self.category, self.pa, self.state, self.split_box):
            widget.setEnabled(not locked)
        self.splits.set_read_only(locked)
        self.save_button.setVisible(not locked)
        self.unlock_button.setVisible(locked)
        self.cancel_button.setText("Close" if locked else "Cancel")
        self.heading.setText("A reconciled line (locked)" if locked else "Edit a line")
        if locked:
            self.lock_note.show_message(
                "This line matches a bank statement you reconciled, so it is locked. To change it, "
                "choose Unlock… and say why; the unlock is kept in the audit trail."
            )
        else:
            self.lock_note.clear_message()

    # -- reading ---------------------------------------------------------------------------
    def edited(self) -> TransactionDetail | None:
        """The line as changed, or None after showing what is wrong."""
        for message in (self.day_message, self.payee_message, self.amount_message, self.problem):
            message.clear_message()
        try:
            day = self.day.date_value()
        except DomainError as exc:
            self.day_message.show_message(str(exc))
            return None
        try:
            amount = self.amount.money()
        except (MoneyError, DomainError) as exc:
            self.amount_message.show_message(str(exc))
            return None
        negative = self.direction.currentIndex() == MONEY_OUT
        signed = -amount if negative else amount
        try:
            parts = self.splits.parts(negative) if self.split_box.isChecked() else ()
        except (MoneyError, DomainError) as exc:
            self.problem.show_message(f"A part of the split: {exc}")
            return None
        pa_id = self.pa.currentData()
        assert day is not None
        line = replace(
            self._line,
            day=day,
            payee=self.payee.text().strip(),
            amount=signed,
            category=self.category.currentData(),
            reference=self.reference.text().strip(),
            note=self.note.text(),
            pa_id=int(pa_id) if pa_id is not None else None,
            splits=parts,
            state=str(self.state.currentData()),
        )
        try:
            transactions.validate(line)
        except BookError as exc:
            self.problem.show_message(str(exc))
            return None
        return line

    # -- slots -----------------------------------------------------------------------------
    def _on_save_clicked(self) -> None:
        line = self.edited()
        if line is None:
            return
        self.saved.emit(line)
        self.accept()

    def _on_amount_problem(self, text: str) -> None:
        if text:
            self.amount_message.show_message(text)
        else:
            self.amount_message.clear_message()

    def _on_amount_text_changed(self, _text: str) -> None:
        try:
            self.splits.set_total(self.amount.money())
        except (MoneyError, DomainError):
            return

    def _on_split_toggled(self, on: bool) -> None:
        self.splits.setVisible(on)
        self.category.setEnabled(not on and not self._line.locked)
        if on and self.splits.part_count() == 0:
            current = self.category.currentData()
            self.splits.add_part(current if isinstance(current, Category) else Category.UNCATEGORISED)
            self.splits.add_part()

    def _on_unlock_clicked(self) -> None:
        reason, ok = QInputDialog.getText(
            self,
            "Unlock a reconciled line",
            "Why does this line need changing? (kept in the audit trail)",
        )
        if not ok:
            return
        line_id = self._line.id
        assert line_id is not None
        book = self._book
        self._tasks.run(
            lambda: transactions.unlock(book, line_id, reason),
            lambda _result: self._on_unlocked(),
            self.problem.show_message,
            owner=self,
        )

    def _on_unlocked(self) -> None:
        self._line = replace(self._line, state="cleared", reconciliation_id=None)
        self._fill(self._line)
        self.unlocked.emit(self._line.id or 0)
        self.payee.setFocus()
