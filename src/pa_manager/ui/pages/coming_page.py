"""A page for a part of the app that is not built yet: it says plainly what will be there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pa_manager.ui.session import OpenedBook
from pa_manager.ui.text_size import ScaledLabel

COMING: dict[str, str] = {
    "Money": (
        "Your register of money in and out, statement import from your bank or card, "
        "reconciliation and contingency pots."
    ),
    "People & timesheets": (
        "Your personal assistants' details, contracts and documents (DBS, right to work, "
        "training), with timesheets for every shift, sleep-ins and bank holidays."
    ),
    "Pay": (
        "Pay runs for each PA: gross pay from timesheets, tax, National Insurance, pension and "
        "holiday pay, payslips, and what to pay HMRC and when."
    ),
    "Receipts": (
        "Receipts, invoices and certificates kept inside the encrypted book and linked to the "
        "payments they explain."
    ),
    "Returns": (
        "The council's monitoring return for any period, with the evidence pack the council "
        "asks for (statements, timesheets, payslips and receipts), ready to print or send."
    ),
}


class ComingPage(QWidget):
    """Heading, "coming in a later version", and one paragraph of what the page will do."""

    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        heading = ScaledLabel(title, scale=1.6, bold=True)
        heading.setWordWrap(True)
        status = QLabel("This part of PA Manager is coming in a later version.")
        status.setWordWrap(True)
        self.description = QLabel(f"It will hold: {description[0].lower()}{description[1:]}")
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        # Selectable by keyboard so a screen-reader user can Tab to the paragraph and read it.
        self.description.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.description.setAccessibleName(f"{title}: what will be here")
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 24, 24, 24)
        column.addWidget(heading)
        column.addWidget(status)
        column.addWidget(self.description)
        column.addStretch(1)

    def set_book(self, opened: OpenedBook | None) -> None:
        """Nothing from the book is shown here yet."""
