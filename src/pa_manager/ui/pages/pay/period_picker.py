"""Which pay run: tax year, how often the PAs are paid, the period number and (optionally) the pay
date, with the period's dates said in words. Wraps onto more lines at large text sizes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox, QVBoxLayout, QWidget

from pa_manager.domain.errors import DomainError
from pa_manager.domain.payroll import supported_tax_years
from pa_manager.domain.people import long_date
from pa_manager.domain.periods import PayFrequency, TaxYear
from pa_manager.ui.pages.money.fields import LabelledField
from pa_manager.ui.pages.money.flow_layout import FlowLayout
from pa_manager.ui.pages.pay.pay_text import FREQUENCY_WORDS, period_unit
from pa_manager.ui.widgets.date_edit import DateEdit

RunKey = tuple[TaxYear, PayFrequency, int]


class PeriodPicker(QWidget):
    """`changed` whenever the chosen run (or pay date) changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tax_year = QComboBox()
        for year in supported_tax_years():
            self.tax_year.addItem(str(year), year)
        self.frequency = QComboBox()
        for frequency, words in FREQUENCY_WORDS.items():
            self.frequency.addItem(words, frequency)
        self.period = QSpinBox()
        self.period.setRange(1, PayFrequency.WEEKLY.max_period)
        self.pay_date = DateEdit(optional=True)
        self.year_field = LabelledField("Ta&x year", self.tax_year)
        self.frequency_field = LabelledField("&How often PAs are paid", self.frequency)
        self.period_field = LabelledField("&Week number", self.period, min_chars=8)
        self.pay_date_field = LabelledField("Pay &date (optional)", self.pay_date, min_chars=22)
        self.dates = QLabel()
        self.dates.setWordWrap(True)

        row = QWidget()
        flow = FlowLayout(row, spacing=12)
        for field in (self.year_field, self.frequency_field, self.period_field, self.pay_date_field):
            flow.addWidget(field)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(row)
        column.addWidget(self.dates)

        self.tax_year.currentIndexChanged.connect(self._on_changed)
        self.frequency.currentIndexChanged.connect(self._on_frequency_changed)
        self.period.valueChanged.connect(self._on_changed)
        self.pay_date.textChanged.connect(lambda _text: self.pay_date_field.clear_message())
        self.pay_date.editingFinished.connect(self.changed)
        self._describe()

    # -- reading ---------------------------------------------------------------------------
    def key(self) -> RunKey:
        return self.tax_year.currentData(), self.frequency.currentData(), self.period.value()

    def chosen_pay_date(self) -> date | None:
        """The pay date typed, or None for the period's last day; shows a problem and raises if
        what was typed is not a date in the period."""
        try:
            day = self.pay_date.date_value()
            if day is not None:
                first, last = self.span()
                if not first <= day <= last:
                    raise DomainError(
                        f"The pay date must be from {long_date(first)} to {long_date(last)}: HMRC taxes "
                        "pay in the period holding the day it is paid."
                    )
        except DomainError as err:
            self.pay_date_field.show_message(str(err))
            raise
        self.pay_date_field.clear_message()
        return day

    def describe_key(self) -> str:
        """ "Week 32 of 2026-27" for the period chosen."""
        year, frequency, period = self.key()
        return f"{period_unit(frequency)} {period} of {year}"

    def span(self) -> tuple[date, date]:
        year, frequency, period = self.key()
        return year.period_dates(frequency, period)

    # -- setting ---------------------------------------------------------------------------
    def set_key(self, key: RunKey, pay_date: date | None = None) -> None:
        year, frequency, period = key
        self.blockSignals(True)
        index = self.tax_year.findData(year)
        if index < 0:
            self.tax_year.addItem(str(year), year)
            index = self.tax_year.count() - 1
        self.tax_year.setCurrentIndex(index)
        self.frequency.setCurrentIndex(max(self.frequency.findData(frequency), 0))
        self.period.setValue(period)
        _first, last = self.span()
        self.pay_date.set_date(pay_date if pay_date is not None and pay_date != last else None)
        self.blockSignals(False)
        self._describe()

    def set_current(self, frequency: PayFrequency, today: date) -> None:
        """The period holding `today` for this frequency (or the nearest year we have rates for)."""
        year = TaxYear.containing(today)
        years = [self.tax_year.itemData(i) for i in range(self.tax_year.count())]
        if year not in years and years:
            year = years[-1] if year.start_year > years[-1].start_year else years[0]
            today = year.last_day if today > year.last_day else year.first_day
        self.set_key((year, frequency, year.period_of(today, frequency)))

    # -- slots -----------------------------------------------------------------------------
    def _on_frequency_changed(self) -> None:
        self._on_changed()

    def _on_changed(self) -> None:
        self._describe()
        self.changed.emit()

    def _describe(self) -> None:
        frequency: PayFrequency = self.frequency.currentData()
        unit = period_unit(frequency)
        self.period.setMaximum(frequency.max_period)
        self.period_field.label.setText(f"&{unit} number")
        self.period.setAccessibleName(f"{unit} number")
        try:
            first, last = self.span()
        except DomainError as err:
            self.dates.setText(f"⚠ {err}")
            return
        self.dates.setText(
            f"{self.describe_key()} runs from {long_date(first)} to {long_date(last)}. Leave the pay date "
            "empty to pay on the last day."
        )
