"""Settings: text size, auto-lock time, changing the passphrase, remembering the key, and visit
mode, which writes nothing to this computer's settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pa_manager.services import book as books
from pa_manager.ui.controller import AppController
from pa_manager.ui.main_window import MainWindow
from pa_manager.ui.settings import AppSettings
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import base_point_size
from tests.conftest import PASSPHRASE
from tests.ui import helpers, scenes
from tests.ui.conftest import settings_files
from tests.ui.scenes import Stage


def _open(qtbot: QtBot, controller: AppController, path: Path, *, visit: bool = False) -> MainWindow:
    dialog = controller.open_path(path)
    helpers.unlock_with_passphrase(qtbot, dialog, visit=visit)
    helpers.choose_first_person(qtbot, dialog)
    window = controller.main_window
    assert window is not None
    helpers.wait_idle(qtbot, controller.tasks)
    return window


def test_text_size_scales_the_whole_app_and_is_saved(
    qtbot: QtBot, stage: Stage, app_settings: AppSettings
) -> None:
    window = scenes.main_window(stage, "Settings")
    page = window.settings_page
    heading_before = window.home_page.heading.font().pointSizeF()
    base = base_point_size()
    page.text_size.setCurrentIndex(page.text_size.findData(200))
    assert QApplication.font().pointSizeF() == pytest.approx(base * 2)
    assert window.sidebar.font().pointSizeF() == pytest.approx(base * 2)
    assert window.home_page.heading.font().pointSizeF() == pytest.approx(heading_before * 2)
    assert window.sidebar.sizeHint().width() > 0
    assert AppSettings().text_size() == 200
    page.text_size.setCurrentIndex(page.text_size.findData(100))
    assert QApplication.font().pointSizeF() == pytest.approx(base)


def test_idle_minutes_drive_the_auto_lock_and_are_saved(stage: Stage) -> None:
    window = scenes.main_window(stage, "Settings")
    assert window.idle.interval_ms == 10 * 60_000  # the default
    window.settings_page.idle_minutes.setValue(3)
    assert window.idle.interval_ms == 3 * 60_000
    assert AppSettings().idle_minutes() == 3


def test_visit_mode_writes_no_settings(
    qtbot: QtBot,
    controller: AppController,
    created: books.CreatedBook,
    settings_dir: Path,
) -> None:
    window = _open(qtbot, controller, created.path, visit=True)
    assert window.opened is not None and window.opened.visit_mode
    page = window.settings_page
    page.text_size.setCurrentIndex(page.text_size.findData(150))
    page.idle_minutes.setValue(4)
    assert not page.remember_box.isEnabled()
    assert "visit mode" in page.remember_note.text()
    assert window.idle.interval_ms == 4 * 60_000  # it still applies, for this visit
    window.lock()
    helpers.wait_idle(qtbot, controller.tasks)
    assert settings_files(settings_dir) == []
    # Visit mode lasts until PA Manager closes: the next unlock offers it already ticked.
    window.lock_screen.unlock_button.click()
    assert controller.unlock_dialog is not None
    assert controller.unlock_dialog.unlock_step.visit_box.isChecked()


def test_a_normal_open_remembers_the_book(
    qtbot: QtBot, controller: AppController, created: books.CreatedBook, settings_dir: Path
) -> None:
    _open(qtbot, controller, created.path)
    assert controller.settings.recent_books() == [created.path.resolve()]
    assert settings_files(settings_dir) != []


def test_recent_books_keep_the_newest_eight(app_settings: AppSettings, tmp_path: Path) -> None:
    paths = []
    for n in range(10):
        path = tmp_path / f"book{n}.pabook"
        path.touch()
        paths.append(path)
        app_settings.add_recent_book(path)
    app_settings.add_recent_book(paths[5])
    recent = app_settings.recent_books()
    assert len(recent) == 8
    assert recent[0] == paths[5].resolve()
    assert recent[1] == paths[9].resolve()
    paths[9].unlink()  # a USB stick taken out: the book is left off the list
    assert paths[9].resolve() not in app_settings.recent_books()


def test_change_passphrase_dialog(
    qtbot: QtBot, stage: Stage, tasks: TaskRunner, created: books.CreatedBook
) -> None:
    window = scenes.main_window(stage, "Settings")
    page = window.settings_page
    page.change_button.click()
    dialog = page.change_dialog
    assert dialog.isVisible()
    new = "purple giraffe reads quietly"
    dialog.current.setText("wrong wrong wrong")
    dialog.pair.first.setText(new)
    dialog.pair.second.setText(new)
    dialog.primary.click()
    helpers.wait_idle(qtbot, tasks)
    assert dialog.isVisible()
    assert dialog.current_message.message == "The current passphrase is not right."
    dialog.current.setText(PASSPHRASE)
    dialog.pair.second.setText("not the same")
    dialog.primary.click()
    assert "different" in dialog.pair.second_message.message
    dialog.pair.second.setText(new)
    dialog.primary.click()
    helpers.wait_idle(qtbot, tasks)
    assert not dialog.isVisible()
    assert "new passphrase" in page.status.text()
    books.open_book(created.path, passphrase=new).close()
    with pytest.raises(books.BookError):
        books.open_book(created.path, passphrase=PASSPHRASE)


def test_remember_on_this_computer(
    qtbot: QtBot, stage: Stage, tasks: TaskRunner, memory_keyring: object
) -> None:
    window = scenes.main_window(stage, "Settings")
    page = window.settings_page
    assert page.remember_box.isEnabled()
    assert not page.remember_box.isChecked()
    page.remember_box.click()
    helpers.wait_idle(qtbot, tasks)
    assert page.remember_box.isChecked()
    assert books.unlock_info(stage.created.path).remembered
    page.remember_box.click()
    helpers.wait_idle(qtbot, tasks)
    assert not page.remember_box.isChecked()
    assert not books.unlock_info(stage.created.path).remembered


def test_remember_is_explained_when_there_is_no_keyring(stage: Stage) -> None:
    window = scenes.main_window(stage, "Settings")
    page = window.settings_page
    assert not page.remember_box.isEnabled()
    assert "no password store" in page.remember_note.text()
