"""A wizard page with an introduction and a form; the base of every first-run wizard page.

The page's contents sit in a scroll area, so at 200% text nothing is cut off: it scrolls.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from pa_manager.ui.widgets.field_message import FieldMessage, add_field, make_form
from pa_manager.ui.widgets.scrolling import scrolling


class FormPage(QWizardPage):
    """Title, one plain paragraph, then labelled fields each with room for a message."""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(title)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.form = make_form()
        content = QWidget()
        self.column = QVBoxLayout(content)
        self.column.setContentsMargins(0, 0, 8, 0)
        self.column.addWidget(self.intro)
        self.column.addLayout(self.form)
        self.column.addStretch(1)  # keeps the fields at the top; add_widget inserts above it
        self.scroll_area = scrolling(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self._messages: list[FieldMessage] = []

    def add_widget(self, widget: QWidget) -> None:
        self.column.insertWidget(self.column.count() - 1, widget)

    def add_layout(self, layout: QLayout) -> None:
        self.column.insertLayout(self.column.count() - 1, layout)

    def field_row(
        self, text: str, field: QWidget, hint: str = "", *, row: QWidget | None = None
    ) -> FieldMessage:
        message = add_field(self.form, text, field, hint, row=row)
        self._messages.append(message)
        return message

    def clear_messages(self) -> None:
        for message in self._messages:
            message.clear_message()

    def refuse(self, message: FieldMessage, field: QWidget, text: str) -> bool:
        """Show `text` beside `field`, put the focus there, and return False (do not advance)."""
        message.show_message(text)
        field.setFocus()
        self.scroll_area.ensureWidgetVisible(field)
        return False
