"""The pre-flight list: each thing still open for the return, with a button that goes to the fix."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pa_manager.services.returns_checks import Fix, PreflightItem

READY = "✓ Nothing is open: the return is ready to send."


class PreflightList(QWidget):
    """`fix_requested(Fix value)` when a button is pressed."""

    fix_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QPushButton] = []
        self._rows: list[QWidget] = []
        self.set_items(())

    def set_items(self, items: tuple[PreflightItem, ...]) -> None:
        for row in self._rows:
            row.deleteLater()
        self._rows, self.buttons = [], []
        if not items:
            self._add(QLabel(READY), None)
            return
        for item in items:
            # "⚠" and the sentence both say it is open: colour is never the only sign.
            label = QLabel(f"⚠ {item.sentence}")
            label.setWordWrap(True)
            self._add(label, item.fix)

    def _add(self, label: QLabel, fix: Fix | None) -> None:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(label, 1)
        if fix is not None:
            button = QPushButton(fix.button)
            button.setAccessibleDescription(label.text())
            button.clicked.connect(lambda _c=False, f=fix.value: self.fix_requested.emit(f))
            line.addWidget(button)
            self.buttons.append(button)
        self._column.addWidget(row)
        self._rows.append(row)
