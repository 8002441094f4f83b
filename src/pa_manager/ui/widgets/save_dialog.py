"""The frame of a small dialog that writes to the book: a heading, Save and Cancel, a place for the
refusal, and the write run on the worker, after which the dialog says `saved` and closes.

A subclass builds its fields, lays out `heading`, its own widgets, `problem` and `buttons` as it
likes, and from `_on_save` checks what was typed and hands the write to `save_on_worker`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from pa_manager.services.book import Book
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel
from pa_manager.ui.widgets.field_message import FieldMessage


class SaveDialog(QDialog):
    """`saved` after the write succeeded; a refusal is shown in `problem` and the dialog stays."""

    saved = Signal()

    def __init__(
        self,
        tasks: TaskRunner,
        book: Book,
        title: str,
        heading: str,
        parent: QWidget | None = None,
        save_text: str = "&Save",
    ) -> None:
        super().__init__(parent)
        self._tasks, self._book = tasks, book
        self.setWindowTitle(title)
        self.heading = ScaledLabel(heading, scale=1.3, bold=True)
        self.heading.setWordWrap(True)
        self.problem = FieldMessage()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)

    def _on_save(self) -> None:
        raise NotImplementedError

    def save_on_worker(self, work: Callable[[], object]) -> None:
        """Run the write off the GUI thread; close on success, show the refusal otherwise."""
        self._tasks.run(work, self._on_saved, self.problem.show_message, owner=self)

    def _on_saved(self, _result: object) -> None:
        self.saved.emit()
        self.accept()
