"""Fixtures for the Pay page tests: the demo book (approved timesheets for past weeks, the last
week's only signed) opened on the worker, the page showing it, and the weeks to use."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pa_manager.domain.periods import PayFrequency, TaxYear
from pa_manager.services import book as books
from pa_manager.ui.pages.pay.pay_page import PayPage
from pa_manager.ui.session import OpenedBook, describe
from pa_manager.ui.tasks import TaskRunner
from tests.conftest import PASSPHRASE
from tests.ui.helpers import on_worker


@dataclass(frozen=True, slots=True)
class DemoWeeks:
    """Weekly periods of the demo book, whose approved weeks all have finalised pay runs:
    `finalised` is the newest of those; `open` the week after, with every PA's timesheet approved
    here except `waiting_pa`'s (still only signed)."""

    year: TaxYear
    finalised: int
    open: int
    waiting_pa: str


def demo_weeks(book: books.Book) -> DemoWeeks:
    """Approve all but the last PA's timesheet of the demo's newest signed week (which moves with
    the date, as the demo ends today) and say which weeks to use."""
    from sqlalchemy import select

    from pa_manager.services.timesheet_signing import approve, sign_by_employer, sign_by_pa
    from pa_manager.services.timesheets import Signature, TimesheetStatus
    from pa_manager.store.models import PARow, TimesheetRow

    with book.read() as s:  # reading rows directly is fine in a test
        rows = s.execute(
            select(TimesheetRow.id, TimesheetRow.period_end, TimesheetRow.status, PARow.name)
            .join(PARow, PARow.id == TimesheetRow.pa_id)
            .order_by(PARow.name)
        ).all()
    waiting = max(end for _id, end, status, _name in rows if status != TimesheetStatus.APPROVED.value)
    signed = [(ts_id, name) for ts_id, end, _status, name in rows if end == waiting]
    assert len(signed) >= 2, "the demo's newest week should have timesheets for two PAs or more"
    for ts_id, name in signed[:-1]:
        sign_by_pa(book, ts_id, Signature(name, waiting))
        sign_by_employer(book, ts_id, Signature("Daniel Ellis", waiting))
        approve(book, ts_id)
    year = TaxYear.containing(waiting)
    week = year.period_of(waiting, PayFrequency.WEEKLY)
    return DemoWeeks(year, week - 1, week, signed[-1][1])


def open_on_worker(qtbot: QtBot, tasks: TaskRunner, path: Path) -> OpenedBook:
    def work() -> OpenedBook:
        book = books.open_book(path, passphrase=PASSPHRASE)
        book.act_as_default()
        return describe(book)

    return on_worker(qtbot, tasks, work)


@pytest.fixture
def demo(qtbot: QtBot, tasks: TaskRunner, tmp_path: Path) -> Iterator[OpenedBook]:
    from pa_manager.services.demo import create_demo_book

    made = create_demo_book(tmp_path / "demo", PASSPHRASE)
    opened = open_on_worker(qtbot, tasks, made.path)
    yield opened
    tasks.run(opened.book.close)
    qtbot.waitUntil(tasks.is_idle, timeout=30_000)


@pytest.fixture
def weeks(qtbot: QtBot, tasks: TaskRunner, demo: OpenedBook) -> DemoWeeks:
    return on_worker(qtbot, tasks, lambda: demo_weeks(demo.book))


def show_page(qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook) -> PayPage:
    page = PayPage(tasks)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.set_book(opened)
    return page


@pytest.fixture
def page(qtbot: QtBot, tasks: TaskRunner, demo: OpenedBook) -> PayPage:
    return show_page(qtbot, tasks, demo)


def work_out(qtbot: QtBot, page: PayPage, year: TaxYear, week: int) -> None:
    """Choose a week on the picker and press Work out pay, as a person would."""
    page.picker.set_key((year, PayFrequency.WEEKLY, week))
    with qtbot.waitSignal(page.run_shown, timeout=30_000):
        page.work_out_button.click()


def today() -> date:
    return date.today()
