"""Type a new passphrase twice, with a live strength hint; used by the wizard and both passphrase dialogs."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from pa_manager.domain.errors import DomainError
from pa_manager.domain.passphrase import require_acceptable, strength
from pa_manager.ui.widgets.field_message import add_field, make_form

_SCORE_WORDS = ("Not allowed", "Weak", "Fair", "Good", "Strong")


class PassphrasePairWidget(QWidget):
    """`passphrase()` returns the new passphrase, or None after showing what is wrong beside the field."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, first_label: str = "New &passphrase:") -> None:
        super().__init__(parent)
        self.first = QLineEdit()
        self.second = QLineEdit()
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(1024)
            edit.textChanged.connect(self._on_text_changed)
        form = make_form()
        form.setContentsMargins(0, 0, 0, 0)
        self.first_message = add_field(
            form,
            first_label,
            self.first,
            "Use four or more ordinary words you will remember, for example “blue kettle walks home”.",
        )
        self.second_message = add_field(form, "Type it &again:", self.second)
        self.strength_label = QLabel()
        self.strength_label.setWordWrap(True)
        self.strength_label.setAccessibleName("Passphrase strength")
        self.show_box = QCheckBox("&Show what I type")
        self.show_box.toggled.connect(self._on_show_toggled)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(self.strength_label)
        column.addWidget(self.show_box)
        self._on_text_changed()

    def passphrase(self) -> str | None:
        """Check both boxes; show a message beside the wrong one and return None if not acceptable."""
        self.first_message.clear_message()
        self.second_message.clear_message()
        text = self.first.text()
        try:
            require_acceptable(text)
        except DomainError as exc:
            self.first_message.show_message(str(exc))
            self.first.setFocus()
            return None
        try:
            require_acceptable(text, self.second.text())
        except DomainError as exc:
            self.second_message.show_message(str(exc))
            self.second.setFocus()
            return None
        return text

    def message_for(self, exc: Exception) -> None:
        """Show an error from a service (for example a refused passphrase) beside the first box."""
        self.first_message.show_message(str(exc))
        self.first.setFocus()

    def _on_text_changed(self) -> None:
        text = self.first.text()
        if not text:
            self.strength_label.setText("Strength: type a passphrase to see how strong it is.")
        else:
            judged = strength(text)
            self.strength_label.setText(
                f"Strength: {_SCORE_WORDS[judged.score]} ({judged.score} of 4). {judged.hint}"
            )
        self.strength_label.setAccessibleDescription(self.strength_label.text())
        self.changed.emit()

    def _on_show_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)
