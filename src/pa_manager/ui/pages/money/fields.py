"""A field with its label above it and its problem message below, as one widget for a FlowLayout."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pa_manager.ui.widgets.field_message import FieldMessage


class LabelledField(QWidget):
    """ "Label" over the field; the label is the field's buddy and its words the accessible name."""

    def __init__(
        self, text: str, field: QWidget, *, min_chars: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.label = QLabel(text)
        self.label.setBuddy(field)
        field.setAccessibleName(text.replace("&", "").rstrip(":").strip())
        self.message = FieldMessage(field)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.label)
        column.addWidget(field)
        column.addWidget(self.message)
        if min_chars:
            field.setMinimumWidth(field.fontMetrics().averageCharWidth() * min_chars)
        # A long message wraps under the field instead of widening it past the page.
        self.message.setMaximumWidth(
            max(field.sizeHint().width(), field.minimumWidth(), self.label.sizeHint().width())
        )

    def show_message(self, text: str) -> None:
        self.message.show_message(text)

    def clear_message(self) -> None:
        self.message.clear_message()
