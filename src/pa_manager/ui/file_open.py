"""Books opened from the file manager on macOS, which arrive as a FileOpen event, not as arguments.

On Linux and Windows the file manager starts `pa-manager BOOK` and `single_instance` hands the
path to a running copy; macOS instead sends the running app a QFileOpenEvent.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFileOpenEvent


class FileOpenFilter(QObject):
    """Install on the QApplication; emits `path_opened` for each `.pabook` the system asks to open."""

    path_opened = Signal(Path)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = Path(event.file())
            if path.suffix.lower() == ".pabook":
                self.path_opened.emit(path)
                return True
        return False
