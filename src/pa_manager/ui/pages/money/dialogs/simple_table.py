"""A read-mostly table for the Money dialogs: whole-row selection, Tab leaves the table, money
right-aligned, and column widths worked out from the text size (never by measuring every cell)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from pa_manager.domain.money import Money

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def text_item(text: str, *, tooltip: bool = False) -> QTableWidgetItem:
    """A cell that cannot be typed in; `tooltip` repeats long text for when it is cut short."""
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tooltip:
        item.setToolTip(text)
    return item


def money_item(amount: Money) -> QTableWidgetItem:
    """An amount such as "-£180.00", right-aligned; the minus sign, not colour, marks money out."""
    item = text_item(amount.format())
    item.setTextAlignment(RIGHT)
    item.setData(Qt.ItemDataRole.UserRole, amount.pence)
    return item


class SimpleTable(QTableWidget):
    """Columns are given as (title, width in average characters); the last one stretches."""

    def __init__(
        self, columns: Sequence[tuple[str, int]], accessible_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(0, len(columns), parent)
        self._chars = [chars for _title, chars in columns]
        self.setHorizontalHeaderLabels([title for title, _chars in columns])
        self.setAccessibleName(accessible_name)
        self.horizontalHeader().setAccessibleName(f"{accessible_name}: column headings")
        self.verticalHeader().setAccessibleName(f"{accessible_name}: line numbers")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere else
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.fit_columns()

    def set_visible_lines(self, lines: int) -> None:
        """Ask for room for about `lines` rows (the table scrolls beyond that)."""
        self._lines = lines
        self.fit_columns()

    def fit_columns(self) -> None:
        """Column widths and row height for the current text size."""
        metrics = self.fontMetrics()
        char = metrics.averageCharWidth()
        header = self.horizontalHeader()
        for column, chars in enumerate(self._chars):
            item = self.horizontalHeaderItem(column)
            title = header.fontMetrics().horizontalAdvance(item.text() if item else "") + 2 * char
            self.setColumnWidth(column, max(chars * char, title))
        row_height = metrics.lineSpacing() + 10
        self.verticalHeader().setDefaultSectionSize(row_height)
        lines = getattr(self, "_lines", 6)
        self.setMinimumHeight(header.sizeHint().height() + row_height * lines + 4)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_columns()
