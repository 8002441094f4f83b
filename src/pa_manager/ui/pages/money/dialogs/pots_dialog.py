"""Money held back from the balance: contingency pots (ring-fenced) and money owed (commitments).

Two tabs. Each lists what there is with its total and has Add (and, for pots, Edit) and Delete;
when the list is empty, a sentence says why it matters and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pa_manager.domain.money import Money
from pa_manager.domain.money_rules.pots import Commitment, Pot
from pa_manager.services import contingency, register
from pa_manager.services.book import Book
from pa_manager.ui.pages.money.dialogs.commitment_editor import CommitmentEditor
from pa_manager.ui.pages.money.dialogs.pot_editor import PotEditor
from pa_manager.ui.pages.money.dialogs.simple_table import SimpleTable, money_item, text_item
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel, fit_to_text
from pa_manager.ui.widgets.date_edit import format_date
from pa_manager.ui.widgets.scrolling import scrolling

NO_POTS = (
    "No pots yet. Councils expect money set aside for things you will have to pay: holiday pay "
    "owed to your PAs, tax due to HMRC, the insurance renewal, notice or redundancy pay. "
    "Add a pot for each, with the reason."
)
NO_COMMITMENTS = (
    "Nothing owed. Add wages for hours already worked, tax due to HMRC or an invoice you have not "
    "paid yet, so the money you have to spend is not overstated."
)


@dataclass(frozen=True, slots=True)
class _Held:
    pots: list[Pot]
    commitments: list[Commitment]
    pa_names: dict[int, str]


class PotsDialog(QDialog):
    """`PotsDialog(book, tasks, parent)`; `exec()` or `open()`.

    Emits `book_changed(summary)` after each pot or commitment is saved or deleted.
    """

    book_changed = Signal(str)

    def __init__(self, book: Book, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Money set aside and owed — PA Manager")
        self._book = book
        self._tasks = tasks
        self._held = _Held([], [], {})
        self.editor: QDialog | None = None

        heading = ScaledLabel("Money set aside and owed", scale=1.4, bold=True)
        intro = QLabel(
            "What you keep back from the balance. The money available to spend is the balance "
            "less what is owed and less what is in pots."
        )
        intro.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Pots and money owed")

        # Pots
        self.pots_table = SimpleTable(
            [("What for", 20), ("Name", 22), ("Amount", 12), ("Reason", 30)], "Pots"
        )
        self.pots_table.itemSelectionChanged.connect(self._update_buttons)
        self.pots_table.itemDoubleClicked.connect(lambda _item: self.edit_pot())
        self.pots_empty = QLabel(NO_POTS)
        self.pots_total = QLabel("")
        self.add_pot_button = QPushButton("&Add a pot…")
        self.edit_pot_button = QPushButton("&Edit pot…")
        self.delete_pot_button = QPushButton("&Delete pot…")
        self.add_pot_button.clicked.connect(self.add_pot)
        self.edit_pot_button.clicked.connect(self.edit_pot)
        self.delete_pot_button.clicked.connect(self.delete_pot)
        self.tabs.addTab(
            self._tab(
                self.pots_empty,
                self.pots_table,
                self.pots_total,
                (self.add_pot_button, self.edit_pot_button, self.delete_pot_button),
            ),
            "&Pots set aside",
        )

        # Commitments
        self.owed_table = SimpleTable(
            [("Owed to", 24), ("What", 18), ("Amount", 12), ("Due by", 13)], "Money owed"
        )
        self.owed_table.itemSelectionChanged.connect(self._update_buttons)
        self.owed_empty = QLabel(NO_COMMITMENTS)
        self.owed_total = QLabel("")
        self.add_owed_button = QPushButton("Add &money owed…")
        self.delete_owed_button = QPushButton("De&lete…")
        self.add_owed_button.clicked.connect(self.add_commitment)
        self.delete_owed_button.clicked.connect(self.delete_commitment)
        self.tabs.addTab(
            self._tab(
                self.owed_empty,
                self.owed_table,
                self.owed_total,
                (self.add_owed_button, self.delete_owed_button),
            ),
            "Money &owed",
        )

        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(heading)
        inner.addWidget(intro)
        inner.addWidget(self.tabs, 1)
        inner.addWidget(self.problem)
        column = QVBoxLayout(self)
        column.addWidget(scrolling(content), 1)
        column.addWidget(buttons)
        self._show_held(self._held)
        fit_to_text(self, 100, 32)
        self.reload()

    def _tab(
        self, empty: QLabel, table: SimpleTable, total: QLabel, actions: tuple[QPushButton, ...]
    ) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        empty.setWordWrap(True)
        table.set_visible_lines(5)
        column.addWidget(empty)
        column.addWidget(table, 1)
        column.addWidget(total)
        row = QHBoxLayout()
        for button in actions:
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        return page

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the pots, open commitments and PA names on the worker."""
        book = self._book

        def work() -> _Held:
            return _Held(contingency.all_pots(book), contingency.commitments(book), register.pa_names(book))

        self._tasks.run(work, self._show_held, self._show_problem, owner=self)

    def _show_held(self, held: _Held) -> None:
        self._held = held
        self.pots_table.setRowCount(len(held.pots))
        for row, pot in enumerate(held.pots):
            self.pots_table.setItem(row, 0, text_item(pot.kind.label))
            self.pots_table.setItem(row, 1, text_item(pot.name, tooltip=True))
            self.pots_table.setItem(row, 2, money_item(pot.target))
            self.pots_table.setItem(row, 3, text_item(pot.reason, tooltip=True))
        pots_total = Money.total(p.target for p in held.pots)
        self.pots_total.setText(f"Set aside in pots: {pots_total.format()}")
        self.pots_empty.setVisible(not held.pots)
        self.pots_table.setVisible(bool(held.pots))
        self.pots_total.setVisible(bool(held.pots))

        self.owed_table.setRowCount(len(held.commitments))
        for row, c in enumerate(held.commitments):
            self.owed_table.setItem(row, 0, text_item(c.payee, tooltip=True))
            self.owed_table.setItem(row, 1, text_item(c.kind.label))
            self.owed_table.setItem(row, 2, money_item(c.amount))
            self.owed_table.setItem(row, 3, text_item(format_date(c.due)))
        owed_total = Money.total(c.amount for c in held.commitments)
        self.owed_total.setText(f"Owed and not yet paid: {owed_total.format()}")
        self.owed_empty.setVisible(not held.commitments)
        self.owed_table.setVisible(bool(held.commitments))
        self.owed_total.setVisible(bool(held.commitments))
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self._selected(self.pots_table)
        # The holiday pay pot is worked out from the timesheets: it can be seen, not changed.
        has_pot = row is not None and not self._held.pots[row].automatic
        self.edit_pot_button.setEnabled(has_pot)
        self.delete_pot_button.setEnabled(has_pot)
        self.delete_owed_button.setEnabled(self._selected(self.owed_table) is not None)

    def _selected(self, table: SimpleTable) -> int | None:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _show_problem(self, message: str) -> None:
        self.problem.setText(f"⚠ {message}")
        self.problem.show()

    def _write(self, fn: object, summary: str) -> None:
        """Run a change on the worker, then reload and tell the page the book changed."""
        self.problem.hide()

        def done(_result: object) -> None:
            self.book_changed.emit(summary)
            self.reload()

        self._tasks.run(fn, done, self._show_problem, owner=self)  # type: ignore[arg-type]

    # -- pots ---------------------------------------------------------------------------------
    def add_pot(self) -> None:
        self._open_pot_editor(None)

    def edit_pot(self) -> None:
        row = self._selected(self.pots_table)
        if row is not None:
            self._open_pot_editor(self._held.pots[row])

    def _open_pot_editor(self, pot: Pot | None) -> None:
        editor = PotEditor(pot, self)
        self.editor = editor

        def save() -> None:
            chosen, book = editor.pot(), self._book
            verb = "Changed" if pot else "Added"
            self._write(lambda: contingency.save_pot(book, chosen), f"{verb} the pot “{chosen.name}”.")

        editor.accepted.connect(save)
        editor.open()

    def delete_pot(self) -> None:
        row = self._selected(self.pots_table)
        if row is None:
            return
        pot, book = self._held.pots[row], self._book
        if not self._confirm(f"Delete the pot “{pot.name}” ({pot.target.format()})?"):
            return
        assert pot.id is not None
        pot_id = pot.id
        self._write(lambda: contingency.delete_pot(book, pot_id), f"Deleted the pot “{pot.name}”.")

    # -- commitments --------------------------------------------------------------------------
    def add_commitment(self) -> None:
        editor = CommitmentEditor(self._held.pa_names, self)
        self.editor = editor

        def save() -> None:
            chosen, book = editor.commitment(), self._book
            summary = f"Added {chosen.amount.format()} owed to {chosen.payee}."
            self._write(lambda: contingency.add_commitment(book, chosen), summary)

        editor.accepted.connect(save)
        editor.open()

    def delete_commitment(self) -> None:
        row = self._selected(self.owed_table)
        if row is None:
            return
        c, book = self._held.commitments[row], self._book
        if not self._confirm(f"Delete the {c.amount.format()} owed to {c.payee}?"):
            return
        assert c.id is not None
        c_id = c.id
        self._write(
            lambda: contingency.delete_commitment(book, c_id),
            f"Deleted the {c.amount.format()} owed to {c.payee}.",
        )

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            "Delete — PA Manager",
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
