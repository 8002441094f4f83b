"""What a locked book shows: the words "This book is locked" and an Unlock button, nothing else."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from pa_manager.ui.text_size import ScaledLabel


class LockScreen(QWidget):
    """Covers the window while locked; `unlock_requested` asks for the unlock dialog."""

    unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = ScaledLabel("This book is locked", scale=1.8, bold=True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setWordWrap(True)
        self.note = QLabel("Nothing in it is shown until someone unlocks it again.")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.unlock_button = QPushButton("&Unlock…")
        self.unlock_button.setAccessibleDescription("Open the book again with its passphrase.")
        self.unlock_button.clicked.connect(self.unlock_requested)
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(self.heading)
        column.addWidget(self.note)
        column.addSpacing(12)
        column.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        self.setFocusProxy(self.unlock_button)
