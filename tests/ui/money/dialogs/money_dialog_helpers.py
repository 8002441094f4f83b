"""Shared steps for the Money dialog tests: reading the book back, and waiting for the worker."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pa_manager.domain.categories import Category
from pa_manager.services import register
from pa_manager.services.book import Book
from pa_manager.ui.tasks import TaskRunner


def lines(book: Book) -> list[tuple[str, str, int, Category, str]]:
    """(date, payee, pence, category, state) of every line of the first account, oldest first."""
    rows = register.load_register(book).rows
    return [(r.day.isoformat(), r.payee, r.amount, r.categories[0], r.state) for r in rows]


def settle(qtbot: QtBot, tasks: TaskRunner) -> None:
    """Let the worker finish and its callbacks run on the GUI thread."""
    qtbot.waitUntil(tasks.is_idle, timeout=30_000)
    qtbot.wait(10)


def show(qtbot: QtBot, tasks: TaskRunner, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot, tasks)
    return dialog
