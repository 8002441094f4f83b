"""After opening with the recovery code, the person must choose a new passphrase before going on."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pa_manager.ui.text_size import ScaledLabel
from pa_manager.ui.widgets.passphrase_pair import PassphrasePairWidget


class NewPassphraseStep(QWidget):
    """A heading, why this is needed, and the new passphrase typed twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = ScaledLabel("Choose a new passphrase", scale=1.4, bold=True)
        heading.setWordWrap(True)
        intro = QLabel(
            "You opened the book with the recovery code. Choose a new passphrase now: you will "
            "use it to open the book from now on. Keep the recovery sheet: it still works."
        )
        intro.setWordWrap(True)
        self.pair = PassphrasePairWidget()
        column = QVBoxLayout(self)
        column.addWidget(heading)
        column.addWidget(intro)
        column.addWidget(self.pair)
        column.addStretch(1)

    def focus_first(self) -> None:
        self.pair.first.setFocus()
