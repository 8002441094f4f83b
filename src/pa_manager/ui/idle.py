"""Auto-lock: notice when nobody has touched the keyboard or mouse for a while.

An app-wide event filter restarts a single-shot timer on every key, click, wheel or mouse move,
in any window of the app. When the timer runs out, `timed_out` is emitted and the main window
locks the book (a laptop left on a kitchen table should not show someone's finances).

The filter is installed only while the watcher is armed (a book is open) and removed when it
stops: an app-wide Python filter costs a Python call on every event in the app, so it is there
only while it is needed, and a closed window leaves none behind.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """`start()` arms the timer; any input restarts it; `timed_out` fires after the idle time."""

    timed_out = Signal()

    def __init__(self, minutes: int = 10, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self.set_minutes(minutes)
        self._filtering = False

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(1, minutes) * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        """Change the idle time; tests use a few milliseconds."""
        self._timer.setInterval(ms)
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        self._timer.start()
        app = QApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            self._filtering = False

    def is_active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False

    def _on_timeout(self) -> None:
        self.timed_out.emit()

    def dispose(self) -> None:
        """Stop watching input (the watcher is being thrown away)."""
        self.stop()
