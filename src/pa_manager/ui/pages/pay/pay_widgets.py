"""Small pieces the Pay page is built from: a card with a heading, and a yes-or-cancel question."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QMessageBox, QVBoxLayout, QWidget

from pa_manager.ui.text_size import ScaledLabel


def card(title: str) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame()
    card.setFrameShape(QFrame.Shape.StyledPanel)
    column = QVBoxLayout(card)
    heading = ScaledLabel(title, scale=1.25, bold=True)
    heading.setWordWrap(True)
    column.addWidget(heading)
    return card, column


def ask(parent: QWidget, title: str, text: str, yes: str) -> bool:
    """A question with a named "yes" button and Cancel (the default, so Enter is safe)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAccessibleName(title)
    box.setAccessibleDescription(text)
    box.exec()
    return box.clickedButton() is yes_button
