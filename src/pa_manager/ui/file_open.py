"""Books opened from the file manager on macOS, which arrive as a FileOpen event, not as arguments.

On Linux and Windows the file manager starts `pa-manager BOOK` and `single_instance` hands the
path to a running copy; macOS instead sends the application object a QFileOpenEvent. We catch it
in `PAApplication.event`, which sees only events aimed at the application itself. (An
application-wide event filter written in Python would see every event in the program; tried, it
starved queued deliveries from the worker thread.)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication


def book_to_open(event: QEvent) -> Path | None:
    """The `.pabook` a FileOpen event asks for, or None for any other event or file."""
    if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
        path = Path(event.file())
        if path.suffix.lower() == ".pabook":
            return path
    return None


class PAApplication(QApplication):
    """The QApplication, plus `book_open_requested` when the system asks us to open a book."""

    book_open_requested = Signal(Path)

    def event(self, event: QEvent) -> bool:
        path = book_to_open(event)
        if path is not None:
            self.book_open_requested.emit(path)
            return True
        return super().event(event)
