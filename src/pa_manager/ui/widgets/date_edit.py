"""A text box for a date typed the British way ("14/03/1958" or "14 March 1958").

A plain text box is easier by keyboard and with a screen reader than a spin-box date editor.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtWidgets import QLineEdit, QWidget

from pa_manager.domain.errors import DomainError

_FORMATS = ("%d/%m/%Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d")


def parse_date(text: str) -> date:
    """Read 14/03/1958, 14-3-1958, 14.03.1958, 14 March 1958, 14 Mar 1958 or 1958-03-14."""
    cleaned = re.sub(r"\s+", " ", text.strip())
    cleaned = re.sub(r"^(\d{1,2})[.\-](\d{1,2})[.\-](\d{4})$", r"\1/\2/\3", cleaned)
    for fmt in _FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    raise DomainError(f"“{text.strip()}” is not a date. Type it like 14/03/1958.")


def format_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


class DateEdit(QLineEdit):
    """`date_value()` returns a date (or None when optional and empty), or raises DomainError."""

    def __init__(self, parent: QWidget | None = None, *, optional: bool = False) -> None:
        super().__init__(parent)
        self._optional = optional
        self.setPlaceholderText("DD/MM/YYYY")
        self.setMaxLength(30)

    def date_value(self) -> date | None:
        if not self.text().strip():
            if self._optional:
                return None
            raise DomainError("Type a date, for example 14/03/2026.")
        return parse_date(self.text())

    def set_date(self, day: date | None) -> None:
        self.setText(format_date(day) if day else "")
