"""The "Save and send" card: a button per format, the evidence pack's progress bar with Cancel,
Mark as sent, and a line saying what was saved."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from pa_manager.services.returns_export import ExportResult
from pa_manager.ui.pages.money.flow_layout import flow_row
from pa_manager.ui.pages.pay.pay_widgets import card

FILTERS = {
    "pdf": "PDF (*.pdf)",
    "xlsx": "Spreadsheet (*.xlsx)",
    "csv": "CSV (*.csv)",
    "pack": "Evidence pack (*.zip)",
}


def choose_export_path(parent: QWidget, fmt: str) -> Path | None:
    """Where to save the return in `fmt` (a key of FILTERS), or None when the user cancels."""
    name, _filter = QFileDialog.getSaveFileName(parent, "Save the return", "", FILTERS[fmt])
    return Path(name) if name else None


class _Progress(QObject):
    """Carries the pack's progress from the worker to the GUI (a signal crosses threads safely)."""

    moved = Signal(int, int)


class ExportPanel(QObject):
    """Owns the card's widgets; `export_requested(format)` and `sent_requested` go to the page."""

    export_requested = Signal(str)
    sent_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.card: QFrame
        self.card, column = card("Save and send")
        self.pdf_button = QPushButton("Save as P&DF…")
        self.xlsx_button = QPushButton("Save as sp&readsheet…")
        self.csv_button = QPushButton("Save as CS&V…")
        self.pack_button = QPushButton("Save the evidence p&ack…")
        self.sent_button = QPushButton("&Mark as sent…")
        self.buttons = (
            self.pdf_button,
            self.xlsx_button,
            self.csv_button,
            self.pack_button,
            self.sent_button,
        )
        column.addWidget(flow_row(*self.buttons))
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Evidence pack progress")
        self.cancel_button = QPushButton("Cancel")
        self.progress_row = QWidget()
        row = QHBoxLayout(self.progress_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.progress_row.hide()
        self.note = QLabel()
        self.note.setWordWrap(True)
        column.addWidget(self.progress_row)
        column.addWidget(self.note)
        self.cancel = threading.Event()
        self._progress = _Progress(self)
        self._progress.moved.connect(self._on_progress)
        for button, fmt in zip(self.buttons[:4], ("pdf", "xlsx", "csv", "pack"), strict=True):
            button.clicked.connect(lambda _c=False, f=fmt: self.export_requested.emit(f))
        self.sent_button.clicked.connect(self.sent_requested)
        self.cancel_button.clicked.connect(self.cancel.set)

    def keep_going(self, done: int, total: int) -> bool:
        """The export's progress callback (called on the worker): report, and stop if cancelled."""
        self._progress.moved.emit(done, total)
        return not self.cancel.is_set()

    def set_busy(self, busy: bool, with_progress: bool = False) -> None:
        if busy:
            self.cancel.clear()
        for b in self.buttons:
            b.setEnabled(not busy)
        self.progress_row.setVisible(busy and with_progress)
        self.progress.setValue(0)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def show_result(self, result: ExportResult) -> None:
        self.set_busy(False)
        extra = f" with {result.documents} documents" if result.path.suffix == ".zip" else ""
        still = (
            f" {len(result.open_items)} things were still open; the file lists them."
            if result.open_items
            else ""
        )
        self.note.setText(f"Saved to {result.path}{extra}.{still} When it has gone, press Mark as sent.")

    def show_problem(self, message: str) -> None:
        self.set_busy(False)
        self.note.setText(f"⚠ {message}")
