"""Asking the user which documents to add and where to save a plain copy of one.

Shared by the Receipts page and a PA's documents. A copy is the only plaintext a document ever
becomes, so the Save As title says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from pa_manager.services import document_files


def choose_documents(parent: QWidget, title: str) -> list[Path]:
    """The files picked in an Open dialog (pictures and PDFs), or none."""
    names, _filter = QFileDialog.getOpenFileNames(parent, title, str(Path.home()), document_files.FILE_FILTER)
    return [Path(n) for n in names]


def choose_copy_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to write a decrypted copy of a document, or None when the user cancels."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, "Save a copy of the document (it will not be encrypted)", str(Path.home() / suggested)
    )
    return Path(name) if name else None
