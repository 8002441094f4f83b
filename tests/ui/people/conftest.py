"""Fixtures for the People tests: a book opened on the worker, a PA in it, and keyboard helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pa_manager.services import book as books
from pa_manager.services import people
from pa_manager.ui.session import OpenedBook, describe
from pa_manager.ui.tasks import TaskRunner
from tests.conftest import PASSPHRASE

T = TypeVar("T")


def on_worker(qtbot: QtBot, tasks: TaskRunner, fn: Callable[[], T]) -> T:
    """Run `fn` on the book's worker thread and wait for its result."""
    out: list[Any] = []
    errors: list[str] = []
    tasks.run(fn, out.append, errors.append)
    qtbot.waitUntil(lambda: bool(out or errors), timeout=30_000)
    assert not errors, errors
    return out[0]  # type: ignore[no-any-return]


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
def opened(qtbot: QtBot, tasks: TaskRunner, created: books.CreatedBook) -> Iterator[OpenedBook]:
    def work() -> OpenedBook:
        book = books.open_book(created.path, passphrase=PASSPHRASE)
        book.act_as_default()
        return describe(book)

    result = on_worker(qtbot, tasks, work)
    yield result
    tasks.run(result.book.close)
    qtbot.waitUntil(tasks.is_idle, timeout=30_000)


@pytest.fixture
def pa_id(qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook) -> int:
    """Sam Lee: standard £13, evening £14 (20:00 to midnight), weekend £15, sleep-in £80 a night."""
    from tests.services.people_helpers import make

    return on_worker(qtbot, tasks, lambda: people.add_pa(opened.book, make()))
