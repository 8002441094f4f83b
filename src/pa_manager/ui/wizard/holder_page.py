"""Wizard page 1: who the book is for (name and, if they like, date of birth)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QWidget

from pa_manager.domain.errors import DomainError
from pa_manager.ui.widgets.date_edit import DateEdit
from pa_manager.ui.wizard.form_page import FormPage


class HolderPage(FormPage):
    """The budget holder: the person who receives the direct payment."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Who is this book for?",
            "A book keeps one person's direct payment: the money, the personal assistants they "
            "employ and the returns to the council. Start with the person the council pays.",
            parent,
        )
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.date_of_birth = DateEdit(optional=True)
        self.name_message = self.field_row("Their full &name:", self.name, "For example Jane Smith.")
        self.dob_message = self.field_row(
            "Date of &birth (optional):",
            self.date_of_birth,
            "For example 14/03/1958. It helps with pension and tax rules later.",
        )

    def holder_name(self) -> str:
        return " ".join(self.name.text().split())

    def dob(self) -> date | None:
        return self.date_of_birth.date_value()

    def validatePage(self) -> bool:
        self.clear_messages()
        if not self.holder_name():
            return self.refuse(self.name_message, self.name, "Type the name of the person the money is for.")
        try:
            born = self.dob()
        except DomainError as exc:
            return self.refuse(self.dob_message, self.date_of_birth, str(exc))
        if born is not None and born > date.today():
            return self.refuse(
                self.dob_message, self.date_of_birth, "The date of birth cannot be in the future."
            )
        return True
