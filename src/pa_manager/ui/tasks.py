"""One serial worker thread for everything that touches the book, with results back on the GUI thread.

SQLite connections belong to the thread that made them, and SQLCipher has one writer, so every
`Book` call in the app goes through `TaskRunner.run` (the pattern of Anki's TaskManager and
Electrum's SQL thread). The worker never touches a widget: it returns a value, and the value is
handed to `on_done` on the GUI thread through a queued signal.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import MoneyError
from pa_manager.services.errors import BookError

log = logging.getLogger(__name__)


def plain_message(exc: BaseException) -> str:
    """The sentence to show a person for an error raised on the worker."""
    if isinstance(exc, (BookError, DomainError, MoneyError)):
        return str(exc)
    detail = str(exc).strip() or type(exc).__name__
    return (
        f"Something went wrong: {detail}. Try again. If it keeps happening, close PA Manager "
        "and open it again."
    )


def show_error(message: str, parent: QWidget | None = None) -> None:
    """A plain message box, opened without blocking (so tests and the worker queue keep going)."""
    window = parent if parent is not None else QApplication.activeWindow()
    box = QMessageBox(QMessageBox.Icon.Warning, "PA Manager", message, QMessageBox.StandardButton.Ok, window)
    box.setAccessibleName("Problem")
    box.setAccessibleDescription(message)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # A box with no parent window would be garbage-collected at once: keep it until closed.
    _OPEN_BOXES.add(box)
    box.finished.connect(lambda _result: _OPEN_BOXES.discard(box))
    box.open()


_OPEN_BOXES: set[QMessageBox] = set()


@dataclass(slots=True)
class _Pending:
    on_done: Callable[[Any], None]
    on_error: Callable[[str], None] | None
    owner: QObject | None


class TaskRunner(QObject):
    """Runs functions one at a time on a worker thread and calls back on the GUI thread.

    `run(fn, on_done, on_error)` queues `fn()`. When it returns, `on_done(result)` runs on the GUI
    thread; when it raises, `on_error(message)` gets a plain-English sentence (or, without
    `on_error`, a message box shows it). Never a traceback dialog. If `owner` is given and has
    been deleted by the time the work finishes, the callbacks are skipped.
    """

    _finished = Signal(int, object, object)  # task id, result, exception
    idle_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pa-book")
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._closed = False
        # Always queued: the worker thread emits it, and when a task is already finished as
        # `run` adds its callback, the GUI thread does; either way callbacks run later.
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        """How many tasks are queued or running (tests wait for 0 with qtbot.waitUntil)."""
        return len(self._pending)

    def is_idle(self) -> bool:
        return not self._pending

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Queue `fn` on the worker. Callbacks run later, on the GUI thread."""
        if self._closed:
            # PA Manager is ending; the last book was closed before the worker stopped.
            log.debug("Task refused after shutdown: %r", fn)
            return
        task_id = next(self._ids)
        self._pending[task_id] = _Pending(on_done or _ignore, on_error, owner)
        if len(self._pending) == 1:
            self.idle_changed.emit(False)
        future = self._executor.submit(fn)
        future.add_done_callback(partial(self._emit_result, task_id))

    def _emit_result(self, task_id: int, future: Future[Any]) -> None:
        # Worker thread: only emit, never touch widgets.
        exc = future.exception()
        self._finished.emit(task_id, None if exc else future.result(), exc)

    def _on_finished(self, task_id: int, result: object, exc: object) -> None:
        pending = self._pending.pop(task_id, None)
        try:
            if pending is None:
                return
            if pending.owner is not None and not shiboken6.isValid(pending.owner):
                return
            if isinstance(exc, BaseException):
                if not isinstance(exc, (BookError, DomainError, MoneyError)):
                    log.error("Task failed", exc_info=exc)
                message = plain_message(exc)
                self.failed.emit(message)
                if pending.on_error is not None:
                    pending.on_error(message)
                else:
                    show_error(message)
            else:
                pending.on_done(result)
        finally:
            if not self._pending:
                self.idle_changed.emit(True)

    def shutdown(self) -> None:
        """Finish queued work and stop the thread; later `run` calls are ignored."""
        self._closed = True
        self._executor.shutdown(wait=True)


def _ignore(_result: object) -> None:
    """The default `on_done`: nothing to do with the result."""
