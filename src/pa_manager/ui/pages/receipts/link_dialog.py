"""Link a document to the payments it is evidence for: payments near its date, tick the ones it
covers (one receipt can cover several payments, and a payment can have several receipts)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pa_manager.services import receipt_links
from pa_manager.services.book import Book
from pa_manager.services.documents import DocumentInfo
from pa_manager.services.receipt_links import PaymentChoice
from pa_manager.ui.pages.receipts.tables import hide_unmatched, search_box
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import fit_to_text
from pa_manager.ui.widgets.date_edit import format_date
from pa_manager.ui.widgets.save_dialog import SaveDialog


def choice_text(p: PaymentChoice) -> str:
    return f"{format_date(p.day)}   {p.payee}   {(-p.amount).format()}   {p.category}"


class LinkDialog(SaveDialog):
    """`saved` after the links are written."""

    def __init__(
        self, tasks: TaskRunner, book: Book, doc: DocumentInfo, parent: QWidget | None = None
    ) -> None:
        heading = f"Which payments is “{doc.title}” evidence for?"
        super().__init__(tasks, book, "Link to payments", heading, parent, save_text="&Save links")
        self.doc = doc
        text = QLabel(
            f"Payments within {receipt_links.WINDOW_DAYS} days of {format_date(doc.day)}. Tick each payment "
            "this document covers (Space ticks the selected one)."
        )
        text.setWordWrap(True)
        search_label, self.search = search_box("Search payments")
        self.search.setPlaceholderText("Payee, date or amount")
        self.payments = QListWidget()
        self.payments.setAccessibleName("Payments near the document's date")
        self.payments.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        self.status = QLabel("Loading payments…")
        self.status.setWordWrap(True)
        column = QVBoxLayout(self)
        for widget in (
            self.heading,
            text,
            search_label,
            self.search,
            self.status,
            self.payments,
            self.problem,
        ):
            column.addWidget(widget)
        column.addWidget(self.buttons)
        self.search.textChanged.connect(lambda text: hide_unmatched(self.payments, text))
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

    def _on_save(self) -> None:
        ids = {
            int(self.payments.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.payments.count())
            if self.checked_item(r)
        }
        book, doc_id = self._book, self.doc.id
        self.save_on_worker(lambda: receipt_links.set_links(book, doc_id, ids))
