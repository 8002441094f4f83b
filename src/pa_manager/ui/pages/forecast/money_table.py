"""A read-only table of text cells with money right-aligned, for the charts' "same numbers" view.

Rows are plain strings already formatted from Money by the page; the view copies the selection
as tab-separated text (Ctrl+C) so it pastes into a spreadsheet.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTabWidget, QWidget

_Index = QModelIndex | QPersistentModelIndex


class TextTableModel(QAbstractTableModel):
    """Headers and rows of text; every column after the first is right-aligned (amounts)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[list[str]] = []

    def set_rows(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        self.beginResetModel()
        self.headers = list(headers)
        self.rows = [list(r) for r in rows]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if section < len(self.headers) else None
        return None


class TextTableView(QTableView):
    """The table: whole rows selected, columns sized to their text, Ctrl+C copies."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = TextTableModel(self)
        self.setModel(self.model_)
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere else in the app
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def set_rows(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        self.model_.set_rows(headers, rows)
        self.resizeRowsToContents()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            QGuiApplication.clipboard().setText(self.selected_text())
            return
        super().keyPressEvent(event)

    def selected_text(self) -> str:
        """The selected rows (or all rows) with headers, tab-separated."""
        rows = sorted({i.row() for i in self.selectedIndexes()}) or range(len(self.model_.rows))
        lines = ["\t".join(self.model_.headers)]
        lines += ["\t".join(self.model_.rows[r]) for r in rows]
        return "\n".join(lines)


def chart_and_table(chart: QWidget, table: TextTableView) -> QTabWidget:
    """The chart and, on a tab of its own, the same numbers as a table (for screen readers too)."""
    tabs = QTabWidget()
    tabs.addTab(chart, "&Chart")
    tabs.addTab(table, "&Table (same numbers)")
    return tabs
