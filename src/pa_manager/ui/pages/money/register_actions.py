"""The Money page's changes to the register: add from quick entry, edit, delete, mark cleared.

`RegisterActions` is a plain collaborator of `MoneyPage`. Each change runs on the TaskRunner's
worker (owned by the page), is pushed to the page's undo stack only once it has been made, and
then the register is loaded again with the changed lines selected. Deleting asks first through the
page's replaceable `confirm`, read at the moment it is needed so tests can answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pa_manager.services import transactions
from pa_manager.services.book import Book
from pa_manager.services.transactions import TransactionDetail
from pa_manager.ui.pages.money.commands import (
    AddCommand,
    DeleteCommand,
    EditCommand,
    StateCommand,
    describe,
    with_id,
)
from pa_manager.ui.pages.money.register_model import pounds
from pa_manager.ui.pages.money.transaction_dialog import TransactionDialog
from pa_manager.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pa_manager.ui.pages.money.money_page import MoneyPage


class RegisterActions:
    """Add, edit, delete and clear lines for `page`; the edit dialog is kept as `page.dialog`."""

    def __init__(self, page: MoneyPage, tasks: TaskRunner) -> None:
        self._page = page
        self._tasks = tasks

    def _book(self) -> Book | None:
        opened = self._page.opened
        return opened.book if opened is not None else None

    def add_line(self, line: TransactionDetail) -> None:
        """Add what was typed in the quick-entry row."""
        page, book = self._page, self._book()
        if book is None:
            return

        def added(line_id: int) -> None:
            saved = with_id(line, line_id)
            page.undo_stack.push(AddCommand(saved, book, page.apply))
            page.note(f"Added {describe(saved)}.")
            page.entry.ready_for_next()
            page.refresh([line_id])

        self._tasks.run(lambda: transactions.add(book, line), added, page.entry.show_problem, owner=page)

    def edit_selected(self) -> None:
        """Open the first selected line in the transaction dialog."""
        page, book, ids = self._page, self._book(), self._page.selected_ids()
        if book is None or not ids:
            return
        line_id = ids[0]
        self._tasks.run(
            lambda: transactions.get(book, line_id), self._open_dialog, page.show_problem, owner=page
        )

    def _open_dialog(self, line: TransactionDetail) -> None:
        page, book = self._page, self._book()
        if book is None:
            return
        page.dialog = TransactionDialog(line, page.pa_names, self._tasks, book, page)
        page.dialog.saved.connect(self._on_dialog_saved)
        page.dialog.unlocked.connect(lambda line_id: page.refresh([line_id]))
        page.dialog.finished.connect(self._on_dialog_finished)
        page.dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        page = self._page
        if page.dialog is not None:
            page.dialog.deleteLater()
            page.dialog = None
        page.table.setFocus()

    def _on_dialog_saved(self, after: TransactionDetail) -> None:
        page, book = self._page, self._book()
        if book is None:
            return

        def saved(before: TransactionDetail) -> None:
            page.undo_stack.push(EditCommand(before, after, book, page.apply))
            page.note(f"Saved {describe(after)}.")
            page.refresh([after.id] if after.id is not None else None)

        self._tasks.run(lambda: transactions.update(book, after), saved, page.show_problem, owner=page)

    def delete_selected(self) -> None:
        """Delete the first selected line after asking; reconciled lines are refused."""
        page, book, ids = self._page, self._book(), self._page.selected_ids()
        if book is None or not ids:
            return
        row = page.model.row_at(page.model.row_of(ids[0]) or 0)
        if row.locked:
            page.show_problem("That line is reconciled and locked. Open it (Enter) and choose Unlock… first.")
            return
        direction = "from" if row.amount > 0 else "to"
        what = f"{pounds(abs(row.amount))} {direction} {row.payee} on {row.day:%d/%m/%Y}"
        if not page.confirm(what):
            return

        def deleted(removed: TransactionDetail) -> None:
            page.undo_stack.push(DeleteCommand(removed, book, page.apply))
            page.note(f"Deleted {describe(removed)}. Press Ctrl+Z to undo.")
            page.refresh([])

        self._tasks.run(lambda: transactions.remove(book, row.id), deleted, page.show_problem, owner=page)

    def toggle_selected(self) -> None:
        """Mark the selected open lines cleared, or not cleared if they all are already."""
        page, book = self._page, self._book()
        model = page.model
        rows = [model.row_at(r) for r in (model.row_of(i) for i in page.selected_ids()) if r is not None]
        open_rows = [r for r in rows if not r.locked]
        if book is None or not open_rows:
            if rows:
                page.show_problem("Reconciled lines are locked; they stay reconciled.")
            return
        state = "uncleared" if all(r.state == "cleared" for r in open_rows) else "cleared"
        before = {r.id: r.state for r in open_rows}
        ids = list(before)

        def done(_result: object) -> None:
            page.undo_stack.push(StateCommand(before, state, book, page.apply))
            page.note(
                f"Marked {len(ids)} {'line' if len(ids) == 1 else 'lines'} {state.replace('un', 'not ')}."
            )
            page.refresh(ids)

        self._tasks.run(lambda: transactions.set_state(book, ids, state), done, page.show_problem, owner=page)
