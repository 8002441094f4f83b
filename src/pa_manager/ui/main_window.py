"""The main window: a sidebar of sections, the page for the chosen one, and locking.

The title says whose book it is and who is acting. Locking (Ctrl+L, or after the idle time)
covers everything with the lock screen, clears every page, and closes the book on the worker so
its key leaves memory; Unlock asks the controller for the unlock dialog again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pa_manager.ui.idle import IdleWatcher
from pa_manager.ui.lock_screen import LockScreen
from pa_manager.ui.pages.forecast.forecast_page import ForecastPage
from pa_manager.ui.pages.forecast.spending_page import SpendingPage
from pa_manager.ui.pages.home.fixes import go_to_fix
from pa_manager.ui.pages.home_page import HomePage
from pa_manager.ui.pages.money.money_dialogs import MoneyDialogs
from pa_manager.ui.pages.money.money_page import MoneyPage
from pa_manager.ui.pages.pay.pay_page import PayPage
from pa_manager.ui.pages.people.people_page import PeoplePage
from pa_manager.ui.pages.receipts.receipts_page import ReceiptsPage
from pa_manager.ui.pages.returns.fixes import go_to_return_fix
from pa_manager.ui.pages.returns.returns_page import ReturnsPage
from pa_manager.ui.pages.settings_page import SettingsPage
from pa_manager.ui.session import APP_NAME, OpenedBook
from pa_manager.ui.settings import AppSettings
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel, fit_to_text

SECTIONS = (
    "Home",
    "Forecast",
    "Spending",
    "Money",
    "People & timesheets",
    "Pay",
    "Receipts",
    "Returns",
    "Settings",
)
_CONTENT, _LOCKED, _BUSY = range(3)


class SidebarList(QListWidget):
    """The list of sections: as wide as its longest name at the current text size, never clipped."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        # Padding in em keeps the targets roomy at every text size.
        self.setStyleSheet("QListWidget#sidebar::item { padding: 0.35em 0.6em; }")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(self) -> QSize:
        width = self.sizeHintForColumn(0) + 2 * self.frameWidth() + 16
        return QSize(max(width, 120), super().sizeHint().height())


class MainWindow(QMainWindow):
    """Shows one open book. Signals ask the controller to open, create or unlock books."""

    open_requested = Signal()
    create_requested = Signal()
    recent_requested = Signal(Path)
    unlock_requested = Signal()
    locked = Signal()

    def __init__(self, tasks: TaskRunner, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._settings = settings
        self.opened: OpenedBook | None = None
        self.locked_path: Path | None = None
        self.setWindowTitle(APP_NAME)

        self.home_page = HomePage(tasks)
        self.settings_page = SettingsPage(tasks, settings)
        self.pages: dict[str, QWidget] = {"Home": self.home_page}
        self.money_page = MoneyPage(tasks)
        self.money_dialogs = MoneyDialogs(self.money_page, tasks, self._money_changed)
        self.pages["Money"] = self.money_page
        self.people_page = PeoplePage(tasks)
        self.pages["People & timesheets"] = self.people_page
        self.pay_page = PayPage(tasks)
        self.pay_page.pay_changed.connect(self._money_changed)  # finalising adds committed money
        self.pages["Pay"] = self.pay_page
        self.receipts_page = ReceiptsPage(tasks)
        self.receipts_page.changed.connect(self._money_changed)  # the register's Evidence column
        self.pages["Receipts"] = self.receipts_page
        self.returns_page = ReturnsPage(tasks)
        self.returns_page.fix_requested.connect(lambda fix: go_to_return_fix(self, fix))
        self.pages["Returns"] = self.returns_page
        self.pages["Settings"] = self.settings_page
        self.pages["Forecast"] = self.forecast_page = ForecastPage(tasks)
        self.pages["Spending"] = self.spending_page = SpendingPage(tasks)
        self.home_page.fix_requested.connect(lambda todo: go_to_fix(self, todo))

        self.sidebar = SidebarList()
        self.sidebar.setAccessibleName("Sections")
        self.sidebar.setAccessibleDescription("Use the up and down arrow keys to change section.")
        self.page_stack = QStackedWidget()
        for title in SECTIONS:
            self.sidebar.addItem(title)
            self.page_stack.addWidget(self.pages[title])
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row_changed)
        self.sidebar.setCurrentRow(0)

        content = QWidget()
        row = QHBoxLayout(content)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.sidebar)
        row.addWidget(self.page_stack, 1)

        self.lock_screen = LockScreen()
        self.lock_screen.unlock_requested.connect(self.unlock_requested)
        self.busy_label = ScaledLabel("", scale=1.25)
        self.busy_label.setWordWrap(True)
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        busy = QWidget()
        busy_column = QVBoxLayout(busy)
        busy_column.addWidget(self.busy_label)

        self.outer = QStackedWidget()
        self.outer.addWidget(content)
        self.outer.addWidget(self.lock_screen)
        self.outer.addWidget(busy)
        self.setCentralWidget(self.outer)

        self.acting_label = QLabel()
        self.acting_label.setWordWrap(True)
        self.statusBar().addWidget(self.acting_label, 1)

        self.idle = IdleWatcher(settings.idle_minutes(), self)
        self.idle.timed_out.connect(self._on_idle_timed_out)
        self.settings_page.idle_minutes_changed.connect(self.idle.set_minutes)
        self._build_menus()
        fit_to_text(self, 130, 40)

    # -- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_action = QAction("&Open book…", self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_requested)
        self.create_action = QAction("&Create new book…", self)
        self.create_action.setShortcut(QKeySequence.StandardKey.New)
        self.create_action.triggered.connect(self.create_requested)
        self.recent_menu = QMenu("&Recent books", self)
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        self.lock_action = QAction("&Lock now", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.create_action)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.addAction(self.lock_action)  # Ctrl+L works even when the menu bar is hidden

    def _on_recent_menu_about_to_show(self) -> None:
        self.recent_menu.clear()
        books = self._settings.recent_books()
        if not books:
            empty = self.recent_menu.addAction("No recent books yet")
            empty.setEnabled(False)
        for path in books:
            action = self.recent_menu.addAction(f"{path.stem}  ({path.parent})")
            action.triggered.connect(lambda _checked=False, p=path: self.recent_requested.emit(p))

    # -- the open book -------------------------------------------------------------------
    def set_book(self, opened: OpenedBook) -> None:
        """Show a freshly unlocked book (the previous one, if any, was closed by the controller)."""
        self.opened = opened
        self.locked_path = None
        self.setWindowTitle(opened.title)
        visit = " Nothing about it is kept on this computer." if opened.visit_mode else ""
        demo = " Demo book with made-up data." if opened.demo else ""
        self.acting_label.setText(f"{opened.title.removesuffix(' — ' + APP_NAME)}.{visit}{demo}")
        for page in self.pages.values():
            page.set_book(opened)  # type: ignore[attr-defined]
        self.outer.setCurrentIndex(_CONTENT)
        self.lock_action.setEnabled(True)
        self.recent_menu.menuAction().setVisible(True)
        self.sidebar.setCurrentRow(0)
        self.sidebar.setFocus()
        self.idle.start()

    def _money_changed(self) -> None:
        """A Money dialog wrote to the book: the register and Home's figures are out of date."""
        self.money_page.refresh()
        self.home_page.refresh()

    def show_busy(self, text: str) -> None:
        """Cover the window with one sentence while a book is being made or opened."""
        self.busy_label.setText(text)
        self.outer.setCurrentIndex(_BUSY)

    def take_book(self) -> OpenedBook | None:
        """Hand the open book to the controller (to close it) and forget it here."""
        opened, self.opened = self.opened, None
        for page in self.pages.values():
            page.set_book(None)  # type: ignore[attr-defined]
        return opened

    def lock(self) -> None:
        """Hide everything behind the lock screen and close the book so the key leaves memory."""
        self.idle.stop()
        opened = self.take_book()
        if opened is None:
            return
        self.locked_path = opened.path
        self.show_lock_screen()
        self._tasks.run(opened.book.close)
        self.locked.emit()

    def show_lock_screen(self) -> None:
        self.outer.setCurrentIndex(_LOCKED)
        self.setWindowTitle(f"Locked — {APP_NAME}")
        self.acting_label.setText("This book is locked.")
        self.lock_action.setEnabled(False)
        # Recent book names can be people's names: a locked window shows nothing of anyone.
        self.recent_menu.menuAction().setVisible(False)
        self.lock_screen.unlock_button.setFocus()

    def is_locked(self) -> bool:
        return self.outer.currentIndex() == _LOCKED

    # -- slots -----------------------------------------------------------------------------
    def _on_sidebar_row_changed(self, row: int) -> None:
        if row >= 0:
            self.page_stack.setCurrentIndex(row)
            if self.page_stack.currentWidget() is self.home_page and self.opened is not None:
                self.home_page.refresh()  # lines added on other pages change Home's figures

    def _on_idle_timed_out(self) -> None:
        if self.opened is not None:
            self.lock()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window closes the book (on the worker) before the app ends."""
        self.idle.stop()
        opened = self.take_book()
        if opened is not None:
            self._tasks.run(opened.book.close)
        super().closeEvent(event)
