from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from pa_manager.ui.file_open import FileOpenFilter


def test_macos_file_open_event_asks_to_open_the_book(qapp: QApplication, tmp_path: Path) -> None:
    opened: list[Path] = []
    file_opens = FileOpenFilter()
    file_opens.path_opened.connect(opened.append)
    qapp.installEventFilter(file_opens)
    try:
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(tmp_path / "jane.pabook")))
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(tmp_path / "notes.txt")))  # not a book
    finally:
        qapp.removeEventFilter(file_opens)
    assert opened == [tmp_path / "jane.pabook"]
