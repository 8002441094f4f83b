"""The document list: one row per stored document, its thumbnail filled in when it arrives."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from pa_manager.services.documents import DocumentInfo, kind_label
from pa_manager.ui.pages.receipts.thumbnails import ThumbnailLoader
from pa_manager.ui.widgets.date_edit import format_date
from pa_manager.ui.widgets.row_model import Index, RowTableModel

# Who or what a document is evidence for is its text's third line, not a column of its own: at
# large text sizes a fourth column leaves the document's name no room.
COLUMNS = ("Picture", "Document", "Date")
PICTURE, NAME, DATE = range(len(COLUMNS))


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def type_text(doc: DocumentInfo) -> str:
    if doc.mime == "application/pdf":
        return f"PDF, {doc.pages} {'page' if doc.pages == 1 else 'pages'}"
    return "picture"


class DocumentTableModel(RowTableModel[DocumentInfo]):
    """Read-only; text is formatted on demand, thumbnails asked for only when a row is drawn."""

    columns = COLUMNS
    align_headers = False

    def __init__(self, thumbnails: ThumbnailLoader, parent: Any = None) -> None:
        super().__init__(parent)
        self._row_of: dict[int, int] = {}
        self._thumbnails = thumbnails
        thumbnails.ready.connect(self._on_thumbnails)

    def _rows_set(self) -> None:
        self._row_of = {d.id: i for i, d in enumerate(self._rows)}

    def row_of(self, document_id: int) -> int | None:
        return self._row_of.get(document_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        doc = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DecorationRole and column == PICTURE:
            return self._thumbnails.pixmap(doc.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(doc, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == PICTURE:
                return f"Thumbnail of {doc.title}"
            return self._text(doc, column).replace("\n", ", ")
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return f"{doc.title} (file {doc.name}). Evidence for: {doc.linked_to}"
        if role == Qt.ItemDataRole.UserRole:
            return doc.id
        return None

    def _text(self, doc: DocumentInfo, column: int) -> str:
        if column == NAME:
            return (
                f"{doc.title}\n{kind_label(doc.kind)} · {type_text(doc)} · {size_text(doc.size)}\n"
                f"Evidence for: {doc.linked_to}"
            )
        if column == DATE:
            return format_date(doc.day)
        return ""

    def _on_thumbnails(self, ids: list[int]) -> None:
        rows = [r for r in (self._row_of.get(i) for i in ids) if r is not None]
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), PICTURE),
                self.index(max(rows), PICTURE),
                [Qt.ItemDataRole.DecorationRole],
            )
