"""Choose a document already in the book as evidence for the selected missing payments."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pa_manager.services.documents import DocumentInfo, kind_label
from pa_manager.services.evidence import MissingEvidence
from pa_manager.ui.pages.receipts.tables import hide_unmatched, search_box
from pa_manager.ui.text_size import ScaledLabel, fit_to_text
from pa_manager.ui.widgets.date_edit import format_date


class ChooseDocumentDialog(QDialog):
    """`chosen(document_id)` when the user picks one."""

    chosen = Signal(int)

    def __init__(
        self, docs: list[DocumentInfo], payments: list[MissingEvidence], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Link an existing document")
        what = (
            f"{payments[0].payee}, {format_date(payments[0].day)}"
            if len(payments) == 1
            else f"{len(payments)} payments"
        )
        heading = ScaledLabel(f"Which document is evidence for {what}?", scale=1.3, bold=True)
        heading.setWordWrap(True)
        search_label, self.search = search_box("Search documents")
        self.list = QListWidget()
        self.list.setAccessibleName("Documents in the book")
        # Closest in date first: the receipt for a payment is usually dated near it.
        target = payments[0].day
        for doc in sorted(docs, key=lambda d: abs((d.day - target).days)):
            item = QListWidgetItem(f"{doc.title}   {kind_label(doc.kind)}   {format_date(doc.day)}")
            item.setData(Qt.ItemDataRole.UserRole, doc.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox()
        buttons.addButton("&Link", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_link)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self._on_link())
        self.search.textChanged.connect(lambda text: hide_unmatched(self.list, text))
        column = QVBoxLayout(self)
        for widget in (heading, search_label, self.search, self.list):
            column.addWidget(widget)
        column.addWidget(buttons)
        fit_to_text(self, 70, 26)

    def _on_link(self) -> None:
        item = self.list.currentItem()
        if item is not None and not item.isHidden():
            self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
            self.accept()
