"""A read-only table model over a list of rows, for the lists that only show what a service gave.

Subclasses name their `columns` and format a row in `data()`; the row bookkeeping, the counts and
the headings (spoken as well as shown, money columns right-aligned) are the same for all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
SHOWN_OR_SPOKEN = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Rows as given; `columns` are the headings. `right_aligned` columns (money) align right in
    the heading too, when `align_headers` is set."""

    columns: tuple[str, ...] = ()
    right_aligned: frozenset[int] = frozenset()
    align_headers = True

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._rows_set()
        self.endResetModel()

    def _rows_set(self) -> None:
        """Called inside the reset, after `_rows` changed: for subclasses' indexes."""

    def rows(self) -> list[Row]:
        return self._rows

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def alignment(self, column: int) -> int:
        return RIGHT if column in self.right_aligned else LEFT

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role in SHOWN_OR_SPOKEN:
            return self.columns[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and self.align_headers:
            return self.alignment(section)
        return None
