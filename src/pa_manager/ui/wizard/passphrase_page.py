"""Wizard page 6: the passphrase (twice, with a live strength hint); leaving it creates the book.

This is the commit page: "Create the book" runs `create_book` on the worker. validatePage
returns False while that runs and calls `next()` again when it is done, so the wizard moves on
only once the book really exists.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QLabel, QWidget, QWizard

from pa_manager.services.book import CreatedBook
from pa_manager.ui.widgets.field_message import FieldMessage
from pa_manager.ui.widgets.passphrase_pair import PassphrasePairWidget
from pa_manager.ui.wizard.form_page import FormPage

Creator = Callable[[str, bool, Callable[[CreatedBook], None], Callable[[str], None]], None]


class PassphrasePage(FormPage):
    """Passphrase twice and "remember on this computer"; creates the book when accepted."""

    def __init__(self, create: Creator, parent: QWidget | None = None) -> None:
        super().__init__(
            "Choose a passphrase",
            "The passphrase opens the book. Pick something long that you will remember: four "
            "ordinary words are easier to remember and harder to guess than a short password.",
            parent,
        )
        self._create = create
        self.created: CreatedBook | None = None
        self.passphrase: str = ""
        self._busy = False
        self.pair = PassphrasePairWidget(first_label="&Passphrase:")
        self.remember = QCheckBox("&Remember on this computer")
        self.remember.setAccessibleDescription(
            "Keep the key in this computer's password store so the book opens without typing the passphrase."
        )
        self.remember_note = QLabel(
            "Only tick this on a computer that nobody else uses. You can change it later."
        )
        self.remember_note.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.create_message = FieldMessage(self.pair.first)
        self.add_widget(self.pair)
        self.add_widget(self.remember)
        self.add_widget(self.remember_note)
        self.add_widget(self.create_message)
        self.add_widget(self.status)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Create the book")

    def set_keyring_usable(self, usable: bool) -> None:
        self.remember.setEnabled(usable)
        if not usable:
            self.remember.setChecked(False)
            self.remember_note.setText(
                "This computer has no password store PA Manager can use, so you will type the "
                "passphrase each time. That is normal on some computers."
            )

    def validatePage(self) -> bool:
        if self.created is not None:
            return True
        if self._busy:
            return False
        self.create_message.clear_message()
        passphrase = self.pair.passphrase()
        if passphrase is None:
            return False
        self.passphrase = passphrase
        self._busy = True
        self.setEnabled(False)
        self.status.setText("Creating the book… this takes a few seconds.")
        self._create(passphrase, self.remember.isChecked(), self._on_created, self._on_failed)
        return False

    def is_busy(self) -> bool:
        return self._busy

    def _on_created(self, created: CreatedBook) -> None:
        self._busy = False
        self.setEnabled(True)
        self.created = created
        self.status.setText("The book is created.")
        wizard = self.wizard()
        if wizard is not None:
            wizard.next()

    def _on_failed(self, message: str) -> None:
        self._busy = False
        self.setEnabled(True)
        self.status.clear()
        self.create_message.show_message(message)
        self.pair.first.setFocus()
