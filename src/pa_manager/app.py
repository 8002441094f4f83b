"""The composition root: make the QApplication, the worker and the controller, and run.

`pa_manager.cli` calls `run_gui`. This is the one module that wires the layers together; the
windows themselves live in `pa_manager.ui`.
"""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path
from typing import Any

# isort: off
# The book's services load before Qt on purpose: once PySide6 is imported, its import hook
# inspects every later module's source, which adds about 0.1 s to start-up for these.
import pa_manager.services.book
import pa_manager.services.demo
import pa_manager.services.summary  # noqa: F401
from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

# isort: on

from pa_manager.ui.controller import AppController
from pa_manager.ui.file_open import PAApplication
from pa_manager.ui.session import APP_NAME
from pa_manager.ui.settings import AppSettings
from pa_manager.ui.single_instance import SingleInstance
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import apply_text_size

ICON = Path(__file__).resolve().parent / "ui" / "icons" / "pa-manager.svg"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the names QSettings uses, and the saved text size applied."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else PAApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(QIcon(str(ICON)))
    return app


def run_gui(book_path: Path | None, *, demo: bool = False) -> int:
    """Open the GUI: on a demo book, on `book_path` (unlock first), or on the start window."""
    app = make_application()
    # Opening a book from the file manager while PA Manager runs hands it to the running app.
    # The demo is left out: it is its own throwaway world, and tests run many of them at once.
    instance = None if demo else SingleInstance()
    if instance is not None and instance.hand_over(book_path):
        return 0
    # Windows come and go (start window → unlock → main window), so the controller decides
    # when the app ends rather than "the last window closed".
    app.setQuitOnLastWindowClosed(False)
    settings = AppSettings()
    apply_text_size(settings.text_size())
    tasks = TaskRunner()
    controller = AppController(settings, tasks, quit_app=app.quit)
    if demo:
        controller.open_demo()
    elif book_path is not None:
        controller.open_path(Path(book_path))
    else:
        controller.show_start()
    if instance is not None and instance.listen():
        instance.path_received.connect(lambda path: bring_forward(controller, path))
    if isinstance(app, PAApplication):  # tests share pytest-qt's plain QApplication
        app.book_open_requested.connect(lambda path: bring_forward(controller, path))
    previous = _quit_on_signals(app)
    # Python only runs signal handlers when Python code runs; a light timer gives it the chance
    # while Qt's loop is idle, so Ctrl+C in a terminal closes the book and the demo folder.
    wake = QTimer()
    wake.start(250)
    wake.timeout.connect(lambda: None)
    try:
        return app.exec()
    finally:
        wake.stop()
        for number, handler in previous.items():
            signal.signal(number, handler)
        if instance is not None:
            instance.close()
        controller.shutdown()


def bring_forward(controller: AppController, path: Path | None) -> None:
    """A later launch asked for `path` (or just for PA Manager): show it in front of other apps."""
    if path is not None:
        dialog = controller.open_path(path)
        dialog.raise_()
        dialog.activateWindow()
        return
    window = controller.main_window
    if window is not None and window.isVisible():
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
    elif controller.unlock_dialog is not None and controller.unlock_dialog.isVisible():
        controller.unlock_dialog.raise_()
        controller.unlock_dialog.activateWindow()
    else:
        controller.show_start()


def _quit_on_signals(app: QApplication) -> dict[int, Any]:
    """Ctrl+C and `kill` end the app the normal way (book closed, demo folder deleted)."""
    previous: dict[int, Any] = {}
    if threading.current_thread() is not threading.main_thread():
        return previous  # handlers can only be set from the main thread
    for number in (signal.SIGINT, signal.SIGTERM):
        previous[number] = signal.signal(number, lambda _n, _f: app.quit())
    return previous
