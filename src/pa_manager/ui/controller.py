"""The flow between windows: start window → unlock or wizard → main window → lock → unlock.

The controller owns no widgets' insides; it reacts to their signals, runs book work on the
TaskRunner, and decides which window shows. It also holds the demo book's folder and passphrase
(the demo never asks for one) and the visit-mode flag, which once on stays on until PA Manager
closes: a visit leaves nothing behind on the laptop.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from pa_manager.services import bank_holidays
from pa_manager.services.book import Book, open_book
from pa_manager.services.demo import open_new_demo_book
from pa_manager.ui.dialogs.unlock_dialog import UnlockDialog
from pa_manager.ui.main_window import MainWindow
from pa_manager.ui.session import OpenedBook, describe
from pa_manager.ui.settings import AppSettings
from pa_manager.ui.start_window import StartWindow
from pa_manager.ui.tasks import TaskRunner, show_error
from pa_manager.ui.wizard.first_run_wizard import FirstRunWizard

DEMO_FILE = "Demo book.pabook"


def _act_as_default(book: Book) -> None:
    """The manager if the book has one, else the budget holder (worker thread)."""
    book.act_as_default()


class AppController(QObject):
    """Creates and connects the windows. `quit` ends the app (tests pass their own)."""

    def __init__(
        self,
        settings: AppSettings,
        tasks: TaskRunner,
        *,
        quit_app: Callable[[], None] | None = None,
        demo_passphrase_factory: Callable[[], str] | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.tasks = tasks
        self._quit = quit_app or QApplication.quit
        self._demo_passphrase_factory = demo_passphrase_factory
        self.main_window: MainWindow | None = None
        self.start_window: StartWindow | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.wizard: FirstRunWizard | None = None
        self.demo_dir: Path | None = None
        self._demo_passphrase = ""
        self._shutting_down = False
        self.tasks.run(bank_holidays.load_calendar)

    # -- windows ---------------------------------------------------------------------------
    def show_start(self) -> StartWindow:
        if self.start_window is None:
            self.start_window = StartWindow(self.settings)
            self.start_window.open_path_requested.connect(self.open_path)
            self.start_window.open_requested.connect(self.ask_open_file)
            self.start_window.create_requested.connect(self.create_new)
            self.start_window.demo_requested.connect(self.open_demo)
            self.start_window.closed.connect(self._on_start_closed)
        self.start_window.show()
        self.start_window.raise_()
        self.start_window.activateWindow()
        return self.start_window

    def _main(self) -> MainWindow:
        if self.main_window is None:
            window = MainWindow(self.tasks, self.settings)
            window.open_requested.connect(self.ask_open_file)
            window.create_requested.connect(self.create_new)
            window.recent_requested.connect(self.open_path)
            window.unlock_requested.connect(self._on_unlock_requested)
            window.destroyed.connect(self._on_main_destroyed)
            self.main_window = window
            window.installEventFilter(self)
        return self.main_window

    def _parent(self) -> QWidget | None:
        if self.main_window is not None and self.main_window.isVisible():
            return self.main_window
        if self.start_window is not None and self.start_window.isVisible():
            return self.start_window
        return None

    def _book_showing(self) -> bool:
        return self.main_window is not None and self.main_window.isVisible()

    # -- opening ---------------------------------------------------------------------------
    def ask_open_file(self) -> None:
        start = str(self.settings.recent_books()[0].parent) if self.settings.recent_books() else ""
        chosen, _filter = QFileDialog.getOpenFileName(
            self._parent(), "Open a book", start, "PA Manager books (*.pabook)"
        )
        if chosen:
            self.open_path(Path(chosen))

    def open_path(self, path: Path, *, visit_mode: bool = False) -> UnlockDialog:
        """Show the unlock dialog for `path`; on success the book replaces whatever was showing."""
        if self.unlock_dialog is not None:
            self.unlock_dialog.reject()
        dialog = UnlockDialog(
            Path(path),
            self.tasks,
            self._parent(),
            visit_mode=visit_mode or self.settings.visit_mode,
        )
        dialog.book_opened.connect(self._show_book)
        dialog.rejected.connect(self._on_dialog_cancelled)
        self.unlock_dialog = dialog
        dialog.open()
        return dialog

    def _on_unlock_requested(self) -> None:
        window = self._main()
        path = window.locked_path
        if path is None:
            return
        if self.demo_dir is not None and path.parent == self.demo_dir:
            self._open_quietly(path, self._demo_passphrase, demo=True)
        else:
            self.open_path(path, visit_mode=self.settings.visit_mode)

    def _open_quietly(self, path: Path, passphrase: str, *, demo: bool) -> None:
        """Open with a known passphrase (the demo, or a book the wizard just made)."""
        visit = self.settings.visit_mode and not demo

        def work() -> OpenedBook:
            book = open_book(path, passphrase=passphrase, visit_mode=visit)
            _act_as_default(book)
            return describe(book, demo=demo)

        self._main().show_busy("Opening the book…")
        self._main().show()
        self.tasks.run(work, self._show_book, self._on_open_failed)

    def _show_book(self, opened: OpenedBook) -> None:
        window = self._main()
        previous = window.take_book()
        if previous is not None:
            self.tasks.run(previous.book.close)
        if opened.visit_mode:
            self.settings.visit_mode = True  # stays on until PA Manager closes
        elif not opened.demo:
            self.settings.add_recent_book(opened.path)
        window.set_book(opened)
        window.show()
        window.raise_()
        window.activateWindow()
        if self.start_window is not None:
            self.start_window.hide()

    def _on_open_failed(self, message: str) -> None:
        window = self.main_window
        if window is not None and window.opened is None:
            if window.locked_path is not None:
                window.show_lock_screen()
            else:
                window.hide()
        if not self._book_showing():
            self.show_start()
        show_error(message, self._parent())

    def _on_dialog_cancelled(self) -> None:
        if not self._book_showing():
            self.show_start()

    # -- creating --------------------------------------------------------------------------
    def create_new(self) -> FirstRunWizard:
        wizard = FirstRunWizard(self.tasks, self._parent())
        if self.settings.visit_mode:
            wizard.passphrase_page.set_keyring_usable(False)
        wizard.accepted.connect(self._on_wizard_accepted)
        wizard.rejected.connect(self._on_dialog_cancelled)
        self.wizard = wizard
        wizard.open()
        return wizard

    def _on_wizard_accepted(self) -> None:
        wizard = self.wizard
        if wizard is None or wizard.created is None:
            return
        self._open_quietly(wizard.created.path, wizard.passphrase, demo=False)

    # -- demo ------------------------------------------------------------------------------
    def open_demo(self) -> None:
        """Make a demo book in a fresh temporary folder and open it; no passphrase is asked."""
        if self.demo_dir is None:
            self.demo_dir = Path(tempfile.mkdtemp(prefix="pa-manager-demo-"))
        factory = self._demo_passphrase_factory or (lambda: secrets.token_urlsafe(24))
        passphrase = self._demo_passphrase = factory()
        path = self.demo_dir / DEMO_FILE
        for old in self.demo_dir.iterdir():  # a second demo in one session starts afresh
            old.unlink()

        def work() -> OpenedBook:
            # Handed back open, so start-up pays for one key derivation, not two.
            book = open_new_demo_book(path, passphrase)
            _act_as_default(book)
            return describe(book, demo=True)

        window = self._main()
        window.show_busy("Making a demo book with made-up figures. This takes a few seconds.")
        window.show()
        if self.start_window is not None:
            self.start_window.hide()
        self.tasks.run(work, self._show_book, self._on_open_failed)

    # -- ending ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Closing the main window ends the app (its closeEvent closes the book first).
        if watched is self.main_window and event.type() == QEvent.Type.Close:
            self._quit_soon()
        return False

    def _on_start_closed(self) -> None:
        if not self._book_showing():
            self._quit_soon()

    def _on_main_destroyed(self) -> None:
        self.main_window = None

    def _quit_soon(self) -> None:
        if not self._shutting_down:
            self._quit()

    def shutdown(self) -> None:
        """Close any open book, wait for the worker, delete the windows and the demo folder."""
        self._shutting_down = True
        if self.main_window is not None:
            opened = self.main_window.take_book()
            if opened is not None:
                self.tasks.run(opened.book.close)
        self.tasks.shutdown()
        self.dispose_windows()
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir, ignore_errors=True)
            self.demo_dir = None

    def dispose_windows(self) -> None:
        """Delete every window now, while the QApplication still exists (deleting them later,
        as Python exits, can crash)."""
        windows = (self.wizard, self.unlock_dialog, self.start_window, self.main_window)
        self.wizard = self.unlock_dialog = self.start_window = self.main_window = None
        for window in windows:
            if window is not None and shiboken6.isValid(window):
                window.removeEventFilter(self)
                window.hide()
                window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
