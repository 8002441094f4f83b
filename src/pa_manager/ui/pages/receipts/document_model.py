"""The document list: one row per stored document, its thumbnail filled in when it arrives."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from pa_manager.services.documents import DocumentInfo, kind_label
from pa_manager.ui.pages.receipts.thumbnails import ThumbnailLoader
from pa_manager.ui.widgets.date_edit import format_date

# Who or what a document is evidence for is its text's third line, not a column of its own: at
# large text sizes a fourth column leaves the document's name no room.
COLUMNS = ("Picture", "Document", "Date")
PICTURE, NAME, DATE = range(len(COLUMNS))
_Index = QModelIndex | QPersistentModelIndex


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def type_text(doc: DocumentInfo) -> str:
    if doc.mime == "application/pdf":
        return f"PDF, {doc.pages} {'page' if doc.pages == 1 else 'pages'}"
    return "picture"


class DocumentTableModel(QAbstractTableModel):
    """Read-only; text is formatted on demand, thumbnails asked for only when a row is drawn."""

    def __init__(self, thumbnails: ThumbnailLoader, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentInfo] = []
        self._row_of: dict[int, int] = {}
        self._thumbnails = thumbnails
        thumbnails.ready.connect(self._on_thumbnails)

    def set_rows(self, rows: Sequence[DocumentInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {d.id: i for i, d in enumerate(self._rows)}
        self.endResetModel()

    def rows(self) -> list[DocumentInfo]:
        return self._rows

    def row_at(self, row: int) -> DocumentInfo:
        return self._rows[row]

    def row_of(self, document_id: int) -> int | None:
        return self._row_of.get(document_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS)
        if horizontal and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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
