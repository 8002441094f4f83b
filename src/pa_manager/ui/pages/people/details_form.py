"""The "About the PA" tab of a PA's record: who they are, how they are engaged, and dates.

The National Insurance number is checked as soon as the person leaves the box, with the message
beside it; every other field is checked on Save, and each problem appears under its own field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QVBoxLayout, QWidget

from pa_manager.domain.errors import DomainError
from pa_manager.domain.people import (
    PA,
    ContactDetails,
    EmploymentType,
    NINumber,
    ni_number_problem,
    parse_utr,
)
from pa_manager.domain.periods import PayFrequency
from pa_manager.services.people import PaExtras
from pa_manager.ui.widgets.date_edit import DateEdit
from pa_manager.ui.widgets.field_message import FieldMessage, add_field, make_form

FREQUENCY_LABELS = {
    PayFrequency.WEEKLY: "Weekly",
    PayFrequency.FORTNIGHTLY: "Every two weeks",
    PayFrequency.FOUR_WEEKLY: "Every four weeks",
    PayFrequency.MONTHLY: "Monthly",
}


@dataclass(frozen=True, slots=True)
class Details:
    """What this tab read, checked field by field (the PA record itself is made by the dialog)."""

    name: str
    contact: ContactDetails
    date_of_birth: date | None
    ni_number: NINumber | None
    start_date: date
    leave_date: date | None
    employment_type: EmploymentType
    utr: str | None
    pay_frequency: PayFrequency
    relative_in_household: bool
    council_approved_on: date | None
    tax_code: str


class DetailsForm(QWidget):
    """`details()` returns Details, or None after putting a message under each wrong field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.phone = QLineEdit()
        self.phone.setMaxLength(40)
        self.email = QLineEdit()
        self.email.setMaxLength(200)
        self.address = QLineEdit()
        self.address.setMaxLength(500)
        self.date_of_birth = DateEdit(optional=True)
        self.ni_number = QLineEdit()
        self.ni_number.setMaxLength(20)
        self.start_date = DateEdit()
        self.leave_date = DateEdit(optional=True)
        self.employment = QComboBox()
        for kind in EmploymentType:
            self.employment.addItem(kind.label, kind)
        self.utr = QLineEdit()
        self.utr.setMaxLength(20)
        self.frequency = QComboBox()
        for frequency, label in FREQUENCY_LABELS.items():
            self.frequency.addItem(label, frequency)
        self.tax_code = QLineEdit()
        self.tax_code.setMaxLength(12)
        self.relative = QCheckBox("A &relative who lives in the same household as the person cared for")
        self.approved_on = DateEdit(optional=True)

        form = make_form()
        self.name_message = add_field(form, "&Name", self.name)
        self.phone_message = add_field(form, "&Phone", self.phone)
        self.email_message = add_field(form, "E&mail", self.email)
        add_field(form, "A&ddress", self.address)
        self.dob_message = add_field(form, "Date of &birth", self.date_of_birth, "For example 14/03/1990.")
        self.ni_message = add_field(
            form,
            "National &Insurance number",
            self.ni_number,
            "Like AB 12 34 56 C. Leave it blank if the PA has not given it yet.",
        )
        self.start_message = add_field(form, "&Start date", self.start_date, "Their first day of work.")
        self.leave_message = add_field(
            form, "&Leaving date", self.leave_date, "Their last day; blank while they work for you."
        )
        add_field(form, "&Works as", self.employment)
        self.utr_message = add_field(
            form,
            "&Unique Taxpayer Reference (UTR)",
            self.utr,
            "Only for a self-employed PA: 10 numbers from their HMRC letters.",
        )
        add_field(form, "Paid &how often", self.frequency)
        self.tax_code_message = add_field(
            form, "&Tax code", self.tax_code, "From the PA's P45 or HMRC; blank if not known yet."
        )
        form.addRow(self.relative)
        self.approved_message = add_field(
            form,
            "Date the &council agreed",
            self.approved_on,
            "Only for a relative living in the same household: when the council agreed in writing.",
        )
        self.messages: list[FieldMessage] = [
            self.name_message,
            self.phone_message,
            self.email_message,
            self.dob_message,
            self.ni_message,
            self.start_message,
            self.leave_message,
            self.utr_message,
            self.tax_code_message,
            self.approved_message,
        ]
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addStretch(1)
        self.ni_number.editingFinished.connect(self.check_ni_number)
        self.employment.currentIndexChanged.connect(self._on_employment_changed)
        self.relative.toggled.connect(self.approved_on.setEnabled)
        self.approved_on.setEnabled(False)
        self._on_employment_changed()

    def fill(
        self, pa: PA | None, name: str, start: date | None, leave: date | None, extras: PaExtras
    ) -> None:
        self.name.setText(name)
        self.start_date.set_date(start)
        self.leave_date.set_date(leave)
        self.tax_code.setText(extras.tax_code)
        if pa is None:
            return
        self.phone.setText(pa.contact.phone)
        self.email.setText(pa.contact.email)
        self.address.setText(pa.contact.address)
        self.date_of_birth.set_date(pa.date_of_birth)
        self.ni_number.setText(str(pa.ni_number) if pa.ni_number else "")
        self.employment.setCurrentIndex(self.employment.findData(pa.employment_type))
        self.utr.setText(pa.utr or "")
        self.frequency.setCurrentIndex(self.frequency.findData(pa.pay_frequency))
        self.relative.setChecked(pa.relative_in_household)
        self.approved_on.set_date(pa.council_approved_on)

    def check_ni_number(self) -> bool:
        """Show what is wrong with the NI number beside it (blank is allowed)."""
        text = self.ni_number.text()
        problem = ni_number_problem(text) if text.strip() else None
        if problem:
            self.ni_message.show_message(problem)
            return False
        self.ni_message.clear_message()
        if text.strip():
            self.ni_number.setText(str(NINumber.parse(text)))
        return True

    def _on_employment_changed(self) -> None:
        self_employed = self.employment.currentData() is EmploymentType.SELF_EMPLOYED
        self.utr.setEnabled(self_employed)

    def details(self) -> Details | None:
        for message in self.messages:
            message.clear_message()
        ok = True

        def read(message: FieldMessage, fn):  # type: ignore[no-untyped-def]
            nonlocal ok
            try:
                return fn()
            except DomainError as err:
                message.show_message(str(err))
                ok = False
                return None

        name = " ".join(self.name.text().split())
        if not name:
            self.name_message.show_message("Type the PA's name.")
            ok = False
        dob = read(self.dob_message, self.date_of_birth.date_value)
        start = read(self.start_message, self.start_date.date_value)
        leave = read(self.leave_message, self.leave_date.date_value)
        approved = (
            read(self.approved_message, self.approved_on.date_value) if self.relative.isChecked() else None
        )
        ni = read(
            self.ni_message,
            lambda: NINumber.parse(self.ni_number.text()) if self.ni_number.text().strip() else None,
        )
        kind = self.employment.currentData()
        utr = None
        if kind is EmploymentType.SELF_EMPLOYED:
            utr = read(self.utr_message, lambda: parse_utr(self.utr.text()))
        contact = read(
            self.email_message,
            lambda: ContactDetails(self.phone.text(), self.email.text(), self.address.text()),
        )
        if not ok or start is None or contact is None:
            return None
        return Details(
            name,
            contact,
            dob,
            ni,
            start,
            leave,
            kind,
            utr,
            self.frequency.currentData(),
            self.relative.isChecked(),
            approved,
            self.tax_code.text().strip(),
        )
