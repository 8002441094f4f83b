"""Fixtures for the Receipts page tests: a book opened on the worker with a few payments, and the
page showing it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services.ledger import NewTransaction, record_transactions
from pa_manager.ui.pages.receipts.receipts_page import ReceiptsPage
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from tests.ui.helpers import on_worker

TODAY = date.today()


@pytest.fixture
def payments(qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook) -> list[int]:
    """Three payments in the last fortnight (Argos, Boots, a training course)."""
    items = [
        NewTransaction(TODAY - timedelta(days=10), "Argos", Money(-2599), Category.EQUIPMENT),
        NewTransaction(TODAY - timedelta(days=6), "Boots", Money(-450), Category.EQUIPMENT),
        NewTransaction(TODAY - timedelta(days=3), "Careline Training", Money(-12000), Category.TRAINING),
    ]
    return on_worker(qtbot, tasks, lambda: record_transactions(opened.book, items))


@pytest.fixture
def page(qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook, payments: list[int]) -> ReceiptsPage:
    shown = ReceiptsPage(tasks)
    qtbot.addWidget(shown)
    shown.resize(1000, 800)
    shown.show()
    with qtbot.waitSignal(shown.loaded, timeout=30_000):
        shown.set_book(opened)
    qtbot.waitUntil(tasks.is_idle, timeout=30_000)
    return shown
