"""A PA's documents (contract, right-to-work evidence, DBS certificate), kept inside the book.

Shown at the foot of the Paperwork tab: the documents about this PA, a kind to add as, and buttons
to add, view and save a copy. Adding and reading go through the worker; a copy is written only where
the user chooses in a Save As dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pa_manager.services import documents
from pa_manager.services.book import Book
from pa_manager.services.documents import PA_KINDS, DocumentInfo
from pa_manager.services.errors import BookError
from pa_manager.ui.pages.money.flow_layout import flow_row
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel
from pa_manager.ui.widgets.date_edit import format_date
from pa_manager.ui.widgets.document_files import choose_copy_path, choose_documents
from pa_manager.ui.widgets.field_message import FieldMessage, add_field, make_form

EMPTY = "No documents about this PA yet. Choose a kind and “Add a document…”."


class PaDocumentsSection(QWidget):
    """The documents about one PA. `choose_files` and `choose_save_path` ask the user; tests
    replace them."""

    def __init__(self, tasks: TaskRunner, book: Book, pa_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks, self._book, self._pa_id = tasks, book, pa_id
        self._docs: list[DocumentInfo] = []
        self.choose_files: Callable[[], list[Path]] = lambda: choose_documents(self, "Add documents")
        self.choose_save_path: Callable[[str], Path | None] = lambda name: choose_copy_path(self, name)
        heading = ScaledLabel("Documents kept in the book", scale=1.15, bold=True)
        self.list = QListWidget()
        self.list.setAccessibleName("Documents about this PA")
        self.list.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.empty = QLabel(EMPTY)
        self.empty.setWordWrap(True)
        self.kind = QComboBox()
        for kind in PA_KINDS:
            self.kind.addItem(kind.label, kind)
        form = make_form()
        add_field(form, "&Kind of document to add", self.kind)
        self.add_button = QPushButton("Add a &document…")
        self.view_button = QPushButton("&View document")
        self.export_button = QPushButton("Save a cop&y as…")
        buttons = flow_row(self.add_button, self.view_button, self.export_button)
        self.message = FieldMessage()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 8, 0, 0)
        for widget in (heading, self.empty, self.list):
            column.addWidget(widget)
        column.addLayout(form)
        column.addWidget(buttons)
        column.addWidget(self.message)
        column.addWidget(self.note)
        self.add_button.clicked.connect(self._on_add)
        self.view_button.clicked.connect(self._on_view)
        self.export_button.clicked.connect(self._on_export)
        self.list.itemActivated.connect(lambda _item: self._on_view())
        self.viewer: QWidget | None = None
        self.reload()

    def reload(self) -> None:
        book, pa_id = self._book, self._pa_id
        self._tasks.run(lambda: documents.list_documents(book, pa_id=pa_id), self._loaded, owner=self)

    def _loaded(self, docs: list[DocumentInfo]) -> None:
        self._docs = docs
        self.list.clear()
        for doc in docs:
            item = QListWidgetItem(f"{doc.title} — {documents.kind_label(doc.kind)}, {format_date(doc.day)}")
            item.setData(Qt.ItemDataRole.UserRole, doc.id)
            self.list.addItem(item)
        self.list.setVisible(bool(docs))
        self.empty.setVisible(not docs)
        self.view_button.setEnabled(bool(docs))
        self.export_button.setEnabled(bool(docs))
        if docs:
            self.list.setCurrentRow(0)

    def titles(self) -> list[str]:
        return [d.title for d in self._docs]

    def _current(self) -> DocumentInfo | None:
        row = self.list.currentRow()
        return self._docs[row] if 0 <= row < len(self._docs) else None

    def _on_add(self) -> None:
        paths = self.choose_files()
        if not paths:
            return
        book, pa_id, kind = self._book, self._pa_id, self.kind.currentData()

        def work() -> list[str]:
            problems = []
            for path in paths:
                try:
                    documents.add_file(book, path, kind=kind, pa_id=pa_id)
                except BookError as err:
                    problems.append(str(err))
            return problems

        self.message.clear_message()
        self._tasks.run(work, self._added, self.message.show_message, owner=self)

    def _added(self, problems: list[str]) -> None:
        if problems:
            self.message.show_message(" ".join(problems))
        self.reload()

    def _on_view(self) -> None:
        from pa_manager.ui.pages.receipts.viewer_dialog import ViewerDialog

        doc = self._current()
        if doc is None:
            return
        viewer = ViewerDialog(self._tasks, self._book, doc, self)
        viewer.export_requested.connect(lambda: self._export(doc))
        self.viewer = viewer
        viewer.show()

    def _on_export(self) -> None:
        doc = self._current()
        if doc is not None:
            self._export(doc)

    def _export(self, doc: DocumentInfo) -> None:
        target = self.choose_save_path(doc.name)
        if target is None:
            return
        book = self._book
        self._tasks.run(
            lambda: documents.export_document(book, doc.id, target),
            lambda path: self._saved_copy(path),
            self.message.show_message,
            owner=self,
        )

    def _saved_copy(self, path: Path) -> None:
        self.note.setText(f"Saved an unencrypted copy as {path}.")
        self.note.show()

    def hideEvent(self, event: QHideEvent) -> None:
        # The record closing (or the book locking) closes a viewer opened from here.
        if self.viewer is not None:
            self.viewer.close()
        super().hideEvent(event)
