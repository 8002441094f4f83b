from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFileOpenEvent

from pa_manager.ui.file_open import PAApplication, book_to_open


def test_macos_file_open_event_names_the_book(tmp_path: Path) -> None:
    assert book_to_open(QFileOpenEvent(str(tmp_path / "jane.pabook"))) == tmp_path / "jane.pabook"
    assert book_to_open(QFileOpenEvent(str(tmp_path / "notes.txt"))) is None  # not a book
    assert book_to_open(QEvent(QEvent.Type.MouseMove)) is None


def test_the_application_class_offers_the_request_signal() -> None:
    # pytest-qt owns the one QApplication, so the subclass cannot be made here; check its shape.
    assert hasattr(PAApplication, "book_open_requested")
    assert PAApplication.event is not PAApplication.__mro__[1].event
