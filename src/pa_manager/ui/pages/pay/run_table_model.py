"""The run's table: one row per payslip and a totals row, money as £1,234.56 right-aligned."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from pa_manager.domain.money import Money
from pa_manager.services.pay_types import Payslip, PayslipSource

# (heading, what it is for a screen reader, the payslip's field(s) added together)
COLUMNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("PA", "PA", ()),
    ("Gross pay", "Gross pay", ("gross",)),
    ("Tax", "Income tax", ("tax",)),
    ("Employee NI", "Employee National Insurance", ("employee_ni",)),
    ("Pension", "Employee pension", ("pension_employee",)),
    ("Student loan", "Student loan", ("student_loan", "postgraduate_loan")),
    ("Net pay", "Net pay", ("net",)),
    ("Employer NI", "Employer National Insurance", ("employer_ni",)),
    ("Employer pension", "Employer pension", ("pension_employer",)),
)
NAME = 0
TOTAL_LABEL = "Total"

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def column_money(slip: Payslip, column: int) -> Money:
    return Money.total(getattr(slip, f) for f in COLUMNS[column][2])


def pa_label(slip: Payslip) -> str:
    return f"{slip.pa_name} (bureau)" if slip.source is PayslipSource.BUREAU else slip.pa_name


class RunTableModel(QAbstractTableModel):
    """Read-only: the payslips as given, then "Total" (when there are any)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._slips: list[Payslip] = []

    def set_payslips(self, slips: Sequence[Payslip]) -> None:
        self.beginResetModel()
        self._slips = list(slips)
        self.endResetModel()

    def payslip_at(self, row: int) -> Payslip | None:
        return self._slips[row] if 0 <= row < len(self._slips) else None

    def is_total(self, row: int) -> bool:
        return bool(self._slips) and row == len(self._slips)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._slips else len(self._slips) + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section][1]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if section == NAME else _RIGHT
        return None

    def text(self, row: int, column: int) -> str:
        if self.is_total(row):
            if column == NAME:
                return TOTAL_LABEL
            return Money.total(column_money(s, column) for s in self._slips).format()
        slip = self._slips[row]
        return pa_label(slip) if column == NAME else column_money(slip, column).format()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if column == NAME else _RIGHT
        if role == Qt.ItemDataRole.AccessibleTextRole:
            who = self.text(row, NAME)
            return who if column == NAME else f"{who}, {COLUMNS[column][1]}: {self.text(row, column)}"
        if role == Qt.ItemDataRole.FontRole and self.is_total(row):
            font = QFont()
            font.setBold(True)
            return font
        return None
