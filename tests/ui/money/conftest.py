"""Fixtures for the Money page tests: a book opened on the worker, seeded lines, a shown page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services import people, transactions
from pa_manager.services.transactions import TransactionDetail
from pa_manager.ui.pages.money.money_page import MoneyPage
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from tests.ui.helpers import on_worker

TODAY = date.today()


def line(days_ago: int, payee: str, amount: str, category: Category, **extra: Any) -> TransactionDetail:
    return TransactionDetail(
        day=TODAY - timedelta(days=days_ago),
        payee=payee,
        amount=Money.parse(amount),
        category=category,
        **extra,
    )


@pytest.fixture
def seeded(qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook) -> dict[str, int]:
    """A PA and five lines; returns their ids by payee (and "pa" for the PA's id)."""
    from tests.services.people_helpers import make

    book = opened.book

    def work() -> dict[str, int]:
        pa_id = people.add_pa(book, make(name="Maya Taylor"))
        ids = {"pa": pa_id}
        for t in (
            line(40, "Anytown Council", "1,800.00", Category.COUNCIL_DP),
            line(30, "Maya Taylor", "-412.50", Category.PA_WAGES, pa_id=pa_id),
            line(20, "HMRC", "-96.20", Category.HMRC, reference="PAYE Q1"),
            line(10, "Cash machine", "-50.00", Category.OTHER_OUT),
            line(5, "Carers Shop", "-23.99", Category.EQUIPMENT, note="shower chair"),
        ):
            ids[t.payee] = transactions.add(book, t)
        return ids

    return on_worker(qtbot, tasks, work)


def show_page(qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook) -> MoneyPage:
    page = MoneyPage(tasks)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.set_book(opened)
    return page


@pytest.fixture
def page(qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook, seeded: dict[str, int]) -> Iterator[MoneyPage]:
    shown = show_page(qtbot, tasks, opened)
    yield shown
    shown.set_book(None)
    qtbot.waitUntil(tasks.is_idle, timeout=30_000)


def reload(qtbot: QtBot, page: MoneyPage, action: Callable[[], object]) -> None:
    """Do something that ends in a reload of the register, and wait for it."""
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        action()
