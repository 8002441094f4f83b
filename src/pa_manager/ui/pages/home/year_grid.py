"""This tax year's money in and out, the biggest amounts first, as a two-column grid."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from pa_manager.domain.money import Money
from pa_manager.services.summary import BookSummary
from pa_manager.ui.text_size import ScaledLabel

TOP_CATEGORIES = 4


class YearGrid(QWidget):
    """What came in and went out, with the biggest categories and the rest summed up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.note)
        column.addLayout(self.grid)

    def fill(self, summary: BookSummary) -> None:
        self.clear()
        if not summary.money_in and not summary.money_out:
            self.note.setText(
                "Nothing has been recorded in or out yet this tax year. When payments are "
                "added, the totals appear here."
            )
            return
        self.note.setText("What came into the account and what was spent, with the biggest amounts first.")
        row = 0
        for title, total, by_category in (
            ("Money in", summary.total_in, summary.money_in),
            ("Money out", summary.total_out, summary.money_out),
        ):
            row = self._add_row(row, title, total, bold=True)
            ranked = sorted(by_category.items(), key=lambda kv: -abs(kv[1].pence))
            for category, amount in ranked[:TOP_CATEGORIES]:
                row = self._add_row(row, category.label, amount, indent=True)
            if len(ranked) > TOP_CATEGORIES:
                rest = Money.total(amount for _c, amount in ranked[TOP_CATEGORIES:])
                others = len(ranked) - TOP_CATEGORIES
                row = self._add_row(row, f"Everything else ({others} more kinds)", rest, indent=True)

    def _add_row(
        self, row: int, title: str, amount: Money, *, bold: bool = False, indent: bool = False
    ) -> int:
        name = ScaledLabel(f"{'    ' if indent else ''}{title}", bold=bold)
        name.setWordWrap(True)
        value = ScaledLabel(amount.format(), bold=bold)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        value.setAccessibleName(f"{title}: {amount.format()}")
        self.grid.addWidget(name, row, 0)
        self.grid.addWidget(value, row, 1)
        return row + 1

    def clear(self) -> None:
        self.note.clear()
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
