"""Change the book's passphrase: the current one, then the new one twice with a strength hint.

Only the small keys file changes (the key is re-wrapped); the book itself is not rewritten.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pa_manager.services.book import Book, change_passphrase
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel, fit_to_text
from pa_manager.ui.widgets.field_message import add_field, make_form
from pa_manager.ui.widgets.passphrase_pair import PassphrasePairWidget
from pa_manager.ui.widgets.scrolling import scrolling


class ChangePassphraseDialog(QDialog):
    """Accepts once the service has changed the passphrase; a refusal is shown beside the field."""

    def __init__(self, book: Book, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change the passphrase — PA Manager")
        self._book = book
        self._tasks = tasks
        heading = ScaledLabel("Change the passphrase", scale=1.4, bold=True)
        intro = QLabel(
            "Type the passphrase you use now, then the new one twice. The recovery sheet keeps "
            "working; the old passphrase will not open the book any more."
        )
        intro.setWordWrap(True)
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setMaxLength(1024)
        form = make_form()
        self.current_message = add_field(form, "&Current passphrase:", self.current)
        self.pair = PassphrasePairWidget()
        self.buttons = QDialogButtonBox()
        self.primary = QPushButton("C&hange passphrase")
        self.primary.setDefault(True)
        self.buttons.addButton(self.primary, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)  # Enter always means "Change passphrase"
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(heading)
        inner.addWidget(intro)
        inner.addLayout(form)
        inner.addWidget(self.pair)
        inner.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(scrolling(content))
        column.addWidget(self.buttons)
        fit_to_text(self, 80, 30)
        self.current.setFocus()

    def _on_accepted(self) -> None:
        self.current_message.clear_message()
        if not self.current.text():
            self.current_message.show_message("Type the passphrase you use now.")
            self.current.setFocus()
            return
        new = self.pair.passphrase()
        if new is None:
            return
        if new == self.current.text():
            self.pair.first_message.show_message("The new passphrase is the same as the old one.")
            self.pair.first.setFocus()
            return
        book, current = self._book, self.current.text()
        self._set_busy(True)
        self._tasks.run(
            lambda: change_passphrase(book, current, new),
            self._on_changed,
            self._on_failed,
            owner=self,
        )

    def _on_changed(self, _result: object) -> None:
        self._set_busy(False)
        self.accept()

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        # The usual refusal is a wrong current passphrase, so the message goes there.
        self.current_message.show_message(message)
        self.current.setFocus()
        self.current.selectAll()

    def _set_busy(self, busy: bool) -> None:
        self.primary.setEnabled(not busy)
