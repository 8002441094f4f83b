"""Fixtures for the GUI tests: offscreen Qt, a private QSettings folder, a worker, a controller."""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pa_manager.services import book as books
from pa_manager.ui.controller import AppController
from pa_manager.ui.session import OpenedBook, describe
from pa_manager.ui.settings import AppSettings
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import apply_text_size
from tests.conftest import PASSPHRASE
from tests.ui.helpers import on_worker
from tests.ui.scenes import Stage

TEST_ORGANISATION = "PA Manager Tests"


@pytest.fixture(autouse=True)
def settings_dir(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    """Every test gets its own QSettings folder, so nothing touches the real user's settings."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    old_org, old_app = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, str(folder / "sys"))
    QCoreApplication.setOrganizationName(TEST_ORGANISATION)
    QCoreApplication.setApplicationName(TEST_ORGANISATION)
    yield folder
    apply_text_size(100)
    QCoreApplication.setOrganizationName(old_org)
    QCoreApplication.setApplicationName(old_app)


def settings_files(folder: Path) -> list[Path]:
    """Every file QSettings wrote under the test folder (empty files count: they were written)."""
    return [p for p in folder.rglob("*") if p.is_file()]


@pytest.fixture
def app_settings() -> AppSettings:
    return AppSettings()


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    qtbot.waitUntil(runner.is_idle, timeout=30_000)
    runner.shutdown()


@pytest.fixture
def opened(qtbot: QtBot, tasks: TaskRunner, created: books.CreatedBook) -> Iterator[OpenedBook]:
    """The test book, opened on the worker as the default person (closed there afterwards)."""

    def work() -> OpenedBook:
        book = books.open_book(created.path, passphrase=PASSPHRASE)
        book.act_as_default()
        return describe(book)

    result = on_worker(qtbot, tasks, work)
    yield result
    tasks.run(result.book.close)
    qtbot.waitUntil(tasks.is_idle, timeout=30_000)


@pytest.fixture
def controller(qtbot: QtBot, app_settings: AppSettings, tasks: TaskRunner) -> Iterator[AppController]:
    quits: list[bool] = []
    ctl = AppController(app_settings, tasks, quit_app=lambda: quits.append(True))
    ctl.quit_calls = quits  # type: ignore[attr-defined]
    yield ctl
    if ctl.main_window is not None:
        opened = ctl.main_window.take_book()
        if opened is not None:
            tasks.run(opened.book.close)
    qtbot.waitUntil(tasks.is_idle, timeout=30_000)
    ctl.dispose_windows()
    if ctl.demo_dir is not None:
        shutil.rmtree(ctl.demo_dir, ignore_errors=True)


@pytest.fixture
def remembered(memory_keyring: object, tmp_path: Path) -> books.CreatedBook:
    """A book whose key this computer's (in-memory) keyring remembers."""
    from tests.conftest import PASSPHRASE, new_book_details

    return books.create_book(
        tmp_path / "remembered", PASSPHRASE, new_book_details("Ravi Patel"), remember=True
    )


@pytest.fixture
def stage(
    qtbot: QtBot,
    tasks: TaskRunner,
    app_settings: AppSettings,
    tmp_path: Path,
    created: books.CreatedBook,
    request: pytest.FixtureRequest,
) -> Iterator[Stage]:
    """Everything a scene needs; windows it showed are closed before the worker stops."""

    def remembered() -> books.CreatedBook:
        made: books.CreatedBook = request.getfixturevalue("remembered")
        return made

    scene_stage = Stage(qtbot, tasks, app_settings, tmp_path, created, remembered)
    yield scene_stage
    scene_stage.close_all()
