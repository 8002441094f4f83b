"""Type in a payroll bureau's payslip for one PA and one pay period.

Every figure is checked beside its box before anything is saved; nothing is written while a box
has a problem. A PA not yet marked as paid by a bureau can be marked here (a tick box says what
that means). The work runs on the book's worker; the page refreshes when `saved` is emitted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money, MoneyError
from pa_manager.domain.payroll import parse_tax_code
from pa_manager.services import bureau, pay_settings
from pa_manager.services.book import Book
from pa_manager.services.pay_types import BureauFigures
from pa_manager.ui.pages.pay.period_picker import RunKey
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel, fit_to_text
from pa_manager.ui.widgets.field_message import FieldMessage, add_field, make_form
from pa_manager.ui.widgets.money_edit import MoneyEdit
from pa_manager.ui.widgets.scrolling import scrolling

NI_LETTERS = ("A", "B", "C", "H", "J", "M", "V", "Z")
# (attribute of BureauFigures, label, may it be below zero)
MONEY_FIELDS = (
    ("gross", "&Gross pay", False),
    ("tax", "Income &tax (a refund as minus, like -12.50)", True),
    ("employee_ni", "&Employee National Insurance", False),
    ("employer_ni", "Emplo&yer National Insurance", False),
    ("pension_employee", "&Pension taken from pay (employee)", False),
    ("pension_employer", "Pension paid by the e&mployer", False),
    ("student_loan", "&Student loan", False),
    ("postgraduate_loan", "P&ostgraduate loan", False),
    ("net", "&Net pay", False),
)


@dataclass(frozen=True, slots=True)
class BureauPA:
    """A PA a bureau payslip can be typed in for."""

    id: int
    name: str
    bureau: bool


class BureauDialog(QDialog):
    """`saved(pa_name)` after the payslip is stored."""

    saved = Signal(str)

    def __init__(
        self,
        tasks: TaskRunner,
        book: Book,
        pas: list[BureauPA],
        key: RunKey,
        label: str,
        pay_date: date | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks, self._book, self._pas, self._key, self._pay_date = tasks, book, pas, key, pay_date
        self.setWindowTitle("Type in a bureau payslip")
        heading = ScaledLabel(f"A payroll bureau's payslip for {label}", scale=1.25, bold=True)
        heading.setWordWrap(True)
        intro = QLabel(
            "Copy each figure from the payslip your payroll bureau sent. Type 0 for anything not on "
            "it. PA Manager then counts this payslip like its own: the wages, HMRC and pension owed."
        )
        intro.setWordWrap(True)
        form_box = QWidget()
        form = make_form(form_box)
        self._form = form
        self.pa = QComboBox()
        for pa in pas:
            self.pa.addItem(pa.name + ("" if pa.bureau else " (not yet marked as bureau)"), pa.id)
        self.pa_message = add_field(form, "P&A", self.pa)
        self.mark = QCheckBox("A payroll bureau works out this PA's pay from now on")
        self.mark.setToolTip("PA Manager then works out nothing for them; you type in each payslip.")
        self.mark_message = add_field(form, "Bureau", self.mark)
        self.edits: dict[str, MoneyEdit] = {}
        self.messages: dict[str, FieldMessage] = {}
        for name, text, negative in MONEY_FIELDS:
            edit = MoneyEdit(allow_negative=negative)
            edit.problem.connect(lambda message, n=name: self._show(n, message))
            self.edits[name] = edit
            self.messages[name] = add_field(form, text, edit)
        self.sum_hint = QLabel()
        self.sum_hint.setWordWrap(True)
        form.addRow(self.sum_hint)
        self.tax_code = QLineEdit()
        self.tax_code.setMaxLength(12)
        self.tax_code_message = add_field(
            form, "Tax &code (optional)", self.tax_code, "As on the payslip, like 1257L."
        )
        self.ni_category = QComboBox()
        self.ni_category.addItems(NI_LETTERS)
        add_field(form, "National Insurance &category letter", self.ni_category)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("Save payslip", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.scroll = scrolling(form_box)
        column = QVBoxLayout(self)
        column.addWidget(heading)
        column.addWidget(intro)
        column.addWidget(self.scroll, 1)
        column.addWidget(self.problem)
        column.addWidget(buttons)
        self.pa.currentIndexChanged.connect(self._on_pa_changed)
        for edit in self.edits.values():
            edit.textChanged.connect(self._update_sum)
        self._on_pa_changed()
        fit_to_text(self, 70, 40)

    # -- checking --------------------------------------------------------------------------
    def _show(self, name: str, message: str) -> None:
        if message:
            self.messages[name].show_message(message)
        else:
            self.messages[name].clear_message()

    def _current(self) -> BureauPA | None:
        pa_id = self.pa.currentData()
        return next((p for p in self._pas if p.id == pa_id), None)

    def _on_pa_changed(self) -> None:
        pa = self._current()
        needs_mark = pa is not None and not pa.bureau
        self.mark.setChecked(False)
        self.mark_message.clear_message()
        if self.mark_message.row is not None:
            self._form.setRowVisible(self.mark_message.row, needs_mark)

    def _update_sum(self) -> None:
        try:
            values = {n: self.edits[n].money() for n, _t, _neg in MONEY_FIELDS}
        except (MoneyError, DomainError):
            self.sum_hint.clear()
            return
        left = values["gross"] - values["tax"] - values["employee_ni"] - values["pension_employee"]
        left = left - values["student_loan"] - values["postgraduate_loan"]
        same = "the same as" if left == values["net"] else "not the same as"
        self.sum_hint.setText(f"Gross pay less the deductions typed in is {left}, {same} the net pay.")

    def figures(self) -> BureauFigures | None:
        """The figures, or None after showing a message beside each box that is wrong."""
        values: dict[str, Money] = {}
        for name, _text, _negative in MONEY_FIELDS:
            if not self.edits[name].check():
                values[name] = self.edits[name].money()
        code = self.tax_code.text().strip().upper()
        code_ok = True
        if code:
            try:
                code = str(parse_tax_code(code))
                self.tax_code_message.clear_message()
            except DomainError as err:
                self.tax_code_message.show_message(str(err))
                code_ok = False
        mark_ok = True
        pa = self._current()
        if pa is None:
            self.pa_message.show_message("Choose the PA this payslip is for.")
            mark_ok = False
        elif not pa.bureau and not self.mark.isChecked():
            self.mark_message.show_message(
                f"{pa.name} is not marked as paid by a payroll bureau. Tick the box to mark them."
            )
            mark_ok = False
        if len(values) < len(MONEY_FIELDS) or not code_ok or not mark_ok:
            return None
        v = values
        return BureauFigures(
            gross=v["gross"],
            tax=v["tax"],
            employee_ni=v["employee_ni"],
            employer_ni=v["employer_ni"],
            net=v["net"],
            pension_employee=v["pension_employee"],
            pension_employer=v["pension_employer"],
            student_loan=v["student_loan"],
            postgraduate_loan=v["postgraduate_loan"],
            tax_code=code,
            ni_category=self.ni_category.currentText(),
        )

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        figures = self.figures()
        pa = self._current()
        if figures is None or pa is None:
            self._say("⚠ Nothing was saved. Put right the boxes marked with ⚠ and save again.")
            return
        book, (year, frequency, period), day = self._book, self._key, self._pay_date

        def work() -> str:
            if pa.bureau:
                bureau.record_bureau_payslip(book, pa.id, year, frequency, period, figures, pay_date=day)
                return pa.name
            details = pay_settings.payroll_details(book, pa.id)
            pay_settings.set_payroll_details(book, pa.id, replace(details, bureau=True))
            try:
                bureau.record_bureau_payslip(book, pa.id, year, frequency, period, figures, pay_date=day)
            except Exception:
                pay_settings.set_payroll_details(book, pa.id, details)  # leave the PA as they were
                raise
            return pa.name

        self.save_button.setEnabled(False)
        self._tasks.run(work, self._on_saved, self._on_failed, owner=self)

    def _on_saved(self, name: str) -> None:
        self.saved.emit(name)
        self.accept()

    def _on_failed(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self._say(f"⚠ Nothing was saved. {message}")

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setAccessibleName(text)
        self.problem.show()
