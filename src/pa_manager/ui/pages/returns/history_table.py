"""The returns sent: period, when and how it went, and the figures the council was given."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from pa_manager.services.returns_history import ReturnRecord

_AS = {"pdf": "PDF", "xlsx": "Spreadsheet", "csv": "CSV", "pack": "Evidence pack", "paper": "On paper"}


class HistoryTable(QTableWidget):
    """One row per return sent, newest period first; `selected()` is the chosen one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(["Period", "Sent on", "Sent as", "Closing balance", "Template"])
        self.setAccessibleName("Returns sent")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.records: list[ReturnRecord] = []

    def set_records(self, records: tuple[ReturnRecord, ...]) -> None:
        self.records = list(records)
        self.setRowCount(len(records))
        for row, r in enumerate(records):
            cells = [
                f"{r.start:%d/%m/%Y} to {r.end:%d/%m/%Y}",
                f"{r.sent_on:%d/%m/%Y}" if r.sent_on else "",
                _AS.get(r.sent_as or "", r.sent_as or ""),
                str(r.closing) if r.closing is not None else "",
                r.template_key,
            ]
            for col, text in enumerate(cells):
                self.setItem(row, col, QTableWidgetItem(text))
        # Tall enough for every row, so the page scrolls instead of the table.
        height = self.horizontalHeader().height() + sum(self.rowHeight(i) for i in range(self.rowCount())) + 4
        self.setFixedHeight(max(height, self.horizontalHeader().height() + 8))

    def selected(self) -> ReturnRecord | None:
        rows = self.selectionModel().selectedRows()
        return self.records[rows[0].row()] if rows else None
