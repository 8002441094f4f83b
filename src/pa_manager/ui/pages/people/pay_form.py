"""The "Pay and hours" tab of a PA's record: hourly rates, the sleep-in allowance, hours, holiday."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import QButtonGroup, QComboBox, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money, MoneyError
from pa_manager.domain.people import PA, HolidayScheme, PayRates
from pa_manager.ui.pages.people.shift_model import parse_time
from pa_manager.ui.widgets.field_message import FieldMessage, add_field, make_form
from pa_manager.ui.widgets.money_edit import MoneyEdit

BLANK_MEANS_STANDARD = "Leave blank to pay the standard rate."


@dataclass(frozen=True, slots=True)
class PayTerms:
    """The pay and hours part of a PA record, checked field by field."""

    rates: PayRates
    weekly_hours: Decimal | None
    days_per_week: Decimal | None
    holiday_scheme: HolidayScheme


class PayForm(QWidget):
    """`terms()` returns PayTerms, or None after putting a message under each wrong field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.standard = MoneyEdit(allow_zero=False)
        self.evening = MoneyEdit(allow_zero=False)
        self.evening_from = QLineEdit("20:00")
        self.evening_to = QLineEdit("00:00")
        self.weekend = MoneyEdit(allow_zero=False)
        self.bank_holiday = MoneyEdit(allow_zero=False)
        self.waking_night = MoneyEdit(allow_zero=False)
        self.sleep_in = MoneyEdit()
        self.contracted = QRadioButton("&Contracted weekly hours")
        self.irregular = QRadioButton("&Irregular hours (no fixed weekly hours)")
        self.hours_group = QButtonGroup(self)
        self.hours_group.addButton(self.contracted)
        self.hours_group.addButton(self.irregular)
        self.irregular.setChecked(True)
        self.weekly_hours = QLineEdit()
        self.days = QLineEdit()
        self.scheme = QComboBox()
        for scheme in HolidayScheme:
            self.scheme.addItem(scheme.label, scheme)
        self.scheme.setCurrentIndex(self.scheme.findData(HolidayScheme.ACCRUAL_12_07))

        form = make_form()
        self.standard_message = add_field(form, "S&tandard hourly rate", self.standard, "For example 13.50.")
        self.evening_message = add_field(form, "&Evening hourly rate", self.evening, BLANK_MEANS_STANDARD)
        self.from_message = add_field(form, "Evening rate &from", self.evening_from, "A time like 20:00.")
        self.to_message = add_field(
            form, "Evening rate &until", self.evening_to, "A time like 00:00 (midnight)."
        )
        self.weekend_message = add_field(form, "&Weekend hourly rate", self.weekend, BLANK_MEANS_STANDARD)
        self.bank_message = add_field(
            form, "&Bank holiday hourly rate", self.bank_holiday, BLANK_MEANS_STANDARD
        )
        self.waking_message = add_field(
            form, "Wa&king night hourly rate", self.waking_night, BLANK_MEANS_STANDARD
        )
        self.sleep_message = add_field(
            form,
            "&Sleep-in allowance a night",
            self.sleep_in,
            "A flat sum for each night; hours woken to work are paid by the hour on top.",
        )
        form.addRow(self.contracted)
        form.addRow(self.irregular)
        self.hours_message = add_field(
            form, "&Hours a week", self.weekly_hours, "Only with contracted hours, for example 20."
        )
        self.days_message = add_field(
            form, "&Days worked a week", self.days, "Only with contracted hours, for example 4."
        )
        self.scheme_message = add_field(
            form,
            "Hol&iday",
            self.scheme,
            "5.6 weeks a year suits fixed hours; 12.07% of hours worked suits irregular hours.",
        )
        self.messages: list[FieldMessage] = [
            self.standard_message,
            self.evening_message,
            self.from_message,
            self.to_message,
            self.weekend_message,
            self.bank_message,
            self.waking_message,
            self.sleep_message,
            self.hours_message,
            self.days_message,
            self.scheme_message,
        ]
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addStretch(1)
        self.contracted.toggled.connect(self._on_hours_toggled)
        self._on_hours_toggled(False)

    def fill(self, pa: PA | None) -> None:
        if pa is None:
            return
        r = pa.rates
        self.standard.set_money(r.standard)
        for edit, value in (
            (self.evening, r.evening),
            (self.weekend, r.weekend),
            (self.bank_holiday, r.bank_holiday),
            (self.waking_night, r.waking_night),
        ):
            edit.setText(value.format() if value is not None else "")
        self.evening_from.setText(f"{r.evening_starts:%H:%M}")
        self.evening_to.setText(f"{r.evening_ends:%H:%M}")
        self.sleep_in.set_money(r.sleep_in_night)
        self.contracted.setChecked(pa.weekly_hours is not None)
        self.irregular.setChecked(pa.weekly_hours is None)
        self.weekly_hours.setText("" if pa.weekly_hours is None else f"{pa.weekly_hours.normalize():f}")
        self.days.setText("" if pa.days_per_week is None else f"{pa.days_per_week.normalize():f}")
        self.scheme.setCurrentIndex(self.scheme.findData(pa.holiday_scheme))

    def _on_hours_toggled(self, contracted: bool) -> None:
        self.weekly_hours.setEnabled(contracted)
        self.days.setEnabled(contracted)

    def terms(self) -> PayTerms | None:
        for message in self.messages:
            message.clear_message()
        ok = True

        def read(message: FieldMessage, fn):  # type: ignore[no-untyped-def]
            nonlocal ok
            try:
                return fn()
            except (DomainError, MoneyError, ValueError, InvalidOperation) as err:
                text = str(err) if not isinstance(err, InvalidOperation) else "Type a number, for example 20."
                message.show_message(text[0].upper() + text[1:] + ("" if text.endswith(".") else "."))
                ok = False
                return None

        def optional(edit: MoneyEdit) -> Money | None:
            return edit.money() if edit.text().strip() else None

        standard = read(self.standard_message, self.standard.money)
        evening = read(self.evening_message, lambda: optional(self.evening))
        weekend = read(self.weekend_message, lambda: optional(self.weekend))
        bank = read(self.bank_message, lambda: optional(self.bank_holiday))
        waking = read(self.waking_message, lambda: optional(self.waking_night))
        sleep = read(self.sleep_message, lambda: optional(self.sleep_in) or Money(0))
        starts = read(self.from_message, lambda: parse_time(self.evening_from.text()))
        ends = read(self.to_message, lambda: parse_time(self.evening_to.text()))
        hours = days = None
        if self.contracted.isChecked():
            hours = read(self.hours_message, lambda: _number(self.weekly_hours.text(), "hours a week"))
            days = read(self.days_message, lambda: _number(self.days.text(), "days a week"))
        if not ok or standard is None:
            return None
        rates = read(
            self.standard_message,
            lambda: PayRates(standard, evening, weekend, bank, waking, sleep, starts, ends),
        )
        if rates is None:
            return None
        return PayTerms(rates, hours, days, self.scheme.currentData())


def _number(text: str, what: str) -> Decimal:
    cleaned = text.strip()
    if not cleaned:
        raise DomainError(f"Type the {what}, for example 20.")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise DomainError(f"“{cleaned}” is not a number; type the {what} like 20 or 17.5.") from None
    if not value.is_finite():
        raise DomainError(f"Type the {what} as a number.")
    return value
