"""A text box for an amount of money: typed as "1234.56" or "£1,234.56", read as Money, never a float."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money, MoneyError


class MoneyEdit(QLineEdit):
    """`money()` returns Money or raises MoneyError/DomainError with a sentence for the person.

    When the person leaves the box, a good amount is tidied to "£1,234.56" and `problem` is
    emitted with "" (all fine) or the message to show beside the box.
    """

    problem = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, *, allow_negative: bool = False, allow_zero: bool = True
    ) -> None:
        super().__init__(parent)
        self._allow_negative = allow_negative
        self._allow_zero = allow_zero
        self.setPlaceholderText("£0.00")
        self.setMaxLength(20)
        self.editingFinished.connect(self._on_editing_finished)

    def money(self) -> Money:
        text = self.text().strip()
        if not text:
            raise DomainError("Type an amount of money, for example 1234.56 (or 0 for none).")
        value = Money.parse(text)
        if value.is_negative and not self._allow_negative:
            raise DomainError("This amount cannot be less than £0.00.")
        if not value and not self._allow_zero:
            raise DomainError("This amount must be more than £0.00.")
        return value

    def set_money(self, value: Money) -> None:
        self.setText(value.format())

    def check(self) -> str:
        """ "" if the amount is good, else the message; also emits `problem`."""
        try:
            self.money()
        except (MoneyError, DomainError) as exc:
            message = str(exc)
        else:
            message = ""
        self.problem.emit(message)
        return message

    def _on_editing_finished(self) -> None:
        if not self.text().strip():
            return
        if not self.check():
            self.set_money(self.money())
