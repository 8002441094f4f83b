"""Wizard page 7: the recovery code, with the recovery sheet to save as a PDF and print.

The recovery code opens the book when the passphrase is forgotten, so the wizard does not
finish until the person says they have kept it safe.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
    QWizard,
)

from pa_manager.services.book import CreatedBook
from pa_manager.ui.text_size import ScaledLabel
from pa_manager.ui.wizard.form_page import FormPage

SheetWriter = Callable[[Path, Callable[[object], None], Callable[[str], None]], None]


class RecoveryPage(FormPage):
    """Shows the code; Save the recovery sheet (PDF)…; Print…; "I have kept it safe"."""

    def __init__(self, write_sheet: SheetWriter, parent: QWidget | None = None) -> None:
        super().__init__(
            "Keep the recovery code safe",
            "If the passphrase is ever forgotten, this code opens the book. Save the recovery "
            "sheet and print it, then keep the paper somewhere safe away from the computer, "
            "like a spare house key. Anyone with the code can open the book.",
            parent,
        )
        self._write_sheet = write_sheet
        self.created: CreatedBook | None = None
        self.code = ScaledLabel("", scale=1.3, bold=True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.code.setStyleSheet(f"font-family: '{mono.family()}';")
        self.code.setWordWrap(True)
        self.code.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.code.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.code.setAccessibleName("Recovery code")
        self.save_button = QPushButton("&Save the recovery sheet (PDF)…")
        self.save_button.clicked.connect(self._on_save_clicked)
        self.print_button = QPushButton("&Print the recovery code…")
        self.print_button.clicked.connect(self._on_print_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.kept = QCheckBox("I have saved or printed the recovery code and will &keep it safe")
        self.kept.toggled.connect(self.completeChanged)
        self.column.insertWidget(self.column.indexOf(self.form), self.code)
        self.add_layout(buttons)
        self.add_widget(self.status)
        self.add_widget(self.kept)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Open the book")

    def set_created(self, created: CreatedBook) -> None:
        self.created = created
        self.code.setText(created.recovery_code)
        self.code.setAccessibleDescription(" ".join(created.recovery_code))

    def isComplete(self) -> bool:
        return self.created is not None and self.kept.isChecked()

    def sheet_path(self) -> Path:
        assert self.created is not None
        book = Path(self.created.path)
        return book.with_name(f"{book.stem} recovery sheet.pdf")

    def save_sheet(self, path: Path) -> None:
        """Write the PDF on the worker and say where it went."""
        self.save_button.setEnabled(False)
        self.status.setText("Saving the recovery sheet…")
        self._write_sheet(path, self._on_sheet_saved, self._on_sheet_failed)

    def _on_save_clicked(self) -> None:
        if self.created is None:
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Save the recovery sheet", str(self.sheet_path()), "PDF files (*.pdf)"
        )
        if chosen:
            path = Path(chosen)
            self.save_sheet(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    def _on_sheet_saved(self, path: object) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(
            f"Saved: {path}. Print it, keep the paper safe, and keep a copy away from this computer."
        )

    def _on_sheet_failed(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(f"⚠ The recovery sheet was not saved. {message}")

    def _on_print_clicked(self) -> None:
        if self.created is None:
            return
        # Imported here: QtPrintSupport is only needed when someone prints.
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Print the recovery code")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.recovery_document().print_(printer)
        self.status.setText("Sent to the printer. Keep the paper somewhere safe.")

    def recovery_document(self) -> QTextDocument:
        """A one-page printout: whose book, the code, and what to do with it."""
        assert self.created is not None
        document = QTextDocument()
        document.setDefaultFont(
            QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family(), 12)
        )
        name = html.escape(self.created.holder_name)
        code = html.escape(self.created.recovery_code)
        document.setHtml(
            f"<h1>Recovery code for {name}'s book</h1>"
            f"<p>Book file: {html.escape(str(self.created.path))}</p>"
            f"<p style='font-family: monospace; font-size: 18pt'><b>{code}</b></p>"
            "<p>If the passphrase is forgotten, open the book in PA Manager, choose "
            "“Use the recovery code”, type this code, then choose a new passphrase.</p>"
            "<p>Keep this paper somewhere safe, away from the computer. Anyone with this code "
            "can open the book.</p>"
        )
        return document
