"""The missing-evidence list: payments that need a receipt or invoice and have none linked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from pa_manager.services.evidence import MissingEvidence
from pa_manager.ui.widgets.date_edit import format_date
from pa_manager.ui.widgets.row_model import SHOWN_OR_SPOKEN, Index, RowTableModel

COLUMNS = ("Date", "Paid to", "Category", "Amount")
DATE, PAYEE, CATEGORY, AMOUNT = range(len(COLUMNS))


class MissingTableModel(RowTableModel[MissingEvidence]):
    """Read-only, oldest first as the service gives them."""

    columns = COLUMNS
    right_aligned = frozenset({AMOUNT})

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        column = index.column()
        if role in SHOWN_OR_SPOKEN:
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
            return self.alignment(column)
        if role == Qt.ItemDataRole.UserRole:
            return m.txn_id
        return None
