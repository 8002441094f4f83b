"""The window shown when no book is open: recent books, open a book, create a new one, or the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pa_manager.ui.session import APP_NAME
from pa_manager.ui.settings import TEXT_SIZES, AppSettings
from pa_manager.ui.text_size import ScaledLabel, apply_text_size, current_text_size, fit_to_text


class StartWindow(QWidget):
    """Signals say what the person chose; the controller does the work."""

    open_path_requested = Signal(Path)
    open_requested = Signal()
    create_requested = Signal()
    demo_requested = Signal()
    closed = Signal()

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(APP_NAME)
        heading = ScaledLabel("Welcome to PA Manager", scale=1.8, bold=True)
        heading.setWordWrap(True)
        intro = QLabel(
            "A book holds one person's direct payment: the money, the personal assistants they "
            "employ and the returns to the council, kept encrypted on this computer. Open a book "
            "to carry on, or create a new one."
        )
        intro.setWordWrap(True)

        recent_label = QLabel("&Recent books:")
        self.recent = QListWidget()
        self.recent.setAccessibleName("Recent books")
        self.recent.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.recent.setSpacing(2)
        recent_label.setBuddy(self.recent)
        self.recent.itemActivated.connect(self._on_item_activated)
        self.recent.currentRowChanged.connect(self._on_current_row_changed)
        self.empty_note = QLabel(
            "No books opened on this computer yet. Use “Open a book…” to find one (on a USB "
            "stick, say), or “Create a new book…” to start."
        )
        self.empty_note.setWordWrap(True)
        self.open_selected = QPushButton("Open the &selected book")
        self.open_selected.clicked.connect(self._on_open_selected_clicked)

        self.open_button = QPushButton("&Open a book…")
        self.open_button.clicked.connect(self.open_requested)
        self.create_button = QPushButton("&Create a new book…")
        self.create_button.clicked.connect(self.create_requested)
        self.demo_button = QPushButton("Try the &demo book (made-up data)")
        self.demo_button.setAccessibleDescription(
            "Look around with made-up figures. The demo book is deleted when PA Manager closes."
        )
        self.demo_button.clicked.connect(self.demo_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)

        size_label = QLabel("&Text size:")
        self.text_size = QComboBox()
        for percent in TEXT_SIZES:
            self.text_size.addItem(f"{percent}%", percent)
        self.text_size.setAccessibleName("Text size")
        size_label.setBuddy(self.text_size)
        self.text_size.currentIndexChanged.connect(self._on_text_size_changed)
        size_row = QHBoxLayout()
        size_row.addWidget(size_label)
        size_row.addSpacing(8)
        size_row.addWidget(self.text_size)
        size_row.addStretch(1)

        column = QVBoxLayout(self)
        column.setContentsMargins(24, 24, 24, 24)
        column.addWidget(heading)
        column.addWidget(intro)
        column.addSpacing(8)
        column.addWidget(recent_label)
        column.addWidget(self.recent)
        column.addWidget(self.empty_note)
        column.addWidget(self.open_selected, 0, Qt.AlignmentFlag.AlignLeft)
        column.addSpacing(8)
        column.addLayout(buttons)
        column.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addSpacing(8)
        column.addLayout(size_row)
        column.addStretch(1)
        self.refresh()
        fit_to_text(self, 90, 30)

    def refresh(self) -> None:
        """Re-read the recent books and the text size (they may have changed elsewhere)."""
        self.recent.clear()
        for path in self._settings.recent_books():
            item = QListWidgetItem(f"{path.stem}\nin {path.parent}")
            item.setToolTip(str(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.recent.addItem(item)
        has_books = self.recent.count() > 0
        self.recent.setVisible(has_books)
        self.empty_note.setVisible(not has_books)
        self.open_selected.setVisible(has_books)
        if has_books:
            self.recent.setCurrentRow(0)
            self.recent.setFocus()
        else:
            self.open_button.setFocus()
        self.text_size.blockSignals(True)
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(current_text_size())))
        self.text_size.blockSignals(False)

    def _selected_path(self) -> Path | None:
        item = self.recent.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _on_item_activated(self, _item: QListWidgetItem) -> None:
        self._on_open_selected_clicked()

    def _on_open_selected_clicked(self) -> None:
        path = self._selected_path()
        if path is not None:
            self.open_path_requested.emit(path)

    def _on_current_row_changed(self, row: int) -> None:
        self.open_selected.setEnabled(row >= 0)

    def _on_text_size_changed(self, _index: int) -> None:
        percent = int(self.text_size.currentData())
        apply_text_size(percent)
        self._settings.set_text_size(percent)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
