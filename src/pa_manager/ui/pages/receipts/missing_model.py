"""The missing-evidence list: payments that need a receipt or invoice and have none linked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from pa_manager.services.evidence import MissingEvidence
from pa_manager.ui.widgets.date_edit import format_date

COLUMNS = ("Date", "Paid to", "Category", "Amount")
DATE, PAYEE, CATEGORY, AMOUNT = range(len(COLUMNS))
_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class MissingTableModel(QAbstractTableModel):
    """Read-only, oldest first as the service gives them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MissingEvidence] = []

    def set_rows(self, rows: Sequence[MissingEvidence]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[MissingEvidence]:
        return self._rows

    def row_at(self, row: int) -> MissingEvidence:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return COLUMNS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section == AMOUNT else _LEFT
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == DATE:
                return format_date(m.day)
            if column == PAYEE:
                return m.payee
            if column == CATEGORY:
                return m.category.label
            if column == AMOUNT:
                text = (-m.amount).format()
                return text if role == Qt.ItemDataRole.DisplayRole else f"Paid {text}, no evidence yet"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == AMOUNT else _LEFT
        if role == Qt.ItemDataRole.UserRole:
            return m.txn_id
        return None
