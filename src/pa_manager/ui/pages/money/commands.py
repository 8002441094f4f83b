"""Undo and redo for the register: add, edit, delete and mark cleared.

Each change is done once on the worker *before* its command is pushed (so a refused change never
reaches the undo stack); the command's first `redo()`, which QUndoStack calls on push, therefore
does nothing. Later undo/redo calls go to the worker through `apply`, using the before-states
the services returned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox, QWidget

from pa_manager.services import transactions
from pa_manager.services.book import Book
from pa_manager.services.register import STATE_LABELS
from pa_manager.services.transactions import TransactionDetail

# apply(work, select_id): run `work` on the worker, then reload and select that line.
Apply = Callable[[Callable[[], object], int | None], None]


def describe(line: TransactionDetail) -> str:
    """ "£12.50 to Tesco on 03/02/2026" for menus, confirmations and undo text."""
    amount = abs(line.amount).format()
    direction = "from" if line.amount.pence > 0 else "to"
    return f"{amount} {direction} {line.payee} on {line.day:%d/%m/%Y}"


class _Command(QUndoCommand):
    def __init__(self, text: str, book: Book, apply: Apply) -> None:
        super().__init__(text)
        self._book = book
        self._apply = apply
        self._done_already = True

    def redo(self) -> None:
        if self._done_already:
            self._done_already = False  # the change was made before the push
            return
        self._redo()

    def _redo(self) -> None:
        raise NotImplementedError


class AddCommand(_Command):
    """A line added (quick entry). Undo deletes it; redo puts it back with the same id."""

    def __init__(self, line: TransactionDetail, book: Book, apply: Apply) -> None:
        super().__init__(f"add {describe(line)}", book, apply)
        self._line = line

    def undo(self) -> None:
        book, line_id = self._book, self._line.id
        assert line_id is not None
        self._apply(lambda: transactions.remove(book, line_id), None)

    def _redo(self) -> None:
        book, line = self._book, self._line
        self._apply(lambda: transactions.restore(book, line), line.id)


class EditCommand(_Command):
    """A line changed in the dialog. Undo saves the before-state back."""

    def __init__(self, before: TransactionDetail, after: TransactionDetail, book: Book, apply: Apply) -> None:
        super().__init__(f"change {describe(before)}", book, apply)
        self._before = before
        self._after = after

    def undo(self) -> None:
        book, before = self._book, self._before
        self._apply(lambda: transactions.update(book, before), before.id)

    def _redo(self) -> None:
        book, after = self._book, self._after
        self._apply(lambda: transactions.update(book, after), after.id)


class DeleteCommand(_Command):
    """A line deleted. Undo restores it whole, with its id and statement ids."""

    def __init__(self, removed: TransactionDetail, book: Book, apply: Apply) -> None:
        super().__init__(f"delete {describe(removed)}", book, apply)
        self._removed = removed

    def undo(self) -> None:
        book, line = self._book, self._removed
        self._apply(lambda: transactions.restore(book, line), line.id)

    def _redo(self) -> None:
        book, line_id = self._book, self._removed.id
        assert line_id is not None
        self._apply(lambda: transactions.remove(book, line_id), None)


class StateCommand(_Command):
    """Lines marked cleared or not cleared. Undo puts each back as it was."""

    def __init__(self, before: dict[int, str], state: str, book: Book, apply: Apply) -> None:
        count = len(before)
        what = "line" if count == 1 else f"{count} lines"
        super().__init__(f"mark {what} {STATE_LABELS[state].lower()}", book, apply)
        self._before = dict(before)
        self._state = state

    def undo(self) -> None:
        book, before = self._book, self._before

        def work() -> None:
            for state in ("uncleared", "cleared"):
                ids = [i for i, s in before.items() if s == state]
                if ids:
                    transactions.set_state(book, ids, state)

        self._apply(work, next(iter(before), None))

    def _redo(self) -> None:
        book, ids, state = self._book, list(self._before), self._state
        self._apply(lambda: transactions.set_state(book, ids, state), ids[0] if ids else None)


def with_id(line: TransactionDetail, line_id: int) -> TransactionDetail:
    """The quick-entry line as saved (its new id), for AddCommand's redo."""
    return replace(line, id=line_id)


def ask_to_delete(parent: QWidget, what: str) -> bool:
    """Ask before deleting, naming the line; No is the default."""
    answer = QMessageBox.question(
        parent,
        "Delete this line?",
        f"Delete the line of {what}? You can undo this with Ctrl+Z.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
