"""Boxed sections for the Home page: a heading, then either free content or one big figure with
the plain sentence that says what it means."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from pa_manager.ui.text_size import ScaledLabel


class Card(QFrame):
    """A boxed section with a heading; the border is decoration, the heading carries the meaning."""

    def __init__(self, heading: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = ScaledLabel(heading, scale=1.25, bold=True)
        self.heading.setWordWrap(True)
        self.column = QVBoxLayout(self)
        self.column.addWidget(self.heading)


class FigureCard(Card):
    """One figure in large type and one sentence under it."""

    def __init__(self, heading: str) -> None:
        super().__init__(heading)
        self.title = heading
        self.figure = ScaledLabel("", scale=2.0, bold=True)
        self.figure.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.column.addWidget(self.figure)
        self.column.addWidget(self.note)
        self.column.addStretch(1)

    def show_figure(self, figure: str, note: str) -> None:
        self.figure.setText(figure)
        self.figure.setAccessibleName(f"{self.title}: {figure}")
        self.figure.setVisible(bool(figure))
        self.note.setText(note)

    def clear(self) -> None:
        self.figure.clear()
        self.note.clear()
