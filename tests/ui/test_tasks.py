"""The worker: one thread for book work, results on the GUI thread, errors as plain sentences.
Plus the small widgets and the signal workaround."""

from __future__ import annotations

import sys
import threading
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from pa_manager.domain.errors import DomainError
from pa_manager.services.errors import BookError
from pa_manager.ui.tasks import TaskRunner, plain_message
from pa_manager.ui.widgets.date_edit import DateEdit, parse_date
from pa_manager.ui.widgets.money_edit import MoneyEdit
from tests.ui import helpers


def test_work_runs_on_one_worker_thread_and_results_come_back_on_the_gui_thread(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    workers: set[str] = set()
    callbacks: list[bool] = []
    order: list[int] = []

    def work(n: int) -> int:
        workers.add(threading.current_thread().name)
        return n

    for n in range(5):
        tasks.run(
            lambda n=n: work(n),
            lambda r: (
                order.append(r),
                callbacks.append(threading.current_thread() is threading.main_thread()),
            ),
        )
    helpers.wait_idle(qtbot, tasks)
    assert len(workers) == 1 and threading.main_thread().name not in workers
    assert order == [0, 1, 2, 3, 4]  # serial, in order
    assert all(callbacks)


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (BookError("That passphrase does not open this book."), "That passphrase does not open"),
        (DomainError("The weekly payment must be more than £0.00."), "The weekly payment must"),
        (KeyError("boom"), "Something went wrong: 'boom'. Try again."),
    ],
)
def test_errors_become_plain_sentences(
    qtbot: QtBot, tasks: TaskRunner, error: Exception, message: str
) -> None:
    seen: list[str] = []

    def fail() -> None:
        raise error

    tasks.run(fail, on_error=seen.append)
    helpers.wait_idle(qtbot, tasks)
    assert len(seen) == 1 and seen[0].startswith(message)
    assert "Traceback" not in seen[0]


def test_an_unhandled_error_opens_a_plain_message_box(qtbot: QtBot, tasks: TaskRunner) -> None:
    def fail() -> None:
        raise RuntimeError("disk full")

    tasks.run(fail)
    helpers.wait_idle(qtbot, tasks)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert boxes and boxes[-1].isVisible()
    assert boxes[-1].text() == plain_message(RuntimeError("disk full"))
    boxes[-1].accept()


def test_results_for_a_deleted_owner_are_dropped(qtbot: QtBot, tasks: TaskRunner) -> None:
    owner = QLabel()
    seen: list[object] = []
    tasks.run(lambda: 1, seen.append, owner=owner)
    shiboken6.delete(owner)  # gone before the worker's answer is delivered
    helpers.wait_idle(qtbot, tasks)
    assert seen == []


def test_emit_does_not_leak_references_to_true(qtbot: QtBot) -> None:
    class Emitter(QObject):
        fired = Signal(int)

    emitter = Emitter()
    got: list[int] = []
    emitter.fired.connect(got.append)
    before = sys.getrefcount(True)
    for n in range(2000):
        emitter.fired.emit(n)
    assert len(got) == 2000
    # A leak of one reference per emit would show as -2000; allow a little noise.
    assert sys.getrefcount(True) - before > -50


def test_money_edit_reads_pence_and_explains_mistakes(qtbot: QtBot) -> None:
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    problems: list[str] = []
    edit.problem.connect(problems.append)
    edit.setText("£1,234.56")
    assert edit.money().pence == 123456
    edit.setText("12,34")
    assert "not an amount of money" in edit.check()
    assert problems[-1].startswith("“12,34” is not an amount of money")
    edit.setText("")
    with pytest.raises(DomainError):
        edit.money()


@pytest.mark.parametrize(
    "text", ["14/03/1958", "14-3-1958", "14.03.1958", "14 March 1958", "14 mar 1958", "1958-03-14"]
)
def test_dates_are_read_the_british_way(text: str) -> None:
    assert parse_date(text) == date(1958, 3, 14)


def test_date_edit_optional_and_bad(qtbot: QtBot) -> None:
    edit = DateEdit(optional=True)
    qtbot.addWidget(edit)
    assert edit.date_value() is None
    edit.setText("03/14/1958")
    with pytest.raises(DomainError, match="not a date"):
        edit.date_value()
