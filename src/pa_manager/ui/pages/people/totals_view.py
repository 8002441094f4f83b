"""The totals under the timesheet grid: hours at each rate, gross pay, holiday and the minimum wage."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from pa_manager.domain.timesheets import PayKind
from pa_manager.services.timesheets import Totals
from pa_manager.ui.text_size import ScaledLabel


def hours_words(minutes: int) -> str:
    """570 → "9.5 hours"; 60 → "1 hour"."""
    hours = (Decimal(minutes) / 60).quantize(Decimal("0.01")).normalize()
    return f"{hours:f} hour{'' if hours == 1 else 's'}"


class TotalsView(QFrame):
    """A boxed table of pay lines and three sentences; `set_totals(None, note)` shows only a note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = ScaledLabel("Totals", scale=1.15, bold=True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        self.grid.setHorizontalSpacing(16)
        self.gross = ScaledLabel("", scale=1.15, bold=True)
        self.gross.setWordWrap(True)
        self.holiday = QLabel()
        self.holiday.setWordWrap(True)
        self.minimum_wage = QLabel()
        self.minimum_wage.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.note)
        column.addLayout(self.grid)
        column.addWidget(self.gross)
        column.addWidget(self.holiday)
        column.addWidget(self.minimum_wage)

    def set_totals(self, totals: Totals | None, note: str = "") -> None:
        self._clear_grid()
        self.note.setText(note)
        self.note.setVisible(bool(note))
        shown = totals is not None
        for label in (self.gross, self.holiday, self.minimum_wage):
            label.setVisible(shown)
        if totals is None:
            return
        pay = totals.pay
        for row, line in enumerate(pay.lines):
            if line.kind is PayKind.SLEEP_IN:
                amount = f"{line.nights} night{'' if line.nights == 1 else 's'}"
            else:
                amount = hours_words(line.minutes)
            per = "a night" if line.kind is PayKind.SLEEP_IN else "an hour"
            self._add(row, line.kind.label, f"{amount} at {line.rate.format()} {per}", line.amount.format())
        if not pay.lines:
            self._add(0, "No paid time on this timesheet yet.", "", "")
        self.gross.setText(f"Gross pay: {pay.gross.format()}")
        self.gross.setAccessibleName(self.gross.text())
        extra = []
        if pay.sickness_minutes:
            extra.append(
                f"Sickness: {hours_words(pay.sickness_minutes)} (sick pay is worked out in the pay run)."
            )
        extra.append(f"Holiday built up: {hours_words(int(totals.holiday_accrued * 60))}.")
        self.holiday.setText(" ".join(extra))
        self.minimum_wage.setText(f"Minimum wage: {totals.minimum_wage_note}")

    def _add(self, row: int, what: str, how: str, amount: str) -> None:
        name = QLabel(what)
        name.setWordWrap(True)
        detail = QLabel(how)
        value = QLabel(amount)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        value.setAccessibleName(f"{what}: {how}, {amount}")
        self.grid.addWidget(name, row, 0)
        self.grid.addWidget(detail, row, 1)
        self.grid.addWidget(value, row, 2)

    def _clear_grid(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
