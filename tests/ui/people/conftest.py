"""Fixtures for the People tests: a book opened on the worker, a PA in it, and keyboard helpers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pa_manager.services import people
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from tests.ui.helpers import on_worker


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key in whatever has the keyboard focus, as a person would."""
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the keyboard focus"
    qtbot.keyClick(focus, key, modifier)
    qtbot.wait(20)  # editors close on a queued call


def type_text(qtbot: QtBot, text: str) -> None:
    """Type each character into whatever has the focus (the first opens a grid cell)."""
    for char in text:
        focus = QApplication.focusWidget()
        assert focus is not None, "nothing has the keyboard focus"
        qtbot.keyClicks(focus, char)


@pytest.fixture
def pa_id(qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook) -> int:
    """Sam Lee: standard £13, evening £14 (20:00 to midnight), weekend £15, sleep-in £80 a night."""
    from tests.services.people_helpers import make

    return on_worker(qtbot, tasks, lambda: people.add_pa(opened.book, make()))
