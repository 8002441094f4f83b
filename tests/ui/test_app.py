"""run_gui end to end: the real event loop, the real controller, then a clean exit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from pa_manager.app import run_gui
from pa_manager.services import book as books
from pa_manager.ui.dialogs.unlock_dialog import UnlockDialog
from pa_manager.ui.main_window import MainWindow
from pa_manager.ui.start_window import StartWindow


@pytest.fixture(autouse=True)
def restore_quit_setting(qapp: QApplication) -> Iterator[None]:
    yield
    qapp.setQuitOnLastWindowClosed(True)
    # Disarm the driver's timers: a 60-second deadline left running would call
    # QApplication.exit() in the middle of a later test, and after an exit outside the main loop
    # every QEventLoop.exec() returns at once, so later tests' waits would never see an event.
    for timer in getattr(_drive, "keep", ()):
        timer.stop()


def _drive(check: Callable[[], QWidget | None], act: Callable[[QWidget], None]) -> list[str]:
    """Poll until `check` finds the window, then `act` on it; give up after 60 seconds."""
    notes: list[str] = []
    timer = QTimer()
    timer.setInterval(50)
    deadline = QTimer()
    deadline.setSingleShot(True)

    def poll() -> None:
        found = check()
        if found is not None:
            timer.stop()
            notes.append(type(found).__name__)
            act(found)

    def give_up() -> None:
        notes.append("timed out")
        QApplication.exit(3)

    timer.timeout.connect(poll)
    deadline.timeout.connect(give_up)
    timer.start()
    deadline.start(60_000)
    _drive.keep = (timer, deadline)  # type: ignore[attr-defined]
    return notes


def _top(kind: type[QWidget]) -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def test_run_gui_demo_opens_then_quits_and_deletes_the_demo(tmp_path: Path) -> None:
    seen_dirs: list[Path] = []

    def check() -> QWidget | None:
        window = _top(MainWindow)
        return window if isinstance(window, MainWindow) and window.opened is not None else None

    def act(window: QWidget) -> None:
        assert isinstance(window, MainWindow) and window.opened is not None
        seen_dirs.append(window.opened.path.parent)
        window.close()  # closing the main window ends the app

    notes = _drive(check, act)
    assert run_gui(None, demo=True) == 0
    assert notes == ["MainWindow"]
    assert seen_dirs and not seen_dirs[0].exists()


def test_run_gui_without_a_book_shows_the_start_window() -> None:
    def act(window: QWidget) -> None:
        assert isinstance(window, StartWindow)
        window.close()

    notes = _drive(lambda: _top(StartWindow), act)
    assert run_gui(None) == 0
    assert notes == ["StartWindow"]


def test_run_gui_with_a_book_asks_to_unlock_it(created: books.CreatedBook) -> None:
    def act(window: QWidget) -> None:
        assert isinstance(window, UnlockDialog)
        assert window.path == created.path
        window.reject()  # cancelling shows the start window...
        QTimer.singleShot(100, lambda: _close_start())

    def _close_start() -> None:
        start = _top(StartWindow)
        assert start is not None
        start.close()  # ...and closing that ends the app

    notes = _drive(lambda: _top(UnlockDialog), act)
    assert run_gui(created.path) == 0
    assert notes == ["UnlockDialog"]


def test_application_has_the_pa_manager_icon(qapp: QApplication) -> None:
    from pa_manager.app import ICON, make_application

    assert ICON.is_file()
    app = make_application()
    assert not app.windowIcon().isNull()
    assert app.windowIcon().availableSizes() or app.windowIcon().pixmap(32, 32).width() == 32
