"""The last step of unlocking: who is using the book now (recorded against every change)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pa_manager.domain.holder import Person, PersonRole
from pa_manager.ui.text_size import ScaledLabel
from pa_manager.ui.widgets.field_message import FieldMessage, add_field, make_form


@dataclass(frozen=True, slots=True)
class NewPerson:
    """Someone to add to the book before acting as them."""

    name: str
    role: PersonRole
    relationship: str


class ActingStep(QWidget):
    """Pick a person from the book, or add someone who is not on the list yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = ScaledLabel("Who is using the book now?", scale=1.4, bold=True)
        heading.setWordWrap(True)
        intro = QLabel(
            "Everything you change is recorded under this name, so the budget holder and the "
            "council can see who did what."
        )
        intro.setWordWrap(True)
        self.existing_choice = QRadioButton("Someone on this &list:")
        self.people = QListWidget()
        self.people.setAccessibleName("People who use this book")
        # As tall as the names in it, not a fixed block of empty rows.
        self.people.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.existing_choice.setAccessibleDescription("Choose a name from the list below.")
        self.people_message = FieldMessage(self.people)
        self.new_choice = QRadioButton("Someone &not on the list (add them to the book)")

        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.role = QComboBox()
        for role in PersonRole:
            self.role.addItem(role.label.capitalize(), role)
        self.role.setCurrentIndex(self.role.findData(PersonRole.SUPPORT_WORKER))
        self.relationship = QLineEdit()
        self.relationship.setMaxLength(200)
        self.new_form = QWidget()
        form = make_form(self.new_form)
        form.setContentsMargins(24, 0, 0, 0)
        self.name_message = add_field(form, "&Name:", self.name)
        add_field(form, "&Role:", self.role)
        add_field(
            form,
            "Relationship or &organisation:",
            self.relationship,
            "For example “son”, “neighbour” or “support worker at Age UK”. You can leave it empty.",
        )

        column = QVBoxLayout(self)
        column.addWidget(heading)
        column.addWidget(intro)
        column.addWidget(self.existing_choice)
        column.addWidget(self.people)
        column.addWidget(self.people_message)
        column.addWidget(self.new_choice)
        column.addWidget(self.new_form)
        column.addStretch(1)

        self.existing_choice.toggled.connect(self._on_choice_toggled)
        self.new_choice.toggled.connect(self._on_choice_toggled)
        self.people.itemActivated.connect(self._on_item_activated)
        self.people.currentRowChanged.connect(self._on_current_row_changed)
        self.existing_choice.setChecked(True)
        self._on_choice_toggled(True)

    def set_people(self, people: list[Person], holder_first_name: str, visit_mode: bool) -> None:
        """Fill the list; a visit preselects the first support worker, otherwise the first person."""
        self.people.clear()
        preferred = 0
        for row, person in enumerate(people):
            item = QListWidgetItem(person.label(holder_first_name))
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.people.addItem(item)
            if visit_mode and person.role is PersonRole.SUPPORT_WORKER and preferred == 0:
                preferred = row
        if people:
            self.people.setCurrentRow(preferred)
            self.existing_choice.setChecked(True)
        else:
            self.new_choice.setChecked(True)
        self.existing_choice.setEnabled(bool(people))

    def choice(self) -> int | NewPerson | None:
        """A person id, someone to add, or None after showing what is missing."""
        self.people_message.clear_message()
        self.name_message.clear_message()
        if self.existing_choice.isChecked():
            item = self.people.currentItem()
            if item is None:
                self.people_message.show_message("Choose a name from the list.")
                self.people.setFocus()
                return None
            return int(item.data(Qt.ItemDataRole.UserRole))
        name = self.name.text().strip()
        if not name:
            self.name_message.show_message("Type the name of the person using the book.")
            self.name.setFocus()
            return None
        role = self.role.currentData()
        assert isinstance(role, PersonRole)
        return NewPerson(name, role, self.relationship.text().strip())

    def show_error(self, message: str) -> None:
        if self.new_choice.isChecked():
            self.name_message.show_message(message)
            self.name.setFocus()
        else:
            self.people_message.show_message(message)
            self.people.setFocus()

    def focus_first(self) -> None:
        (self.people if self.existing_choice.isChecked() else self.name).setFocus()

    def _on_choice_toggled(self, _checked: bool) -> None:
        self.people.setEnabled(self.existing_choice.isChecked())
        self.new_form.setEnabled(self.new_choice.isChecked())

    def _on_current_row_changed(self, _row: int) -> None:
        self.people_message.clear_message()

    def _on_item_activated(self, _item: QListWidgetItem) -> None:
        self.existing_choice.setChecked(True)
