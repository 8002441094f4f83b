"""The register table: one row per transaction, money right-aligned, sortable by any column.

Rows are the service's immutable `RegisterRow`s; `data()` only formats, on demand, so a year of
10,000 lines costs nothing until it is shown. The running balance comes from the service and is
the account's balance after each line, so it reads correctly whenever the rows are in date order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from pa_manager.services.register import EVIDENCE_ATTACHED, EVIDENCE_MISSING, STATE_LABELS, RegisterRow
from pa_manager.ui.widgets.date_edit import format_date
from pa_manager.ui.widgets.row_model import Index, RowTableModel

COLUMNS = (
    "Date",
    "Payee",
    "Reference",
    "Category",
    "PA",
    "Money in",
    "Money out",
    "Balance",
    "State",
    "Check",
    "Evidence",
)
(DATE, PAYEE, REFERENCE, CATEGORY, PA, MONEY_IN, MONEY_OUT, BALANCE, STATE, CHECK, EVIDENCE) = range(
    len(COLUMNS)
)
MONEY_COLUMNS = frozenset({MONEY_IN, MONEY_OUT, BALANCE})
CHECK_TEXT = "⚠ Check"
# Words as well as a symbol, so the mark never rests on colour or shape alone.
EVIDENCE_TEXT = {EVIDENCE_ATTACHED: "✓ Receipt", EVIDENCE_MISSING: "✗ Missing"}
EVIDENCE_SPOKEN = {
    EVIDENCE_ATTACHED: "Evidence: a receipt or document is linked",
    EVIDENCE_MISSING: "Evidence missing: this payment needs a receipt or invoice",
    "": "No evidence needed",
}
HEADER_TIPS = {
    CHECK: "Lines a council often questions are marked “Check”; hover or select to see why.",
    EVIDENCE: "Payments with a receipt linked, and those still missing one (see the Receipts page).",
}


def pounds(pence: int) -> str:
    """£1,234.56 and -£4.94; the same text as Money.format, without building a Money."""
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(pence), 100)
    return f"{sign}£{whole:,}.{part:02d}"


def concern_text(row: RegisterRow) -> str:
    """The spending warnings of a line, as sentences."""
    return " ".join(c.sentence for c in row.concerns)


def _sort_keys() -> dict[int, Callable[[RegisterRow], Any]]:
    return {
        PAYEE: lambda r: r.payee.casefold(),
        REFERENCE: lambda r: r.reference.casefold(),
        CATEGORY: lambda r: r.category_label.casefold(),
        PA: lambda r: r.pa_name.casefold(),
        MONEY_IN: lambda r: r.amount if r.amount > 0 else 0,
        MONEY_OUT: lambda r: -r.amount if r.amount < 0 else 0,
        BALANCE: lambda r: r.balance,
        STATE: lambda r: r.state,
        CHECK: lambda r: bool(r.concerns),
        EVIDENCE: lambda r: r.evidence,
    }


class RegisterTableModel(RowTableModel[RegisterRow]):
    """Read-only table over register rows; `sort()` reorders in Python (stable, so ties stay in
    date order)."""

    columns = COLUMNS
    right_aligned = MONEY_COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)  # `_rows`: as shown
        self._date_ordered: list[RegisterRow] = []  # as given: oldest first
        self._sort_column = DATE
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._keys = _sort_keys()
        self._row_of_id: dict[int, int] | None = None

    # -- feeding ---------------------------------------------------------------------------
    def _rows_set(self) -> None:
        # `set_rows` gives them oldest first, as the service does: kept so, shown in the sort order.
        self._date_ordered = self._rows
        self._rows = self._ordered()
        self._row_of_id = None

    def row_of(self, txn_id: int) -> int | None:
        """Where the line with this id is shown, or None."""
        if self._row_of_id is None:
            self._row_of_id = {r.id: i for i, r in enumerate(self._rows)}
        return self._row_of_id.get(txn_id)

    # -- Qt model --------------------------------------------------------------------------
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(section)
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == EVIDENCE and row.evidence:
                return EVIDENCE_SPOKEN[row.evidence] + (
                    ". Add one on the Receipts page." if row.evidence == EVIDENCE_MISSING else "."
                )
            if row.concerns:
                return concern_text(row)
            if column == CATEGORY and row.split:
                return row.category_label
            if column == STATE and row.locked:
                return "Reconciled with a statement and locked. Open the line to unlock it."
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _text(self, row: RegisterRow, column: int) -> str:
        if column == DATE:
            return format_date(row.day)
        if column == PAYEE:
            return row.payee
        if column == REFERENCE:
            return row.reference
        if column == CATEGORY:
            return row.category_label
        if column == PA:
            return row.pa_name
        if column == MONEY_IN:
            return pounds(row.amount) if row.amount > 0 else ""
        if column == MONEY_OUT:
            return pounds(-row.amount) if row.amount < 0 else ""
        if column == BALANCE:
            return pounds(row.balance)
        if column == STATE:
            return STATE_LABELS.get(row.state, row.state)
        if column == CHECK:
            return CHECK_TEXT if row.concerns else ""
        if column == EVIDENCE:
            return EVIDENCE_TEXT.get(row.evidence, "")
        return ""

    def _spoken(self, row: RegisterRow, column: int) -> str:
        text = self._text(row, column)
        if column == CHECK:
            return f"Check: {concern_text(row)}" if row.concerns else "No concerns"
        if column == EVIDENCE:
            return EVIDENCE_SPOKEN.get(row.evidence, "")
        if column in MONEY_COLUMNS:
            return f"{COLUMNS[column]} {text}" if text else f"No {COLUMNS[column].lower()}"
        return text or f"No {COLUMNS[column].lower()}"

    # -- sorting ---------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python. Date order is the service's order (date, then entry), so the balance
        column reads as a running balance again; other columns break ties in date order."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._rows[i.row()].id if i.isValid() else None for i in old]
        self._sort_column, self._sort_order = column, order
        self._rows = self._ordered()
        self._row_of_id = None
        # The selection and current line follow their rows to the new places.
        moved = []
        for index, txn_id in zip(old, ids, strict=True):
            row = self.row_of(txn_id) if txn_id is not None else None
            moved.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(old, moved)
        self.layoutChanged.emit()

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def _ordered(self) -> list[RegisterRow]:
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        if self._sort_column == DATE or self._sort_column not in self._keys:
            return list(reversed(self._date_ordered)) if descending else list(self._date_ordered)
        # Python's sort is stable, also with reverse=True, so equal keys stay oldest first.
        return sorted(self._date_ordered, key=self._keys[self._sort_column], reverse=descending)
