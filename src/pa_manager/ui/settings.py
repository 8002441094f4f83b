"""The app's own preferences (recent books, text size, idle time), kept in QSettings.

Declared once here with their defaults. In visit mode (a support worker's laptop) nothing may be
written outside the book's folder, so every write is refused while `visit_mode` is on: the
settings are read, never stored, for the whole visit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 8
TEXT_SIZES = (100, 125, 150, 175, 200)
DEFAULT_TEXT_SIZE = 100
DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 120

_RECENT = "books/recent"
_TEXT_SIZE = "display/text_size_percent"
_IDLE = "security/idle_minutes"


class AppSettings:
    """Typed access to the preferences. `factory` makes the QSettings (tests pass a temporary one)."""

    def __init__(self, factory: Callable[[], QSettings] | None = None) -> None:
        self._factory = factory or QSettings
        self.visit_mode = False

    @property
    def writable(self) -> bool:
        return not self.visit_mode

    # -- recent books -------------------------------------------------------------------
    def recent_books(self) -> list[Path]:
        """Most recent first; books whose file has gone (a USB stick taken out) are left out."""
        items = _as_list(self._factory().value(_RECENT, []))
        return [Path(p) for p in items if p and Path(p).exists()][:MAX_RECENT]

    def add_recent_book(self, path: Path) -> None:
        if not self.writable:
            return
        settings = self._factory()
        items = _as_list(settings.value(_RECENT, []))
        text = str(Path(path).resolve())
        items = [text] + [p for p in items if p != text]
        settings.setValue(_RECENT, items[:MAX_RECENT])
        settings.sync()

    # -- text size ----------------------------------------------------------------------
    def text_size(self) -> int:
        value = _to_int(self._factory().value(_TEXT_SIZE), DEFAULT_TEXT_SIZE)
        return value if value in TEXT_SIZES else DEFAULT_TEXT_SIZE

    def set_text_size(self, percent: int) -> None:
        if self.writable and percent in TEXT_SIZES:
            settings = self._factory()
            settings.setValue(_TEXT_SIZE, percent)
            settings.sync()

    # -- auto-lock ----------------------------------------------------------------------
    def idle_minutes(self) -> int:
        value = _to_int(self._factory().value(_IDLE), DEFAULT_IDLE_MINUTES)
        return min(max(value, MIN_IDLE_MINUTES), MAX_IDLE_MINUTES)

    def set_idle_minutes(self, minutes: int) -> None:
        if self.writable:
            settings = self._factory()
            settings.setValue(_IDLE, min(max(minutes, MIN_IDLE_MINUTES), MAX_IDLE_MINUTES))
            settings.sync()


def _as_list(value: object) -> list[str]:
    # An INI file gives a single-item list back as a plain string.
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    return []


def _to_int(value: object, default: int) -> int:
    # QSettings hands back strings from INI files and ints from the registry.
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default
