"""The list of saved pay runs: period, pay date, status, net pay and what each adds to the HMRC bill.
Newest first, as the service gives them; Enter opens a run."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from pa_manager.domain.people import long_date
from pa_manager.services.pay_types import PayRunRow, PayRunStatus
from pa_manager.ui.pages.pay.pay_text import STATUS_WORDS

HEADINGS = ("Period", "Pay date", "Status", "Net pay", "HMRC due")
MONEY_COLUMNS = (3, 4)


class RunsList(QTreeWidget):
    """`open_requested(run_id)` on Enter or double-click."""

    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(HEADINGS))
        self.setHeaderLabels(list(HEADINGS))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAccessibleName("Pay runs")
        self.header().setAccessibleName("Column headings")
        self.setAccessibleDescription("Newest first. Enter shows the pay run.")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(True)
        for column in MONEY_COLUMNS:
            self.headerItem().setTextAlignment(
                column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.itemActivated.connect(self._on_activated)

    def set_runs(self, runs: list[PayRunRow], keep: int | None = None) -> None:
        self.clear()
        for run in runs:
            status = STATUS_WORDS[run.status]
            if run.status is PayRunStatus.FINALISED:
                status += " (locked)"
            item = QTreeWidgetItem(
                [run.label, long_date(run.pay_date), status, run.net.format(), run.hmrc.format()]
            )
            for column in MONEY_COLUMNS:
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(0, Qt.ItemDataRole.UserRole, run.id)
            self.addTopLevelItem(item)
            if run.id == keep:
                self.setCurrentItem(item)
        if self.currentItem() is None and self.topLevelItemCount():
            self.setCurrentItem(self.topLevelItem(0))
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        """Tall enough for every run up to eight; more scroll inside the list."""
        rows = min(max(self.topLevelItemCount(), 2), 8)
        row = self.sizeHintForRow(0) if self.topLevelItemCount() else self.fontMetrics().lineSpacing() + 6
        height = self.header().sizeHint().height() + rows * row + 2 * self.frameWidth()
        return QSize(super().sizeHint().width(), height + self.horizontalScrollBar().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def run_ids(self) -> list[int]:
        return [
            int(self.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole))
            for i in range(self.topLevelItemCount())
        ]

    def select_run(self, run_id: int | None) -> None:
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == run_id:
                self.setCurrentItem(item)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.open_requested.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))
