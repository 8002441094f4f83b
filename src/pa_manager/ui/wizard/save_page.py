"""Wizard page 5: where to save the book file (never over an existing one)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from pa_manager.ui.wizard.form_page import FormPage

SUFFIX = ".pabook"


def default_book_path(holder_name: str) -> Path:
    """Documents/"Jane Smith.pabook", or the home folder if there is no Documents folder;
    characters that upset file systems are dropped from the name."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    stem = re.sub(r'[\\/:*?"<>|]+', "", holder_name).strip() or "My book"
    return folder / f"{stem}{SUFFIX}"


class SavePage(FormPage):
    """A path box with a Choose… button; checks the folder exists and the name is free."""

    def __init__(self, holder_name: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(
            "Where should the book be saved?",
            "The book is one file, kept encrypted, with a small keys file beside it. Keep them "
            "together, and back them up. A USB stick works too.",
            parent,
        )
        self._holder_name = holder_name
        self.path = QLineEdit()
        self.choose = QPushButton("C&hoose…")
        self.choose.setAccessibleDescription("Pick the folder and file name in a file window.")
        self.choose.clicked.connect(self._on_choose_clicked)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.path, 1)
        line.addWidget(self.choose)
        self.path_message = self.field_row("&Save the book as:", self.path, row=row)

    def initializePage(self) -> None:
        if not self.path.text().strip():
            self.path.setText(str(default_book_path(self._holder_name())))

    def book_path(self) -> Path:
        text = self.path.text().strip()
        path = Path(text).expanduser()
        return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)

    def validatePage(self) -> bool:
        self.clear_messages()
        if not self.path.text().strip():
            return self.refuse(self.path_message, self.path, "Choose where to save the book.")
        path = self.book_path()
        if not path.parent.is_dir():
            return self.refuse(
                self.path_message,
                self.path,
                f"The folder {path.parent} does not exist. Choose another place.",
            )
        keys = path.with_name(path.name + ".keys")
        if path.exists() or keys.exists():
            return self.refuse(
                self.path_message,
                self.path,
                f"There is already a book called “{path.name}” there. Choose another name so "
                "it is not overwritten.",
            )
        self.path.setText(str(path))
        return True

    def _on_choose_clicked(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            "Save the book as",
            str(self.book_path() if self.path.text().strip() else default_book_path("")),
            f"PA Manager books (*{SUFFIX})",
        )
        if chosen:
            self.path.setText(chosen)
