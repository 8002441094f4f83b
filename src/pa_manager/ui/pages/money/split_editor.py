"""Parts of a split line: a category and an amount per row, and what is left to share out.

Amounts are typed as positive numbers in the direction of the whole line (money in or out); the
dialog gives them the line's sign.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pa_manager.domain.categories import Category
from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money, MoneyError
from pa_manager.services.transactions import SplitPart
from pa_manager.ui.pages.money.quick_entry import fill_categories
from pa_manager.ui.widgets.money_edit import MoneyEdit


class SplitEditor(QWidget):
    """A small table of parts with "Add a part" and a running "left to share out" line."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._total = Money(0)
        self._rows: list[tuple[QComboBox, MoneyEdit, QPushButton]] = []
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        self.grid.addWidget(QLabel("<b>Category</b>"), 0, 0)
        self.grid.addWidget(QLabel("<b>Amount</b>"), 0, 1)
        self.add_button = QPushButton("Add a part")
        self.left = QLabel()
        self.left.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.grid)
        column.addWidget(self.add_button)
        column.addWidget(self.left)
        self.add_button.clicked.connect(self._on_add_clicked)

    # -- parts -----------------------------------------------------------------------------
    def set_total(self, total: Money) -> None:
        self._total = abs(total)
        self._update_left()

    def set_parts(self, parts: tuple[SplitPart, ...]) -> None:
        while self._rows:
            self._remove_row(0)
        for part in parts:
            self.add_part(part.category, abs(part.amount))
        self._update_left()

    def add_part(self, category: Category = Category.UNCATEGORISED, amount: Money | None = None) -> None:
        number = len(self._rows) + 1
        combo = QComboBox()
        fill_categories(combo)
        combo.setCurrentIndex(max(combo.findData(category), 0))
        combo.setAccessibleName(f"Part {number} category")
        edit = MoneyEdit(allow_negative=False, allow_zero=False)
        edit.setAccessibleName(f"Part {number} amount")
        if amount is not None:
            edit.set_money(amount)
        remove = QPushButton("Remove")
        remove.setAccessibleName(f"Remove part {number}")
        row = len(self._rows) + 1
        self.grid.addWidget(combo, row, 0)
        self.grid.addWidget(edit, row, 1)
        self.grid.addWidget(remove, row, 2)
        self._rows.append((combo, edit, remove))
        edit.textChanged.connect(self._update_left)
        combo.currentIndexChanged.connect(self.changed)
        remove.clicked.connect(lambda _checked=False, e=edit: self._on_remove(e))
        self._update_left()

    def parts(self, negative: bool) -> tuple[SplitPart, ...]:
        """The parts with the line's sign; raises MoneyError/DomainError for a bad amount."""
        parts = []
        for combo, edit, _remove in self._rows:
            amount = edit.money()
            parts.append(SplitPart(combo.currentData(), -amount if negative else amount))
        return tuple(parts)

    def part_count(self) -> int:
        return len(self._rows)

    def set_read_only(self, read_only: bool) -> None:
        for combo, edit, remove in self._rows:
            combo.setEnabled(not read_only)
            edit.setReadOnly(read_only)
            remove.setEnabled(not read_only)
        self.add_button.setEnabled(not read_only)

    def left_text(self) -> str:
        return self.left.text()

    # -- slots -----------------------------------------------------------------------------
    def _update_left(self) -> None:
        shared = 0
        unreadable = False
        for _combo, edit, _remove in self._rows:
            try:
                shared += abs(edit.money().pence) if edit.text().strip() else 0
            except (MoneyError, DomainError):
                unreadable = True
        left = self._total.pence - shared
        if unreadable:
            text = "One part's amount is not a number of pounds and pence yet."
        elif left == 0:
            text = "Left to share out: £0.00 — the parts add up to the whole amount."
        elif left > 0:
            text = f"Left to share out: {Money(left)}"
        else:
            text = f"The parts come to {Money(-left)} more than the whole amount."
        self.left.setText(text)
        self.changed.emit()

    def _on_add_clicked(self) -> None:
        self.add_part()
        self._rows[-1][1].setFocus()

    def _on_remove(self, edit: MoneyEdit) -> None:
        for i, (_combo, e, _remove) in enumerate(self._rows):
            if e is edit:
                self._remove_row(i)
                break
        self._renumber()
        self._update_left()

    def _remove_row(self, i: int) -> None:
        for widget in self._rows.pop(i):
            self.grid.removeWidget(widget)
            widget.deleteLater()
        # Later rows move up so the grid has no gaps.
        for j, widgets in enumerate(self._rows[i:], start=i + 1):
            for col, widget in enumerate(widgets):
                self.grid.removeWidget(widget)
                self.grid.addWidget(widget, j, col)

    def _renumber(self) -> None:
        for number, (combo, edit, remove) in enumerate(self._rows, start=1):
            combo.setAccessibleName(f"Part {number} category")
            edit.setAccessibleName(f"Part {number} amount")
            remove.setAccessibleName(f"Remove part {number}")
