"""What the register shows: which account, which dates, and category, PA and text filters.

Changing the account or the dates loads lines again (`range_changed`); the other filters work on
the loaded lines as the person types (`filter_changed`).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QWidget

from pa_manager.domain.categories import Category
from pa_manager.domain.periods import TaxYear
from pa_manager.services.register import AccountInfo, RegisterFilter
from pa_manager.ui.pages.money.fields import LabelledField
from pa_manager.ui.pages.money.flow_layout import FlowLayout
from pa_manager.ui.widgets.date_edit import DateEdit

RANGES = ("Last 12 months", "This tax year", "Last tax year", "All dates", "Custom dates")
LAST_12, THIS_TAX_YEAR, LAST_TAX_YEAR, ALL_DATES, CUSTOM = range(len(RANGES))


def range_bounds(choice: int, today: date) -> tuple[date | None, date | None]:
    """The first and last day of a named date range (None: no limit)."""
    if choice == LAST_12:
        return today - timedelta(days=365), None
    if choice == THIS_TAX_YEAR:
        year = TaxYear.containing(today)
        return year.first_day, year.last_day
    if choice == LAST_TAX_YEAR:
        year = TaxYear(TaxYear.containing(today).start_year - 1)
        return year.first_day, year.last_day
    return None, None


class FilterBar(QWidget):
    """Account, dates, category, PA and text, wrapped to the width available."""

    range_changed = Signal()
    filter_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = QComboBox()
        self.range = QComboBox()
        self.range.addItems(RANGES)
        self.date_from = DateEdit()
        self.date_to = DateEdit(optional=True)
        self.show_dates = QPushButton("Show these dates")
        self.category = QComboBox()
        self.category.addItem("All categories", None)
        for category in Category:
            self.category.addItem(category.label, category)
        self.pa = QComboBox()
        self.text = QLineEdit()
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText("Payee, reference, note or amount")

        self.account_field = LabelledField("Account", self.account)
        self.range_field = LabelledField("Dates", self.range)
        self.from_field = LabelledField("From", self.date_from, min_chars=12)
        self.to_field = LabelledField("To", self.date_to, min_chars=12)
        self.category_field = LabelledField("Category", self.category)
        self.pa_field = LabelledField("PA", self.pa)
        self.text_field = LabelledField("Search", self.text, min_chars=28)
        self.text.setAccessibleDescription("Shows only lines containing these words, as you type.")
        flow = FlowLayout(self)
        for widget in (
            self.account_field,
            self.range_field,
            self.from_field,
            self.to_field,
            self.show_dates,
            self.category_field,
            self.pa_field,
            self.text_field,
        ):
            flow.addWidget(widget)
        self.account_field.hide()
        self._show_custom(False)
        self.set_pas({})

        self.account.currentIndexChanged.connect(self._on_range_input_changed)
        self.range.currentIndexChanged.connect(self._on_range_choice_changed)
        self.show_dates.clicked.connect(self._on_range_input_changed)
        self.date_from.returnPressed.connect(self._on_range_input_changed)
        self.date_to.returnPressed.connect(self._on_range_input_changed)
        self.category.currentIndexChanged.connect(self.filter_changed)
        self.pa.currentIndexChanged.connect(self.filter_changed)
        self.text.textChanged.connect(self.filter_changed)

    # -- filling ---------------------------------------------------------------------------
    def set_accounts(self, accounts: list[AccountInfo], current: int | None) -> None:
        self.account.blockSignals(True)
        self.account.clear()
        for info in accounts:
            self.account.addItem(info.name, info.id)
        index = self.account.findData(current) if current is not None else 0
        self.account.setCurrentIndex(max(index, 0))
        self.account.blockSignals(False)
        self.account_field.setVisible(len(accounts) > 1)

    def set_pas(self, names: dict[int, str]) -> None:
        current = self.pa.currentData()
        self.pa.blockSignals(True)
        self.pa.clear()
        self.pa.addItem("All PAs", None)
        for pa_id, name in names.items():
            self.pa.addItem(name, pa_id)
        self.pa.setCurrentIndex(max(self.pa.findData(current), 0) if current is not None else 0)
        self.pa.blockSignals(False)
        self.pa_field.setVisible(bool(names))

    # -- reading ---------------------------------------------------------------------------
    def account_id(self) -> int | None:
        data = self.account.currentData()
        return int(data) if data is not None else None

    def bounds(self, today: date) -> tuple[date | None, date | None]:
        """The dates to load; raises DomainError (shown beside the field) for a bad custom date."""
        if self.range.currentIndex() != CUSTOM:
            return range_bounds(self.range.currentIndex(), today)
        self.from_field.clear_message()
        self.to_field.clear_message()
        try:
            first = self.date_from.date_value()
        except Exception as exc:
            self.from_field.show_message(str(exc))
            raise
        try:
            last = self.date_to.date_value()
        except Exception as exc:
            self.to_field.show_message(str(exc))
            raise
        return first, last

    def register_filter(self) -> RegisterFilter:
        category = self.category.currentData()
        pa_id = self.pa.currentData()
        return RegisterFilter(
            category=category if isinstance(category, Category) else None,
            pa_id=int(pa_id) if pa_id is not None else None,
            text=self.text.text(),
        )

    def is_filtering(self) -> bool:
        f = self.register_filter()
        return f.category is not None or f.pa_id is not None or bool(f.text.strip())

    def describe_range(self) -> str:
        return self.range.currentText().lower()

    # -- slots -----------------------------------------------------------------------------
    def _show_custom(self, shown: bool) -> None:
        for widget in (self.from_field, self.to_field, self.show_dates):
            widget.setVisible(shown)

    def _on_range_choice_changed(self, index: int) -> None:
        custom = index == CUSTOM
        self._show_custom(custom)
        if custom:
            if not self.date_from.text():
                first, _last = range_bounds(THIS_TAX_YEAR, date.today())
                self.date_from.set_date(first)
            self.date_from.setFocus()
        self.range_changed.emit()

    def _on_range_input_changed(self) -> None:
        self.range_changed.emit()
