"""Wizard page 3: the council, its reference, the nation and where the money is paid."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from pa_manager.domain.holder import AccountType, Nation
from pa_manager.ui.wizard.form_page import FormPage


def choice_box(members: list[object], default: object) -> QComboBox:
    """A combo box of enum members showing each `.label`, with `default` chosen."""
    box = QComboBox()
    for member in members:
        box.addItem(member.label, member)  # type: ignore[attr-defined]
    box.setCurrentIndex(box.findData(default))
    return box


class CouncilPage(FormPage):
    """Council name (required), reference (optional), nation, account type."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Which council pays the direct payment?",
            "This goes on the returns you send to the council. The reference is on the council's "
            "letters; you can add it later if you do not have it to hand.",
            parent,
        )
        self.council = QLineEdit()
        self.council.setMaxLength(200)
        self.reference = QLineEdit()
        self.reference.setMaxLength(100)
        self.nation = choice_box(list(Nation), Nation.ENGLAND)
        self.account_type = choice_box(list(AccountType), AccountType.BANK_ACCOUNT)
        self.council_message = self.field_row("&Council:", self.council, "For example Leeds City Council.")
        self.reference_message = self.field_row(
            "Council &reference (optional):", self.reference, "For example DP/12345."
        )
        self.nation_message = self.field_row(
            "&Nation:",
            self.nation,
            "Decides the bank holidays and which income tax rules apply.",
        )
        self.account_message = self.field_row("Where the money is &paid:", self.account_type)

    def chosen_nation(self) -> Nation:
        nation = self.nation.currentData()
        assert isinstance(nation, Nation)
        return nation

    def chosen_account_type(self) -> AccountType:
        account_type = self.account_type.currentData()
        assert isinstance(account_type, AccountType)
        return account_type

    def validatePage(self) -> bool:
        self.clear_messages()
        if not self.council.text().strip():
            return self.refuse(
                self.council_message,
                self.council,
                "Type the name of the council that pays the direct payment.",
            )
        return True
