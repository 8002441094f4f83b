"""The what-if controls: change a PA's hours, add a PA, apply next April's minimum-wage rise.

Every change emits `changed` with the new `WhatIf` at once (spin boxes report as you type), or
`problem` with a sentence when a box holds something that cannot be used (a rate like "abc").
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from types import MappingProxyType

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QWidget,
)

from pa_manager.domain.errors import DomainError
from pa_manager.domain.forecast import NewPa, WhatIf
from pa_manager.domain.minimum_wage import MINIMUM_WAGE_YEARS, WageBand
from pa_manager.domain.money import MoneyError
from pa_manager.ui.widgets.money_edit import MoneyEdit


def last_rise() -> tuple[Decimal, int]:
    """The newest known National Living Wage rise as a percentage, and the year it took effect."""
    older, newer = MINIMUM_WAGE_YEARS[-2], MINIMUM_WAGE_YEARS[-1]
    before, after = (y.rates[WageBand.AGED_21_AND_OVER].pence for y in (older, newer))
    rise = (Decimal(after - before) * 100 / Decimal(before)).quantize(Decimal("0.1"))
    return rise, newer.starts.year


def _spin(low: float, high: float, step: float, suffix: str, name: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setDecimals(1)
    box.setSuffix(suffix)
    box.setAccessibleName(name)
    return box


class WhatIfPanel(QGroupBox):
    """Three ways to try a change; the forecast follows as the person types."""

    changed = Signal(object)  # a WhatIf
    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("What if…", parent)
        self.pa = QComboBox()
        self.pa.setAccessibleName("PA whose hours change")
        self.extra_hours = _spin(-60, 60, 1, " h", "Hours a week more or fewer")
        self.new_hours = _spin(0, 60, 1, " h", "New PA's hours a week")
        self.new_rate = MoneyEdit(allow_zero=False)
        self.new_rate.setAccessibleName("New PA's hourly rate")
        self.rise = _spin(0, 20, 0.1, "%", "Minimum-wage rise from next April")
        rise, year = last_rise()
        self.rise_note = QLabel(
            f"Pay rises by this much from next 1 April. Next year's rate may not be announced yet; "
            f"the National Living Wage rose by {rise}% in April {year}."
        )
        self.rise_note.setWordWrap(True)
        self.reset = QPushButton("Clear the changes")
        self.reset.clicked.connect(self.clear)

        form = QFormLayout(self)
        # Labels above their boxes: the panel stays narrow beside the chart at any text size.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("&PA whose hours change:", self.pa)
        form.addRow("&Change their hours a week by:", self.extra_hours)
        form.addRow("A &new PA, hours a week:", self.new_hours)
        form.addRow("New PA's &hourly rate:", self.new_rate)
        form.addRow("Pay &rise from next April:", self.rise)
        form.addRow(self.rise_note)
        form.addRow(self.reset)
        for label_for in (self.pa, self.extra_hours, self.new_hours, self.new_rate, self.rise):
            label = form.labelForField(label_for)
            if isinstance(label, QLabel):
                label.setBuddy(label_for)
                label.setWordWrap(True)
        self.pa.currentIndexChanged.connect(self.emit_current)
        for box in (self.extra_hours, self.new_hours, self.rise):
            box.valueChanged.connect(self.emit_current)
        self.new_rate.textChanged.connect(self.emit_current)

    def set_pas(self, names: Sequence[str]) -> None:
        self.pa.blockSignals(True)
        self.pa.clear()
        self.pa.addItems(list(names))
        self.pa.blockSignals(False)
        self.pa.setEnabled(bool(names))
        self.extra_hours.setEnabled(bool(names))

    def clear(self) -> None:
        for box in (self.extra_hours, self.new_hours, self.rise):
            box.blockSignals(True)
            box.setValue(0)
            box.blockSignals(False)
        self.new_rate.blockSignals(True)
        self.new_rate.clear()
        self.new_rate.blockSignals(False)
        self.emit_current()

    def what_if(self) -> WhatIf:
        """The changes as typed. Raises DomainError/MoneyError for a rate that cannot be read."""
        extra: dict[str, Decimal] = {}
        hours = Decimal(str(round(self.extra_hours.value(), 1)))
        if hours and self.pa.currentText():
            extra[self.pa.currentText()] = hours
        new_pas: tuple[NewPa, ...] = ()
        new_hours = Decimal(str(round(self.new_hours.value(), 1)))
        if new_hours:
            if not self.new_rate.text().strip():
                raise DomainError("Type the new PA's hourly rate, for example 12.71.")
            new_pas = (NewPa(new_hours, self.new_rate.money()),)
        rise = Decimal(str(round(self.rise.value(), 1))) / 100
        return WhatIf(MappingProxyType(extra), new_pas, rise)

    def emit_current(self, *_args: object) -> None:
        """Emit `changed` (or `problem`) for what the boxes hold now."""
        try:
            what_if = self.what_if()
        except (DomainError, MoneyError) as err:
            self.problem.emit(str(err))
            return
        self.problem.emit("")
        self.changed.emit(what_if)
