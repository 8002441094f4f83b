"""Add money owed but not yet paid (wages, HMRC, pension, an invoice): who, how much, by when."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import MoneyError
from pa_manager.domain.money_rules.pots import Commitment, CommitmentKind
from pa_manager.ui.text_size import ScaledLabel, fit_to_text
from pa_manager.ui.widgets.date_edit import DateEdit
from pa_manager.ui.widgets.field_message import FieldMessage, add_field, make_form
from pa_manager.ui.widgets.money_edit import MoneyEdit
from pa_manager.ui.widgets.scrolling import scrolling


class CommitmentEditor(QDialog):
    """Accepts only when the commitment is valid; then `commitment()` returns it.

    `pa_names` (id to name, from register.pa_names) lets the person say the money is owed to a PA.
    """

    def __init__(self, pa_names: dict[int, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._commitment: Commitment | None = None
        self.setWindowTitle("Add money owed — PA Manager")
        heading = ScaledLabel("Add money owed", scale=1.4, bold=True)
        intro = QLabel(
            "Money you owe but have not paid yet, such as wages for hours already worked or tax "
            "due to HMRC. It stops counting once a matching payment appears in the book."
        )
        intro.setWordWrap(True)
        form = make_form()
        self.kind = QComboBox()
        for kind in CommitmentKind:
            self.kind.addItem(kind.label, kind)
        add_field(form, "&What is it?", self.kind)
        self.pa = QComboBox()
        self.pa.addItem("Not owed to a PA", None)
        for pa_id, name in sorted((pa_names or {}).items(), key=lambda item: item[1].casefold()):
            self.pa.addItem(name, pa_id)
        add_field(form, "Owed to a &PA?", self.pa)
        self.pa.currentIndexChanged.connect(self._on_pa_changed)
        self.payee = QLineEdit()
        self.payee.setMaxLength(200)
        self.payee_message = add_field(
            form, "&Who is it owed to?", self.payee, "The name as it will appear on the bank statement."
        )
        self.amount = MoneyEdit(allow_zero=False)
        self.amount_message = add_field(form, "&Amount:", self.amount, "For example £540.00.")
        self.amount.problem.connect(self._on_amount_problem)
        self.due = DateEdit()
        self.due.set_date(date.today())
        self.due_message = add_field(form, "&Due by:", self.due)
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        add_field(form, "&Note (optional):", self.note)
        self.message = FieldMessage()
        buttons = QDialogButtonBox()
        self.save_button = QPushButton("&Save")
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(heading)
        inner.addWidget(intro)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(scrolling(content))
        column.addWidget(buttons)
        fit_to_text(self, 70, 34)
        self.kind.setFocus()

    def _on_pa_changed(self) -> None:
        if self.pa.currentData() is not None:
            self.payee.setText(self.pa.currentText())
            if self.kind.currentData() is CommitmentKind.OTHER:
                self.kind.setCurrentIndex(self.kind.findData(CommitmentKind.WAGES))

    def _on_amount_problem(self, message: str) -> None:
        if message:
            self.amount_message.show_message(message)
        else:
            self.amount_message.clear_message()

    def _on_save(self) -> None:
        for message in (self.payee_message, self.amount_message, self.due_message, self.message):
            message.clear_message()
        if not self.payee.text().strip():
            self.payee_message.show_message("Say who the money is owed to.")
            self.payee.setFocus()
            return
        try:
            amount = self.amount.money()
        except (DomainError, MoneyError) as err:
            self.amount_message.show_message(str(err))
            self.amount.setFocus()
            return
        try:
            due = self.due.date_value()
        except DomainError as err:
            self.due_message.show_message(str(err))
            self.due.setFocus()
            return
        assert due is not None
        try:
            self._commitment = Commitment(
                self.kind.currentData(),
                self.payee.text().strip(),
                amount,
                due,
                pa_id=self.pa.currentData(),
                note=self.note.text().strip(),
            )
        except DomainError as err:
            self.message.show_message(str(err))
            return
        self.accept()

    def commitment(self) -> Commitment:
        """The commitment as typed (only after the dialog was accepted)."""
        if self._commitment is None:
            raise DomainError("Nothing has been saved yet.")
        return self._commitment
