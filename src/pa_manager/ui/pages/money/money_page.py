"""Money: the register of money in and out, with filters, quick entry, editing and undo.

Everything that touches the book runs on the TaskRunner's worker. Each change is made first and
only then pushed to the page's undo stack (see commands.py); after any change the register is
loaded again and the lines that were selected stay selected. The changes themselves (add, edit,
delete, mark cleared) are made by `RegisterActions` (register_actions.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from pa_manager.domain.errors import DomainError
from pa_manager.services import register
from pa_manager.services.register import AccountInfo, Register, RegisterRow
from pa_manager.ui.pages.money.commands import ask_to_delete
from pa_manager.ui.pages.money.filter_bar import FilterBar
from pa_manager.ui.pages.money.flow_layout import flow_row
from pa_manager.ui.pages.money.quick_entry import PayeeHabit, QuickEntryRow
from pa_manager.ui.pages.money.register_actions import RegisterActions
from pa_manager.ui.pages.money.register_model import RegisterTableModel, pounds
from pa_manager.ui.pages.money.register_view import RegisterView
from pa_manager.ui.pages.money.transaction_dialog import TransactionDialog
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel
from pa_manager.ui.widgets.scrolling import fill_with_scrolling

EMPTY_BOOK = "No money recorded yet. Import a statement or add a line with Ctrl+N."
EMPTY_FILTER = "No lines match these dates and filters. Clear the search or choose other dates."


@dataclass(frozen=True, slots=True)
class _Loaded:
    accounts: list[AccountInfo]
    pas: dict[int, str]
    register: Register


class MoneyPage(QWidget):
    """The register page. Import, reconcile and pots dialogs are opened by whoever listens."""

    import_requested = Signal()
    reconcile_requested = Signal()
    pots_requested = Signal()
    loaded = Signal()  # after every (re)load and filter, for tests and the other dialogs

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._opened: OpenedBook | None = None
        self._register: Register | None = None
        self._pas: dict[int, str] = {}
        self._load_seq = 0
        self._keep: list[int] = []
        self.dialog: TransactionDialog | None = None
        self.last_filter_ms = 0.0
        self.undo_stack = QUndoStack(self)
        # Asks before deleting; tests replace it.
        self.confirm: Callable[[str], bool] = lambda what: ask_to_delete(self, what)
        self.actions = RegisterActions(self, tasks)

        self.heading = ScaledLabel("Money", scale=1.6, bold=True)
        self.account_line = QLabel()
        self.account_line.setWordWrap(True)
        self.filters = FilterBar()
        self.import_button = QPushButton("Import statement…")
        self.reconcile_button = QPushButton("Reconcile…")
        self.pots_button = QPushButton("Contingency and commitments…")
        self.undo_button = QPushButton("Undo")
        self.redo_button = QPushButton("Redo")
        buttons = flow_row(
            self.import_button, self.reconcile_button, self.pots_button, self.undo_button, self.redo_button
        )
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setAccessibleName("Totals of the lines shown")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.hide()  # shown when it has something to say (see note)
        self.model = RegisterTableModel(self)
        self.table = RegisterView(self.model)
        self.empty = QLabel(EMPTY_BOOK)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.empty)
        self.entry = QuickEntryRow()

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 16, 24, 16)
        column.setSpacing(8)
        column.addWidget(self.heading)
        column.addWidget(self.account_line)
        column.addWidget(self.filters)
        column.addWidget(buttons)
        column.addWidget(self.totals)
        column.addWidget(self.notice)
        column.addWidget(self.table_stack, 1)
        column.addWidget(self.entry)
        fill_with_scrolling(self, content)
        self._build_actions()

        self.import_button.clicked.connect(self.import_requested)
        self.reconcile_button.clicked.connect(self.reconcile_requested)
        self.pots_button.clicked.connect(self.pots_requested)
        self.filters.range_changed.connect(self.refresh)
        self.filters.filter_changed.connect(self._apply_filter)
        self.entry.submitted.connect(self.actions.add_line)
        self.table.doubleClicked.connect(self.actions.edit_selected)
        self.set_book(None)

    def _build_actions(self) -> None:
        self.undo_action = QAction("Undo", self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = QAction("Redo", self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action, slot in (
            (self.undo_action, self.undo_stack.undo),
            (self.redo_action, self.undo_stack.redo),
        ):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.indexChanged.connect(self._on_undo_index_changed)
        self.table.edit_action.triggered.connect(self.actions.edit_selected)
        self.table.delete_action.triggered.connect(self.actions.delete_selected)
        self.table.toggle_action.triggered.connect(self.actions.toggle_selected)
        self._on_undo_index_changed()

    # -- the book --------------------------------------------------------------------------
    @property
    def opened(self) -> OpenedBook | None:
        return self._opened

    def set_book(self, opened: OpenedBook | None) -> None:
        self._opened = opened
        self._register = None
        self.undo_stack.clear()
        self.model.set_rows([])
        self.note("")
        self.setEnabled(opened is not None)
        if opened is None:
            self.account_line.setText("Open a book to see its money.")
            self.totals.clear()
            self.entry.set_habits({}, [])
            return
        self.refresh()

    def refresh(self, keep: list[int] | None = None) -> None:
        """Load the register again (on the worker) for the account and dates chosen."""
        if self._opened is None:
            return
        try:
            first, last = self.filters.bounds(date.today())
        except DomainError:
            return
        self._keep = keep if keep is not None else self.selected_ids()
        self._load_seq += 1
        seq = self._load_seq
        book, account_id = self._opened.book, self.filters.account_id()

        def work() -> _Loaded:
            return _Loaded(
                register.accounts(book),
                register.pa_names(book),
                register.load_register(book, account_id, first, last),
            )

        self._tasks.run(work, lambda result: self._on_loaded(seq, result), self._on_load_failed, owner=self)

    def _on_loaded(self, seq: int, loaded: _Loaded) -> None:
        if seq != self._load_seq or self._opened is None:
            return  # a newer load is on its way
        self._register = loaded.register
        self._pas = loaded.pas
        self.filters.set_accounts(loaded.accounts, loaded.register.account.id)
        self.filters.set_pas(loaded.pas)
        self.entry.set_pas(loaded.pas)
        self.entry.account_id = loaded.register.account.id
        self._learn_payees(loaded.register.rows)
        account = loaded.register.account
        self.account_line.setText(
            f"{account.name}: balance {pounds(loaded.register.closing)} after the last line "
            f"shown ({self.filters.describe_range()})."
        )
        self._apply_filter()

    def _on_load_failed(self, message: str) -> None:
        self.note(f"⚠ The register could not be loaded: {message}")

    def _learn_payees(self, rows: list[RegisterRow]) -> None:
        habits: dict[str, PayeeHabit] = {}
        names: dict[str, str] = {}
        for row in rows:  # oldest first, so the last line with a payee wins
            key = row.payee.casefold()
            habits[key] = PayeeHabit(row.categories[0], row.pa_id, row.amount < 0)
            names[key] = row.payee
        self.entry.set_habits(habits, sorted(names.values(), key=str.casefold))

    # -- showing ---------------------------------------------------------------------------
    def _apply_filter(self) -> None:
        started = time.perf_counter()
        keep = self._keep or self.selected_ids()
        self._keep = []
        rows = self._register.filtered(self.filters.register_filter()) if self._register else []
        self.model.set_rows(rows)
        self._select(keep)
        money_in = sum(r.amount for r in rows if r.amount > 0)
        money_out = -sum(r.amount for r in rows if r.amount < 0)
        count = len(rows)
        self.totals.setText(
            f"{count:,} {'line' if count == 1 else 'lines'} shown · money in {pounds(money_in)} "
            f"· money out {pounds(money_out)}"
        )
        has_any = bool(self._register and self._register.rows)
        self.empty.setText(EMPTY_FILTER if has_any or self.filters.is_filtering() else EMPTY_BOOK)
        self.table_stack.setCurrentWidget(self.table if rows else self.empty)
        self.last_filter_ms = (time.perf_counter() - started) * 1000
        self.loaded.emit()

    def selected_ids(self) -> list[int]:
        model = self.table.selectionModel()
        if model is None:
            return []
        return [
            self.model.row_at(i.row()).id for i in model.selectedRows() if i.row() < self.model.rowCount()
        ]

    def _select(self, ids: list[int]) -> None:
        rows = [r for r in (self.model.row_of(i) for i in ids) if r is not None]
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)
        if rows:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.table.scrollTo(self.model.index(rows[0], 0))

    def select_line(self, txn_id: int) -> None:
        self._select([txn_id])

    # -- changes ---------------------------------------------------------------------------
    def apply(self, work: Callable[[], object], select_id: int | None) -> None:
        """Run an undo or redo on the worker, then reload (undo commands call this)."""

        def failed(message: str) -> None:
            # The book no longer matches the undo history (a line was reconciled, say).
            self.undo_stack.clear()
            self.note(f"⚠ {message} Undo history was cleared.")
            self.refresh()

        keep = [select_id] if select_id is not None else []
        self._tasks.run(work, lambda _r: self.refresh(keep), failed, owner=self)

    def _on_edit_triggered(self) -> None:
        # Kept for the screenshot scenes, which open the edit dialog this way.
        self.actions.edit_selected()

    @property
    def pa_names(self) -> dict[int, str]:
        """The PAs' names by id, as last loaded (for the transaction dialog)."""
        return self._pas

    def show_problem(self, message: str) -> None:
        """Say what could not be done, with a warning sign, under the totals."""
        self.note(f"⚠ {message}")

    def note(self, text: str) -> None:
        """What just happened ("Added …", "⚠ …"), under the totals; hidden when there is nothing."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _on_undo_index_changed(self, _index: int = 0) -> None:
        stack = self.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.undo_button.setEnabled(stack.canUndo())
        self.redo_button.setEnabled(stack.canRedo())
        self.undo_button.setToolTip(
            f"Undo {stack.undoText()} (Ctrl+Z)" if stack.canUndo() else "Nothing to undo"
        )
        self.redo_button.setToolTip(
            f"Redo {stack.redoText()} (Ctrl+Shift+Z)" if stack.canRedo() else "Nothing to redo"
        )
        self.undo_button.setAccessibleDescription(self.undo_button.toolTip())
        self.redo_button.setAccessibleDescription(self.redo_button.toolTip())

    # -- keys ------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Ctrl+N on this page means "new line", not the window's "new book": claim the key
        # before the window's shortcut sees it (the override reaches us from the focused child).
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.New)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.New):
            self.new_line()
            return
        super().keyPressEvent(event)

    def new_line(self) -> None:
        """Ctrl+N: go to the quick-entry row, ready to type the payee."""
        self.entry.payee.setFocus()
        self.entry.payee.selectAll()
