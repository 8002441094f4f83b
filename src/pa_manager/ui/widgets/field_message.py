"""A message shown beside a field when what was typed is not right, and a helper to lay out fields.

The message starts with a warning sign and the word "Problem" is in the field's accessible
description, so colour is never the only signal and a screen reader hears it on focus.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget


class FieldMessage(QLabel):
    """Hidden until `show_message`; then "⚠ text" in dark red under its field."""

    def __init__(self, field: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field = field
        self.row: QWidget | None = None  # the form row holding the field (add_field sets it)
        self.setWordWrap(True)
        self.setObjectName("fieldMessage")
        # Dark red passes contrast on white; the ⚠ and the words carry the meaning anyway.
        self.setStyleSheet("QLabel#fieldMessage { color: #a00000; font-weight: bold; }")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(f"⚠ {text}")
        self.setAccessibleName(f"Problem: {text}")
        self.show()
        if self._field is not None:
            self._field.setAccessibleDescription(f"Problem: {text}")

    def clear_message(self) -> None:
        self.clear()
        self.hide()
        if self._field is not None:
            self._field.setAccessibleDescription(self._field.property("pa_hint") or "")

    @property
    def message(self) -> str:
        return self.text().removeprefix("⚠ ")


def make_form(parent: QWidget | None = None) -> QFormLayout:
    """A form with each label above its field: easier to follow at large text sizes, and the
    layout GOV.UK recommends."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    form.setVerticalSpacing(10)
    return form


def add_field(
    form: QFormLayout, text: str, field: QWidget, hint: str = "", *, row: QWidget | None = None
) -> FieldMessage:
    """Add "label: field" to a form, with an optional hint and a message line under the field.

    The label is the field's buddy (so Alt+letter reaches it and screen readers read it), and the
    field's accessible name is the label's words, in case a reader ignores buddies. `row`, if
    given, is what goes in the form instead of the bare field (the field plus a button, say).
    """
    label = QLabel(text)
    label.setBuddy(field)
    # Not word-wrapped: labels sit above their fields with the whole width, and a wrapped label
    # in a form is squeezed to a guessed width and breaks needlessly.
    field.setAccessibleName(text.replace("&", "").rstrip(":").strip())
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(row if row is not None else field)
    if hint:
        hint_label = QLabel(hint)
        hint_label.setWordWrap(True)
        hint_label.setObjectName("fieldHint")
        column.addWidget(hint_label)
        field.setProperty("pa_hint", hint)
        field.setAccessibleDescription(hint)
    message = FieldMessage(field)
    message.row = box
    column.addWidget(message)
    form.addRow(label, box)
    return message
