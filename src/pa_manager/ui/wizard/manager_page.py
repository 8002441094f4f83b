"""Wizard page 2: who manages the budget day to day, and their name and relationship."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QButtonGroup, QLabel, QLineEdit, QRadioButton, QWidget

from pa_manager.domain.holder import ManagedBy
from pa_manager.ui.wizard.form_page import FormPage

_CHOICE_TEXT = {
    ManagedBy.SELF: "&The budget holder manages it themselves",
    ManagedBy.FAMILY_CARER: "A &family carer (for example a son, daughter or partner)",
    ManagedBy.NOMINATED_PERSON: "A n&ominated person agreed with the council",
    ManagedBy.SUPPORT_SERVICE: "A &support service",
}


class ManagerPage(FormPage):
    """Self, family carer, nominated person or support service; a name unless it is self."""

    def __init__(self, holder_name: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(
            "Who looks after the budget?",
            "Whoever uses PA Manager is recorded against each change, so the council can see who did what.",
            parent,
        )
        self._holder_name = holder_name
        self.choices: dict[ManagedBy, QRadioButton] = {}
        self._group = QButtonGroup(self)
        insert_at = self.column.indexOf(self.form)
        for offset, managed_by in enumerate(ManagedBy):
            button = QRadioButton(_CHOICE_TEXT[managed_by])
            self.choices[managed_by] = button
            self._group.addButton(button)
            button.toggled.connect(self._on_choice_toggled)
            self.column.insertWidget(insert_at + offset, button)
        self.manager_name = QLineEdit()
        self.manager_name.setMaxLength(200)
        self.relationship = QLineEdit()
        self.relationship.setMaxLength(200)
        self.name_message = self.field_row("Their &name:", self.manager_name)
        self.relationship_message = self.field_row(
            "&Relationship:",
            self.relationship,
            "For example “son”, “daughter”, “friend” or the name of the support service.",
        )
        self.self_note = QLabel("You will use the book as yourself; no other name is needed.")
        self.self_note.setWordWrap(True)
        self.add_widget(self.self_note)
        self.choices[ManagedBy.SELF].setChecked(True)

    def initializePage(self) -> None:
        holder = self._holder_name()
        if holder:
            self.setTitle(f"Who looks after {holder}'s budget?")

    def managed_by(self) -> ManagedBy:
        for managed_by, button in self.choices.items():
            if button.isChecked():
                return managed_by
        return ManagedBy.SELF

    def manager(self) -> tuple[str, str]:
        """(name, relationship); empty when the budget holder manages it themselves."""
        if self.managed_by() is ManagedBy.SELF:
            return "", ""
        return " ".join(self.manager_name.text().split()), self.relationship.text().strip()

    def validatePage(self) -> bool:
        self.clear_messages()
        if self.managed_by() is not ManagedBy.SELF and not self.manager()[0]:
            return self.refuse(
                self.name_message,
                self.manager_name,
                "Type the name of the person who looks after the budget.",
            )
        return True

    def _on_choice_toggled(self, _checked: bool) -> None:
        is_self = self.managed_by() is ManagedBy.SELF
        for message in (self.name_message, self.relationship_message):
            assert message.row is not None
            self.form.setRowVisible(message.row, not is_self)
        self.self_note.setVisible(is_self)
        self.clear_messages()
