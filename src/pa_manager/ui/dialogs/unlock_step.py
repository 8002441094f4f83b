"""The first step of unlocking: passphrase, recovery code or remembered key, and visit mode."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pa_manager.ui.text_size import ScaledLabel
from pa_manager.ui.widgets.field_message import FieldMessage, add_field, make_form


class UnlockMode(Enum):
    """The three ways to open a book."""

    PASSPHRASE = "passphrase"
    RECOVERY = "recovery"
    REMEMBERED = "remembered"


@dataclass(frozen=True, slots=True)
class UnlockRequest:
    """What the person asked for; the dialog turns it into an `open_book` call."""

    mode: UnlockMode
    secret: str
    visit_mode: bool


class UnlockStep(QWidget):
    """Choose how to unlock, type the secret, and say whether this is a visit."""

    def __init__(self, path: Path, parent: QWidget | None = None, *, visit_mode: bool = False) -> None:
        super().__init__(parent)
        self._remembered = False
        self.heading = ScaledLabel(f"Unlock “{path.stem}”", scale=1.4, bold=True)
        self.heading.setWordWrap(True)
        intro = QLabel(
            "This book is kept encrypted. Type its passphrase to open it. If you have forgotten "
            "the passphrase, use the recovery code printed on the recovery sheet."
        )
        intro.setWordWrap(True)
        where = QLabel(f"File: {path}")
        where.setWordWrap(True)

        self.passphrase_choice = QRadioButton("Type the &passphrase")
        self.recovery_choice = QRadioButton("Use the &recovery code from the recovery sheet")
        self.remembered_choice = QRadioButton("Use the key &remembered on this computer")
        self.remembered_choice.hide()  # shown once we know the key is in this computer's keyring
        self._choices = QButtonGroup(self)
        for button in (self.passphrase_choice, self.recovery_choice, self.remembered_choice):
            self._choices.addButton(button)
            button.toggled.connect(self._on_mode_toggled)

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMaxLength(1024)
        self.recovery_code = QLineEdit()
        self.recovery_code.setMaxLength(200)
        self.recovery_code.setPlaceholderText("ABCDE-FGHJK-…")
        self._form = make_form()
        self.passphrase_message = add_field(self._form, "Pa&ssphrase:", self.passphrase)
        self.recovery_message = add_field(
            self._form,
            "Recovery &code:",
            self.recovery_code,
            "13 groups of five letters and numbers. Spaces, dashes and capitals do not matter.",
        )
        self.remembered_note = QLabel(
            "This computer remembers the key for this book, so no passphrase is needed."
        )
        self.remembered_note.setWordWrap(True)
        self.general_message = FieldMessage(self.remembered_choice)

        self.visit_box = QCheckBox("&Visit mode (support worker's laptop)")
        self.visit_box.setChecked(visit_mode)
        visit_note = QLabel(
            "In visit mode nothing about this book is kept on this computer: it is not added to "
            "recent books, settings are not saved and the key is not remembered."
        )
        visit_note.setWordWrap(True)
        self.visit_box.setAccessibleDescription(visit_note.text())
        self.visit_box.toggled.connect(self._on_visit_toggled)

        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(intro)
        column.addWidget(where)
        column.addWidget(self.passphrase_choice)
        column.addWidget(self.recovery_choice)
        column.addWidget(self.remembered_choice)
        column.addLayout(self._form)
        column.addWidget(self.remembered_note)
        column.addWidget(self.general_message)
        column.addSpacing(8)
        column.addWidget(self.visit_box)
        column.addWidget(visit_note)
        column.addStretch(1)
        self.passphrase_choice.setChecked(True)

    # -- what the dialog calls ------------------------------------------------------------
    def set_remembered(self, remembered: bool) -> None:
        """Offer the remembered key (and choose it) when this computer's keyring holds it."""
        offered = remembered and not self.visit_box.isChecked()
        self.remembered_choice.setVisible(offered)
        if offered:
            self.remembered_choice.setChecked(True)
        elif self.remembered_choice.isChecked():
            self.passphrase_choice.setChecked(True)
        self._remembered = remembered

    def mode(self) -> UnlockMode:
        if self.recovery_choice.isChecked():
            return UnlockMode.RECOVERY
        if self.remembered_choice.isChecked() and self.remembered_choice.isVisible():
            return UnlockMode.REMEMBERED
        return UnlockMode.PASSPHRASE

    def request(self) -> UnlockRequest | None:
        """The unlock asked for, or None after saying what is missing beside the field."""
        self.clear_messages()
        mode = self.mode()
        visit = self.visit_box.isChecked()
        if mode is UnlockMode.PASSPHRASE:
            if not self.passphrase.text():
                self.show_error("Type the passphrase for this book.")
                return None
            return UnlockRequest(mode, self.passphrase.text(), visit)
        if mode is UnlockMode.RECOVERY:
            if not self.recovery_code.text().strip():
                self.show_error("Type the recovery code from the recovery sheet.")
                return None
            return UnlockRequest(mode, self.recovery_code.text(), visit)
        return UnlockRequest(mode, "", visit)

    def show_error(self, message: str) -> None:
        """Put the message beside the field in use and give that field the focus again."""
        mode = self.mode()
        if mode is UnlockMode.PASSPHRASE:
            self.passphrase_message.show_message(message)
            self.passphrase.setFocus()
            self.passphrase.selectAll()
        elif mode is UnlockMode.RECOVERY:
            self.recovery_message.show_message(message)
            self.recovery_code.setFocus()
            self.recovery_code.selectAll()
        else:
            self.general_message.show_message(message)
            self.remembered_choice.setFocus()

    def clear_messages(self) -> None:
        for message in (self.passphrase_message, self.recovery_message, self.general_message):
            message.clear_message()

    def focus_first(self) -> None:
        mode = self.mode()
        if mode is UnlockMode.PASSPHRASE:
            self.passphrase.setFocus()
        elif mode is UnlockMode.RECOVERY:
            self.recovery_code.setFocus()
        else:
            self.remembered_choice.setFocus()

    # -- slots -----------------------------------------------------------------------------
    def _on_mode_toggled(self, _checked: bool) -> None:
        mode = self.mode()
        for message, shown in (
            (self.passphrase_message, mode is UnlockMode.PASSPHRASE),
            (self.recovery_message, mode is UnlockMode.RECOVERY),
        ):
            assert message.row is not None
            self._form.setRowVisible(message.row, shown)
        self.remembered_note.setVisible(mode is UnlockMode.REMEMBERED)
        self.clear_messages()

    def _on_visit_toggled(self, _checked: bool) -> None:
        # A visit never touches this computer's keyring, so the remembered key is not offered.
        self.set_remembered(self._remembered)
