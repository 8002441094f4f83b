"""Sign a timesheet: the signer's name and the date (a drawn signature is not offered yet)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from pa_manager.domain.errors import DomainError
from pa_manager.services.timesheets import Signature
from pa_manager.ui.text_size import ScaledLabel, fit_to_text
from pa_manager.ui.widgets.date_edit import DateEdit
from pa_manager.ui.widgets.field_message import add_field, make_form


class SignDialog(QDialog):
    """`signature()` after it is accepted; OK refuses (with a message) an empty name or a bad date."""

    def __init__(self, who: str, name: str, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Sign as {who}")
        heading = ScaledLabel(f"Sign as {who}", scale=1.3, bold=True)
        text = QLabel(explanation)
        text.setWordWrap(True)
        self.name = QLineEdit(name)
        self.name.setMaxLength(200)
        self.day = DateEdit()
        self.day.set_date(date.today())
        form = make_form()
        self.name_message = add_field(form, "&Name of the person signing", self.name)
        self.day_message = add_field(form, "&Date signed", self.day, "For example 14/04/2026.")
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton("Sign", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(heading)
        column.addWidget(text)
        column.addLayout(form)
        column.addStretch(1)
        column.addWidget(buttons)
        fit_to_text(self, 60, 16)
        self._signature: Signature | None = None

    def signature(self) -> Signature | None:
        return self._signature

    def _on_accept(self) -> None:
        self.name_message.clear_message()
        self.day_message.clear_message()
        name = " ".join(self.name.text().split())
        if not name:
            self.name_message.show_message("Type the name of the person signing.")
            self.name.setFocus()
            return
        try:
            day = self.day.date_value()
        except DomainError as err:
            self.day_message.show_message(str(err))
            self.day.setFocus()
            return
        assert day is not None
        self._signature = Signature(name, day)
        self.accept()
