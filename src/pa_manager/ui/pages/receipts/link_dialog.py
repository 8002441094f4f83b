"""Link a document to the payments it is evidence for: payments near its date, tick the ones it
covers (one receipt can cover several payments, and a payment can have several receipts)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pa_manager.services import receipt_links
from pa_manager.services.book import Book
from pa_manager.services.documents import DocumentInfo
from pa_manager.services.receipt_links import PaymentChoice
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel, fit_to_text
from pa_manager.ui.widgets.date_edit import format_date
from pa_manager.ui.widgets.field_message import FieldMessage


def choice_text(p: PaymentChoice) -> str:
    return f"{format_date(p.day)}   {p.payee}   {(-p.amount).format()}   {p.category}"


class LinkDialog(QDialog):
    """`saved` after the links are written."""

    saved = Signal()

    def __init__(
        self, tasks: TaskRunner, book: Book, doc: DocumentInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._tasks, self._book, self.doc = tasks, book, doc
        self.setWindowTitle("Link to payments")
        heading = ScaledLabel(f"Which payments is “{doc.title}” evidence for?", scale=1.3, bold=True)
        heading.setWordWrap(True)
        text = QLabel(
            f"Payments within {receipt_links.WINDOW_DAYS} days of {format_date(doc.day)}. Tick each payment "
            "this document covers (Space ticks the selected one)."
        )
        text.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Payee, date or amount")
        search_label = QLabel("&Search")
        search_label.setBuddy(self.search)
        self.search.setAccessibleName("Search payments")
        self.payments = QListWidget()
        self.payments.setAccessibleName("Payments near the document's date")
        self.payments.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        self.problem = FieldMessage()
        self.status = QLabel("Loading payments…")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Save links", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        for widget in (heading, text, search_label, self.search, self.status, self.payments, self.problem):
            column.addWidget(widget)
        column.addWidget(buttons)
        self.search.textChanged.connect(self._filter)
        self.save_button.setEnabled(False)
        fit_to_text(self, 80, 32)
        self._tasks.run(
            lambda: receipt_links.payments_for(book, doc.id), self._loaded, self._failed, owner=self
        )

    def _loaded(self, choices: list[PaymentChoice]) -> None:
        for p in choices:
            item = QListWidgetItem(choice_text(p))
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p.linked else Qt.CheckState.Unchecked)
            self.payments.addItem(item)
        self.status.setText(
            f"{len(choices)} payments."
            if choices
            else "No payments near this date. Change the document's date."
        )
        self.save_button.setEnabled(True)
        linked = [i for i in range(self.payments.count()) if self.checked_item(i)]
        self.payments.setCurrentRow(linked[0] if linked else 0)

    def _failed(self, message: str) -> None:
        self.status.setText(message)

    def checked_item(self, row: int) -> bool:
        return self.payments.item(row).checkState() == Qt.CheckState.Checked

    def set_checked(self, txn_id: int, checked: bool) -> None:
        for row in range(self.payments.count()):
            item = self.payments.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == txn_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.payments.count()):
            item = self.payments.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _on_save(self) -> None:
        ids = {
            int(self.payments.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.payments.count())
            if self.checked_item(r)
        }
        book, doc_id = self._book, self.doc.id
        self._tasks.run(
            lambda: receipt_links.set_links(book, doc_id, ids),
            self._saved,
            self.problem.show_message,
            owner=self,
        )

    def _saved(self, _result: object) -> None:
        self.saved.emit()
        self.accept()
