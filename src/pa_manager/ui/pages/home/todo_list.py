"""The Home page's list of things to do: each row a sign and a word for how urgent it is, a title,
one sentence, and a button that goes to the fix (the page relays it as `fix_requested`)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pa_manager.domain.people import long_date
from pa_manager.services.home_todos import HomeTodo
from pa_manager.ui.text_size import ScaledLabel

MAX_SHOWN = 8
NOTHING_TO_DO = "Nothing to do just now: paperwork, timesheets, statements and receipts are up to date."


def urgency_words(todo: HomeTodo) -> str:
    """The sign and word that say how urgent an item is (colour is never the only signal)."""
    if todo.urgent:
        return "⚠ Late or missing"
    return f"• Due {long_date(todo.due)}" if todo.due else "• To do"


class TodoList(QWidget):
    """Rows of things to do; empty, it says that nothing needs doing."""

    fix_requested = Signal(object)  # the HomeTodo whose button was pressed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty = QLabel(NOTHING_TO_DO)
        self.empty.setWordWrap(True)
        self.more = QLabel()
        self.more.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        self.grid.setVerticalSpacing(12)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.empty)
        column.addLayout(self.grid)
        column.addWidget(self.more)
        self.buttons: list[QPushButton] = []
        self.items: list[HomeTodo] = []

    def set_items(self, todos: Sequence[HomeTodo]) -> None:
        self.clear()
        shown = list(todos[:MAX_SHOWN])
        self.items = shown
        self.empty.setVisible(not todos)
        for row, todo in enumerate(shown):
            text = QWidget()
            lines = QVBoxLayout(text)
            lines.setContentsMargins(0, 0, 0, 0)
            title = ScaledLabel(f"{todo.title}  ({urgency_words(todo)})", bold=True)
            title.setWordWrap(True)
            sentence = QLabel(todo.sentence)
            sentence.setWordWrap(True)
            lines.addWidget(title)
            lines.addWidget(sentence)
            button = QPushButton(todo.button)
            button.setAccessibleName(f"{todo.button.rstrip('…')}: {todo.title}")
            button.setToolTip(todo.sentence)
            button.clicked.connect(lambda _checked=False, t=todo: self.fix_requested.emit(t))
            self.grid.addWidget(text, row, 0)
            self.grid.addWidget(button, row, 1)
            self.buttons.append(button)
            text.show()  # added to a list already on screen: shown now, not on a later turn
            button.show()
        hidden = len(todos) - len(shown)
        self.more.setText(f"…and {hidden} more, less urgent." if hidden else "")
        self.more.setVisible(bool(hidden))

    def clear(self) -> None:
        self.items = []
        self.buttons = []
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.more.clear()
        self.more.hide()
