"""Locking: after the idle time, or at once with Lock now (Ctrl+L), the data is hidden, the book
is closed so its key leaves memory, and Unlock opens it again through the unlock dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pa_manager.services import book as books
from pa_manager.ui.controller import AppController
from pa_manager.ui.main_window import MainWindow
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from tests.conftest import PASSPHRASE
from tests.ui import helpers


def _open_in_controller(
    qtbot: QtBot, controller: AppController, tasks: TaskRunner, created: books.CreatedBook
) -> MainWindow:
    dialog = controller.open_path(created.path)
    helpers.unlock_with_passphrase(qtbot, dialog)
    helpers.choose_first_person(qtbot, dialog)
    window = controller.main_window
    assert window is not None
    qtbot.waitUntil(window.isVisible)
    helpers.wait_idle(qtbot, tasks)
    assert window.home_page.balance.text() == "£1,800.00"
    return window


def _assert_locked(window: MainWindow, opened: OpenedBook) -> None:
    assert window.is_locked()
    assert window.opened is None
    assert window.windowTitle() == "Locked — PA Manager"
    assert window.lock_screen.isVisible()
    assert not window.page_stack.isVisible()
    assert window.home_page.summary is None
    assert window.home_page.balance.text() == ""  # the figures are gone, not just covered
    assert "Jane" not in window.acting_label.text()
    with pytest.raises(books.BookError, match="locked"):
        opened.book.key  # noqa: B018 - the key has left the Book object


def test_idle_time_locks_the_book(
    qtbot: QtBot, controller: AppController, tasks: TaskRunner, created: books.CreatedBook
) -> None:
    window = _open_in_controller(qtbot, controller, tasks, created)
    opened = window.opened
    assert opened is not None
    assert window.idle.is_active()
    window.idle.set_interval_ms(300)
    # Activity restarts the countdown...
    for _ in range(3):
        qtbot.wait(150)
        qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
    assert not window.is_locked()
    # ...and doing nothing lets it run out.
    qtbot.waitUntil(window.is_locked, timeout=5_000)
    helpers.wait_idle(qtbot, tasks)
    _assert_locked(window, opened)


def test_lock_now_with_ctrl_l_then_unlock(
    qtbot: QtBot, controller: AppController, tasks: TaskRunner, created: books.CreatedBook
) -> None:
    window = _open_in_controller(qtbot, controller, tasks, created)
    opened = window.opened
    assert opened is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    helpers.wait_idle(qtbot, tasks)
    _assert_locked(window, opened)
    assert not window.lock_action.isEnabled()
    assert not window.recent_menu.menuAction().isVisible()  # recent names can be people's names

    qtbot.mouseClick(window.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    dialog = controller.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.path == created.path
    helpers.unlock_with_passphrase(qtbot, dialog, PASSPHRASE)
    helpers.choose_first_person(qtbot, dialog)
    helpers.wait_idle(qtbot, tasks)
    assert not window.is_locked()
    assert window.opened is not None
    assert window.windowTitle().startswith("Jane Smith’s book")
    assert window.home_page.balance.text() == "£1,800.00"
    assert window.idle.is_active()
    assert window.recent_menu.menuAction().isVisible()


def test_cancelling_unlock_leaves_the_book_locked(
    qtbot: QtBot, controller: AppController, tasks: TaskRunner, created: books.CreatedBook
) -> None:
    window = _open_in_controller(qtbot, controller, tasks, created)
    window.lock_action.trigger()
    window.lock_screen.unlock_button.click()
    dialog = controller.unlock_dialog
    assert dialog is not None
    helpers.wait_idle(qtbot, tasks)
    dialog.reject()
    assert window.isVisible()
    assert window.is_locked()
    assert controller.start_window is None or not controller.start_window.isVisible()


def test_demo_book_opens_without_a_passphrase_and_relocks_quietly(
    qtbot: QtBot, controller: AppController, tasks: TaskRunner
) -> None:
    controller.open_demo()
    window = controller.main_window
    assert window is not None
    qtbot.waitUntil(lambda: window.opened is not None, timeout=60_000)
    helpers.wait_idle(qtbot, tasks)
    assert window.windowTitle() == (
        "Margaret Ellis’s book — acting: Daniel Ellis (son, acting for Margaret) — PA Manager"
    )
    assert window.home_page.balance.text().startswith("£")
    assert "Demo book" in window.acting_label.text()
    assert controller.settings.recent_books() == []  # a demo is never a recent book
    demo_dir = controller.demo_dir
    assert demo_dir is not None and (demo_dir / "Demo book.pabook").exists()

    window.lock()
    helpers.wait_idle(qtbot, tasks)
    window.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: window.opened is not None, timeout=30_000)
    assert controller.unlock_dialog is None  # no passphrase asked for the demo

    controller.shutdown()
    assert not demo_dir.exists()


def test_locking_closes_an_open_change_passphrase_dialog(
    qtbot: QtBot, controller: AppController, tasks: TaskRunner, created: books.CreatedBook
) -> None:
    window = _open_in_controller(qtbot, controller, tasks, created)
    window.sidebar.setCurrentRow(window.page_stack.indexOf(window.settings_page))
    window.settings_page.change_button.click()
    dialog = window.settings_page.change_dialog
    assert dialog is not None and dialog.isVisible()
    window.lock()
    assert not dialog.isVisible()


def test_file_open_asks_for_a_book_then_unlocks_it(
    qtbot: QtBot,
    controller: AppController,
    tasks: TaskRunner,
    created: books.CreatedBook,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(created.path), ""))
    controller.show_start().open_button.click()
    dialog = controller.unlock_dialog
    assert dialog is not None and dialog.path == created.path
    helpers.unlock_with_passphrase(qtbot, dialog)
    helpers.choose_first_person(qtbot, dialog)
    assert controller.main_window is not None and controller.main_window.isVisible()
    assert controller.start_window is not None and not controller.start_window.isVisible()


def test_closing_the_main_window_closes_the_book_and_ends_the_app(
    qtbot: QtBot, controller: AppController, tasks: TaskRunner, created: books.CreatedBook
) -> None:
    window = _open_in_controller(qtbot, controller, tasks, created)
    opened = window.opened
    assert opened is not None
    window.quit_action.trigger()
    helpers.wait_idle(qtbot, tasks)
    assert controller.quit_calls == [True]  # type: ignore[attr-defined]
    with pytest.raises(books.BookError, match="locked"):
        opened.book.key  # noqa: B018 - closed on the way out
