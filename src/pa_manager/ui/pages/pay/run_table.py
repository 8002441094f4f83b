"""The run's table view: whole rows, column widths from the text size, all rows shown (a run has
a handful of PAs, and the page scrolls), Enter opens the payslip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableView, QWidget

from pa_manager.ui.pages.pay.run_table_model import COLUMNS, NAME, RunTableModel

_NAME_SAMPLE = "Christopher Davies"  # longer names are elided, whole in the tooltip
_MONEY_SAMPLE = "£00,000.00"


class RunTable(QTableView):
    """`open_requested(row)` when Enter is pressed or a payslip row is double-clicked."""

    open_requested = Signal(int)

    def __init__(self, model: RunTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Pay in this run")
        self.setAccessibleDescription(
            "One row for each PA and a total row. Enter shows the selected PA's payslip."
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setHighlightSections(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.doubleClicked.connect(lambda index: self.open_requested.emit(index.row()))
        model.modelReset.connect(self.updateGeometry)
        self.fit_columns()

    def fit_columns(self) -> None:
        metrics = self.fontMetrics()
        header = self.horizontalHeader().fontMetrics()
        pad = metrics.averageCharWidth() * 2
        for column, (title, _spoken, _fields) in enumerate(COLUMNS):
            sample = _NAME_SAMPLE if column == NAME else _MONEY_SAMPLE
            self.setColumnWidth(
                column, max(metrics.horizontalAdvance(sample), header.horizontalAdvance(title)) + pad
            )
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setDefaultSectionSize(metrics.lineSpacing() + 8)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        rows = max(self.model().rowCount(), 2)
        height = (
            self.horizontalHeader().sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
        )
        scroll = self.horizontalScrollBar().sizeHint().height()
        return QSize(super().sizeHint().width(), height + scroll + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 30, self.sizeHint().height())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_columns()
