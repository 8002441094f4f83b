"""The register's table view: whole-row selection, fixed row heights and column widths worked
out from the text size (never from measuring 10,000 cells), and keys for the common actions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from pa_manager.ui.pages.money.register_model import (
    BALANCE,
    CATEGORY,
    CHECK,
    COLUMNS,
    DATE,
    EVIDENCE,
    MONEY_IN,
    MONEY_OUT,
    PA,
    PAYEE,
    REFERENCE,
    STATE,
    RegisterTableModel,
)

# What each column must show in full (wider text is elided, with the whole in a tooltip); the
# widths follow the text size because they are measured in the current font.
_SAMPLES = {
    DATE: "00/00/0000",
    PAYEE: "Anytown Council Direct",
    REFERENCE: "Reference 0000",
    CATEGORY: "PA expenses and mileage",
    PA: "Chloe Davies",
    MONEY_IN: "£00,000.00",
    MONEY_OUT: "£00,000.00",
    BALANCE: "-£000,000.00",
    STATE: "Reconciled (locked)",
    CHECK: "⚠ Check",
    EVIDENCE: "✗ Missing",
}


class RegisterView(QTableView):
    """Enter or F2 edits, Delete deletes, Space marks cleared; the page connects the actions."""

    def __init__(self, model: RegisterTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Money in and out")
        self.setAccessibleDescription(
            "One line per payment. Enter or F2 edits the line, Delete deletes it, Space marks it "
            "cleared or not cleared."
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere else
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setSortIndicator(DATE, Qt.SortOrder.AscendingOrder)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 9)

        self.edit_action = self._action("Edit line…", ["Return", "Enter", "F2"])
        self.delete_action = self._action("Delete line…", [QKeySequence(QKeySequence.StandardKey.Delete)])
        self.toggle_action = self._action("Mark cleared or not cleared", ["Space"])
        self.fit_columns()

    def _action(self, text: str, keys: list[str] | list[QKeySequence]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.addAction(action)
        return action

    def fit_columns(self) -> None:
        """Column widths and row height for the current text size."""
        metrics = self.fontMetrics()
        pad = metrics.averageCharWidth() * 2
        header_metrics = self.horizontalHeader().fontMetrics()
        for column, sample in _SAMPLES.items():
            # Room for the header's sort arrow, too.
            title = header_metrics.horizontalAdvance(COLUMNS[column]) + 2 * pad
            self.setColumnWidth(column, max(metrics.horizontalAdvance(sample) + pad, title))
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setDefaultSectionSize(metrics.lineSpacing() + 8)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_columns()
