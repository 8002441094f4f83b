"""A document's details: its name, what kind it is, its date, and whom it concerns (a PA or the
budget holder): a PA's contract, right-to-work evidence or DBS certificate, or the holder's
insurance certificate, bank statements and council letters."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pa_manager.domain.errors import DomainError
from pa_manager.services import documents
from pa_manager.services.book import Book
from pa_manager.services.documents import DocumentInfo, DocumentKind
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import fit_to_text
from pa_manager.ui.widgets.date_edit import DateEdit
from pa_manager.ui.widgets.field_message import add_field, make_form
from pa_manager.ui.widgets.save_dialog import SaveDialog


class DetailsDialog(SaveDialog):
    """`saved` after the details are written."""

    def __init__(
        self,
        tasks: TaskRunner,
        book: Book,
        doc: DocumentInfo,
        pas: dict[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, book, "Document details", "Document details", parent)
        self.doc = doc
        self.title = QLineEdit(doc.title)
        self.title.setMaxLength(200)
        self.kind = QComboBox()
        for kind in DocumentKind:
            self.kind.addItem(kind.label, kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(DocumentKind(doc.kind))))
        self.day = DateEdit()
        self.day.set_date(doc.day)
        form = make_form()
        self.title_message = add_field(form, "&Name", self.title)
        add_field(form, "&Kind", self.kind)
        self.day_message = add_field(form, "&Date", self.day, "The date on the document.")
        about = QLabel("This document is about")
        self.nobody = QRadioButton("&Nobody in particular (a receipt or invoice)")
        self.holder = QRadioButton("The &budget holder (insurance, bank statements, council letters)")
        self.pa = QRadioButton("A &PA (contract, right to work, DBS certificate)")
        self.pa_combo = QComboBox()
        for pa_id, name in sorted(pas.items(), key=lambda p: p[1].casefold()):
            self.pa_combo.addItem(name, pa_id)
        self.pa_combo.setAccessibleName("Which PA")
        self.pa.setEnabled(bool(pas))
        group = QButtonGroup(self)
        for button in (self.nobody, self.holder, self.pa):
            group.addButton(button)
        if doc.pa_id is not None and self.pa_combo.findData(doc.pa_id) >= 0:
            self.pa.setChecked(True)
            self.pa_combo.setCurrentIndex(self.pa_combo.findData(doc.pa_id))
        elif doc.holder:
            self.holder.setChecked(True)
        else:
            self.nobody.setChecked(True)
        self.pa.toggled.connect(self.pa_combo.setEnabled)
        self.pa_combo.setEnabled(self.pa.isChecked())
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addLayout(form)
        for widget in (about, self.nobody, self.holder, self.pa, self.pa_combo, self.problem):
            column.addWidget(widget)
        column.addStretch(1)
        column.addWidget(self.buttons)
        fit_to_text(self, 70, 30)

    def _on_save(self) -> None:
        for message in (self.title_message, self.day_message, self.problem):
            message.clear_message()
        try:
            day = self.day.date_value()
        except DomainError as err:
            self.day_message.show_message(str(err))
            return
        if day is None:
            self.day_message.show_message("Enter the date on the document, like 14/03/2026.")
            return
        kind: DocumentKind = self.kind.currentData()
        pa_id = self.pa_combo.currentData() if self.pa.isChecked() else None
        holder = self.holder.isChecked()
        book, doc_id, title = self._book, self.doc.id, self.title.text()
        self.save_on_worker(
            lambda: documents.describe(
                book, doc_id, title=title, kind=kind, day=day, pa_id=pa_id, holder=holder
            )
        )
