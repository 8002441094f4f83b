"""Add or change one contingency pot: what it is for, its name, the amount and the reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import MoneyError
from pa_manager.domain.money_rules.pots import Pot, PotKind
from pa_manager.ui.text_size import ScaledLabel, fit_to_text
from pa_manager.ui.widgets.field_message import FieldMessage, add_field, make_form
from pa_manager.ui.widgets.money_edit import MoneyEdit
from pa_manager.ui.widgets.scrolling import scrolling


class PotEditor(QDialog):
    """Accepts only when the pot is valid; then `pot()` returns it (with the same id if editing)."""

    def __init__(self, pot: Pot | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._id = pot.id if pot else None
        self._pot: Pot | None = None
        self.setWindowTitle(("Change a pot" if pot else "Add a pot") + " — PA Manager")
        heading = ScaledLabel("Change a pot" if pot else "Add a pot", scale=1.4, bold=True)
        intro = QLabel(
            "A pot is money you keep back from the balance for something you will have to pay. "
            "The reason is what the council will read when it asks why you hold the money."
        )
        intro.setWordWrap(True)
        form = make_form()
        self.kind = QComboBox()
        for kind in PotKind:
            self.kind.addItem(kind.label, kind)
        add_field(form, "&What is it for?", self.kind)
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.name_message = add_field(form, "&Name:", self.name)
        self.target = MoneyEdit(allow_zero=False)
        self.target_message = add_field(form, "&Amount to set aside:", self.target, "For example £1,200.00.")
        self.target.problem.connect(self._on_target_problem)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 12)
        self.reason_message = add_field(
            form,
            "&Reason:",
            self.reason,
            "For example: “Holiday pay owed to two PAs for leave not yet taken.”",
        )
        self.message = FieldMessage()
        buttons = QDialogButtonBox()
        self.save_button = QPushButton("&Save pot")
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(heading)
        inner.addWidget(intro)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(scrolling(content))
        column.addWidget(buttons)
        if pot is not None:
            self.kind.setCurrentIndex(self.kind.findData(pot.kind))
            self.name.setText(pot.name)
            self.target.set_money(pot.target)
            self.reason.setPlainText(pot.reason)
        else:
            self.name.setText(PotKind.HOLIDAY_PAY.label)
        self._last_kind_label = self.kind.currentText()
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        fit_to_text(self, 70, 30)
        self.kind.setFocus()

    def _on_kind_changed(self) -> None:
        """Follow the kind with the name, unless the person typed a name of their own."""
        if not self.name.text().strip() or self.name.text() == self._last_kind_label:
            self.name.setText(self.kind.currentText())
        self._last_kind_label = self.kind.currentText()

    def _on_target_problem(self, message: str) -> None:
        if message:
            self.target_message.show_message(message)
        else:
            self.target_message.clear_message()

    def _on_save(self) -> None:
        for message in (self.name_message, self.target_message, self.reason_message, self.message):
            message.clear_message()
        if not self.name.text().strip():
            self.name_message.show_message("Give the pot a name, for example “Holiday pay owed”.")
            self.name.setFocus()
            return
        try:
            target = self.target.money()
        except (DomainError, MoneyError) as err:
            self.target_message.show_message(str(err))
            self.target.setFocus()
            return
        kind = self.kind.currentData()
        if kind is PotKind.OTHER and not self.reason.toPlainText().strip():
            self.reason_message.show_message("Say what an “Other” pot is for: the council will ask.")
            self.reason.setFocus()
            return
        try:
            self._pot = Pot(
                kind, self.name.text().strip(), target, self.reason.toPlainText().strip(), self._id
            )
        except DomainError as err:
            self.message.show_message(str(err))
            return
        self.accept()

    def pot(self) -> Pot:
        """The pot as typed (only after the dialog was accepted)."""
        if self._pot is None:
            raise DomainError("The pot has not been saved.")
        return self._pot
