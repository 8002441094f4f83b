"""The quick-entry row under the register: type a line and press Enter, then the next.

Date, payee (completed from earlier payees), money in or out, amount, category (filled in from
the last line with that payee) and PA. Enter anywhere in the row adds the line; focus goes back to
Payee for the next one. A bad amount or date is refused with a message beside its field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pa_manager.domain.categories import Category
from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import MoneyError
from pa_manager.services.errors import BookError
from pa_manager.services.transactions import TransactionDetail, validate
from pa_manager.ui.pages.money.fields import LabelledField
from pa_manager.ui.pages.money.flow_layout import FlowLayout
from pa_manager.ui.widgets.date_edit import DateEdit
from pa_manager.ui.widgets.field_message import FieldMessage
from pa_manager.ui.widgets.money_edit import MoneyEdit

MONEY_OUT, MONEY_IN = 0, 1
# Different first letters, so typing O or I on the list picks one.
DIRECTIONS = ["Out — money paid", "In — money received"]


@dataclass(frozen=True, slots=True)
class PayeeHabit:
    """What the last line with a payee was: its category, PA and whether money went out."""

    category: Category
    pa_id: int | None
    money_out: bool


def fill_categories(combo: QComboBox) -> None:
    """Every category, money out first (most lines are spending), then money in."""
    for category in sorted(Category, key=lambda c: c.is_income):
        combo.addItem(category.label, category)


class QuickEntryRow(QWidget):
    """Emits `submitted` with a new line; the page saves it and calls `ready_for_next`."""

    submitted = Signal(object)  # TransactionDetail

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._habits: dict[str, PayeeHabit] = {}
        self.account_id: int | None = None
        self.heading = QLabel("<b>Add a line</b> — type it and press Enter")
        self.day = DateEdit()
        self.day.set_date(date.today())
        self.payee = QLineEdit()
        self.payee.setMaxLength(200)
        self._payees = QStringListModel(self)
        self.completer = QCompleter(self._payees, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.payee.setCompleter(self.completer)
        self.direction = QComboBox()
        self.direction.addItems(DIRECTIONS)
        self.amount = MoneyEdit(allow_negative=True, allow_zero=False)
        self.category = QComboBox()
        fill_categories(self.category)
        self.category.setCurrentIndex(self.category.findData(Category.UNCATEGORISED))
        self.pa = QComboBox()
        self.add_button = QPushButton("Add line")
        self.message = FieldMessage()

        self.day_field = LabelledField("Date", self.day, min_chars=12)
        self.payee_field = LabelledField("Payee", self.payee, min_chars=24)
        self.direction_field = LabelledField("In or out", self.direction)
        self.amount_field = LabelledField("Amount", self.amount, min_chars=12)
        self.category_field = LabelledField("Category", self.category)
        self.pa_field = LabelledField("PA", self.pa)
        self.payee.setAccessibleDescription("Earlier payees are suggested as you type.")
        self.amount.setAccessibleDescription("Pounds and pence, for example 12.50 or £1,234.56.")
        flow = FlowLayout()
        for widget in (
            self.day_field,
            self.payee_field,
            self.direction_field,
            self.amount_field,
            self.category_field,
            self.pa_field,
            self.add_button,
        ):
            flow.addWidget(widget)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addLayout(flow)
        column.addWidget(self.message)
        self.set_pas({})

        self.amount.problem.connect(self._on_amount_problem)
        self.payee.editingFinished.connect(self._on_payee_chosen)
        self.completer.activated.connect(self._on_payee_chosen)
        self.add_button.clicked.connect(self.submit)
        self._saving = False

    # -- filling ---------------------------------------------------------------------------
    def set_pas(self, names: dict[int, str]) -> None:
        self.pa.clear()
        self.pa.addItem("No PA", None)
        for pa_id, name in names.items():
            self.pa.addItem(name, pa_id)
        self.pa_field.setVisible(bool(names))

    def set_habits(self, habits: dict[str, PayeeHabit], payees: list[str]) -> None:
        """Earlier payees (for the completer) and what each was last recorded as."""
        self._habits = habits
        self._payees.setStringList(payees)

    # -- entering --------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Line edits and drop-down lists pass Enter on (after a line edit's own returnPressed),
        # so Enter in any field of the row arrives here once.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)

    def detail(self) -> TransactionDetail | None:
        """The line typed, or None after showing what is wrong beside the field."""
        for field in (self.day_field, self.payee_field, self.amount_field):
            field.clear_message()
        self.message.clear_message()
        try:
            day = self.day.date_value()
        except DomainError as exc:
            self.day_field.show_message(str(exc))
            self.day.setFocus()
            return None
        if not self.payee.text().strip():
            self.payee_field.show_message("Say who was paid, or who the money came from.")
            self.payee.setFocus()
            return None
        try:
            amount = self.amount.money()
        except (MoneyError, DomainError) as exc:
            self.amount_field.show_message(str(exc))
            self.amount.setFocus()
            return None
        if amount.is_negative:
            self.direction.setCurrentIndex(MONEY_OUT)
        elif self.direction.currentIndex() == MONEY_OUT:
            amount = -amount
        category = self.category.currentData()
        pa_id = self.pa.currentData()
        assert day is not None
        line = TransactionDetail(
            day=day,
            payee=self.payee.text().strip(),
            amount=amount,
            category=category if isinstance(category, Category) else Category.UNCATEGORISED,
            pa_id=int(pa_id) if pa_id is not None else None,
            account_id=self.account_id,
        )
        try:
            validate(line)
        except BookError as exc:
            self.message.show_message(str(exc))
            return None
        return line

    def submit(self) -> None:
        if self._saving:
            return  # the last line is still being saved
        line = self.detail()
        if line is not None:
            self._saving = True
            self.submitted.emit(line)

    def ready_for_next(self) -> None:
        """After a line is saved: keep the date, clear the rest, and go back to Payee."""
        self._saving = False
        self.payee.clear()
        self.amount.clear()
        self.amount_field.clear_message()
        self.message.clear_message()
        self.category.setCurrentIndex(self.category.findData(Category.UNCATEGORISED))
        self.pa.setCurrentIndex(0)
        self.payee.setFocus()

    def show_problem(self, text: str) -> None:
        """Saving failed: say why and let the person try again."""
        self._saving = False
        self.message.show_message(text)

    # -- slots -----------------------------------------------------------------------------
    def _on_amount_problem(self, text: str) -> None:
        if text:
            self.amount_field.show_message(text)
        else:
            self.amount_field.clear_message()

    def _on_payee_chosen(self, _text: str = "") -> None:
        habit = self._habits.get(self.payee.text().strip().casefold())
        if habit is None:
            return
        self.category.setCurrentIndex(max(self.category.findData(habit.category), 0))
        self.pa.setCurrentIndex(max(self.pa.findData(habit.pa_id), 0))
        self.direction.setCurrentIndex(MONEY_OUT if habit.money_out else MONEY_IN)
