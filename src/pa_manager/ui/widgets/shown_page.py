"""A page whose figures are read from the book on the worker each time it is shown, not at unlock.

Another page may have changed the book since this one was last shown, so showing it reads again;
a page that is not on screen reads nothing when a book is opened.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from pa_manager.services.book import Book
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner


class LoadsWhenShown(QWidget):
    """Subclasses say what no book looks like (`_clear`) and start the reading (`_load`)."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._opened: OpenedBook | None = None

    def set_book(self, opened: OpenedBook | None) -> None:
        self._opened = opened
        if opened is None:
            self._clear()
        elif self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._opened is not None:
            self.refresh()

    def refresh(self) -> None:
        if self._opened is not None:
            self._load(self._opened.book)

    def _clear(self) -> None:
        raise NotImplementedError

    def _load(self, book: Book) -> None:
        """Start reading `book` on the worker (`self._tasks`)."""
        raise NotImplementedError
