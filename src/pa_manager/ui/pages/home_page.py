"""Home: the numbers that matter in large type, each with one plain sentence, then the things to
do (each with a button to the fix), what a council may ask about, and this tax year's totals.

The figures come from the worker in two halves: the money (`services.home.home_money`) first, then
the next return and the to-do list (`home_tasks`), so the numbers show without waiting for the
paperwork checks. Both are cached per book change, so coming back to Home is instant. A to-do
button emits `fix_requested` with its item; the main window takes the person there
(`ui.pages.home.fixes`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from pa_manager.domain.people import long_date
from pa_manager.services.home import HomeMoney, HomeTasks, home_money, home_tasks
from pa_manager.services.summary import BookSummary
from pa_manager.ui.pages.home.cards import Card, FigureCard
from pa_manager.ui.pages.home.todo_list import NOTHING_TO_DO, TodoList
from pa_manager.ui.pages.home.year_grid import YearGrid
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel
from pa_manager.ui.widgets.scrolling import fill_with_scrolling, page_column

MAX_WARNINGS = 6
WIDE_FIGURE = "£88,888.88"  # as wide as a figure card's number usually gets


def _names(names: tuple[str, ...]) -> str:
    firsts = [n.split()[0] for n in names if n.split()]
    if len(firsts) <= 1:
        return "".join(firsts) or "your PAs"
    return ", ".join(firsts[:-1]) + " and " + firsts[-1]


class HomePage(QWidget):
    """The first page after unlocking: big, plain figures and what to do next."""

    fix_requested = Signal(object)  # a HomeTodo: the main window goes to where it is fixed
    money_loaded = Signal()  # the figures are shown
    loaded = Signal()  # …and the to-do list too

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._opened: OpenedBook | None = None
        self.summary: BookSummary | None = None
        self.figures: HomeMoney | None = None
        self.tasks: HomeTasks | None = None

        self.heading = ScaledLabel("Home", scale=1.6, bold=True)
        self.heading.setWordWrap(True)
        self.status = QLabel("Open a book to see its figures.")
        self.status.setWordWrap(True)

        self.balance_card = FigureCard("Money in the account")
        self.balance = self.balance_card.figure
        self.available_card = FigureCard("Free to spend")
        self.available = self.available_card.figure
        self.weeks_card = FigureCard("Weeks held")
        self.weekly_dp = QLabel()
        self.weekly_dp.setWordWrap(True)
        self.weeks_card.column.insertWidget(self.weeks_card.column.count() - 1, self.weekly_dp)
        self.council_card = FigureCard("Next council payment")
        self.payday_card = FigureCard("Next payday")
        self.hmrc_card = FigureCard("Owed to HMRC")
        self.return_card = FigureCard("Next return due")

        self.todo_card = Card("Things to do")
        self.todos = TodoList()
        self.todos.fix_requested.connect(self.fix_requested)
        self.todo_card.column.addWidget(self.todos)

        self.checks_card = Card("Things your council may ask about")
        self.checks = QLabel()
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.PlainText)
        self.checks_card.column.addWidget(self.checks)

        self.year_card = Card("This tax year")
        self.year = YearGrid()
        self.year_card.column.addWidget(self.year)

        self.figure_grid = figures = QGridLayout()
        figures.setSpacing(16)
        self._columns = 0
        self._reflow(2)

        content, column = page_column(16)
        column.addWidget(self.heading)
        column.addWidget(self.status)
        column.addLayout(figures)
        for card in (self.todo_card, self.checks_card, self.year_card):
            column.addWidget(card)
        column.addStretch(1)
        fill_with_scrolling(self, content)
        self._show_cards(False)

    # -- book ------------------------------------------------------------------------------
    def set_book(self, opened: OpenedBook | None) -> None:
        self._opened = opened
        if opened is None:
            self.clear()
        else:
            self.refresh()

    def refresh(self) -> None:
        """Fetch the figures again on the worker (after unlocking or after a change)."""
        if self._opened is None:
            return
        book, today = self._opened.book, date.today()
        if self.figures is None:
            self.status.setText("Adding up the figures…")
            self.status.show()
        self._tasks.run(lambda: home_money(book, today), self._on_money, self._on_failed, owner=self)
        self._tasks.run(lambda: home_tasks(book, today), self._on_tasks, self._on_failed, owner=self)

    def clear(self) -> None:
        """Forget every figure (the book was locked or closed)."""
        self.summary = None
        self.figures = None
        self.tasks = None
        self.heading.setText("Home")
        self.status.setText("Open a book to see its figures.")
        self.status.show()
        for card in self._figure_cards():
            card.clear()
        self.weekly_dp.clear()
        self.checks.clear()
        self.todos.clear()
        self.year.clear()
        self._show_cards(False)

    # -- results ---------------------------------------------------------------------------
    def _on_money(self, figures: HomeMoney) -> None:
        if self._opened is None:
            return  # locked while the figures were being added up
        self.figures = figures
        summary = self.summary = figures.summary
        self.heading.setText(f"{summary.holder_name}: home")
        council = f"{summary.council} (reference {summary.council_reference})"
        self.status.setText(f"Direct payment from {council}." if summary.council else "")
        self.status.setVisible(bool(summary.council))
        self._fill_money(summary)
        self._fill_coming(figures)
        self._fill_checks(summary)
        self.year_card.heading.setText(
            f"This tax year so far ({long_date(summary.date_from)} to {long_date(summary.date_to)})"
        )
        self.year.fill(summary)
        self._show_cards(True)
        if self.tasks is None:
            self.return_card.show_figure("", "Checking…")
            self.todos.empty.setText("Checking paperwork, timesheets, statements and receipts…")
        self.money_loaded.emit()

    def _on_tasks(self, tasks: HomeTasks) -> None:
        if self._opened is None or self.figures is None:
            return  # locked, or the money could not be added up (the status says why)
        self.tasks = tasks
        self.todos.empty.setText(NOTHING_TO_DO)
        self.todos.set_items(tasks.todos)
        nxt = tasks.next_return
        if nxt is None:
            self.return_card.show_figure(
                "", "No return is set up: choose how often your council wants one in Settings."
            )
        else:
            late = " It is late: send it as soon as you can." if nxt.due < self.figures.today else ""
            self.return_card.show_figure(
                long_date(nxt.due),
                f"The council's return for {long_date(nxt.start)} to {long_date(nxt.end)}.{late}",
            )
        self.loaded.emit()

    def _fill_money(self, summary: BookSummary) -> None:
        position = summary.position
        first = summary.holder_name.split()[0] if summary.holder_name.split() else "the holder"
        if summary.balance.is_negative:
            note = (
                "The account is overdrawn: more has gone out than came in. Tell your council and "
                "check for missing payments."
            )
        else:
            note = f"What {first}'s account should hold, from everything recorded in this book."
        self.balance_card.show_figure(summary.balance.format(), note)
        self.available_card.show_figure(position.available.format(), position.available_sentence())
        self.weekly_dp.setText(f"Weekly direct payment: {summary.weekly_dp.format()}")
        if summary.weeks_held is None:
            self.weeks_card.show_figure(
                "", "Add the weekly direct payment in Settings to see how many weeks you hold."
            )
            return
        weeks = f"{summary.weeks_held.normalize():f}"
        self.weeks_card.show_figure(
            f"{weeks} {'week' if summary.weeks_held == 1 else 'weeks'}",
            position.weeks_sentence() + " Weeks held is the balance divided by the weekly direct payment.",
        )

    def _fill_coming(self, figures: HomeMoney) -> None:
        pay = figures.next_council
        if pay is None:
            self.council_card.show_figure(
                "",
                "No council payment is expected in the next four months: check the funding agreement "
                "in Settings.",
            )
        else:
            self.council_card.show_figure(
                pay.amount.format(), f"Due from {pay.payer} on {long_date(pay.due, weekday=True)}."
            )
        payday = figures.next_payday
        if payday is None:
            self.payday_card.show_figure(
                "", "Nobody is on the payroll yet. Add your PAs on People & timesheets."
            )
        elif figures.payday_owed:
            self.payday_card.show_figure(
                payday.amount.format(),
                f"Wages owed to {_names(figures.payday_names)} on {long_date(payday.due, weekday=True)}.",
            )
        else:
            self.payday_card.show_figure(
                payday.amount.format(),
                f"About this much before tax for {_names(figures.payday_names)} on "
                f"{long_date(payday.due, weekday=True)}, from their usual week.",
            )
        hmrc = figures.hmrc
        if hmrc is None:
            self.hmrc_card.show_figure("£0.00", "Nothing is owed to HMRC for the pay finalised so far.")
        else:
            later = hmrc.total - hmrc.amount
            rest = f" {later.format()} more is due later." if later else ""
            self.hmrc_card.show_figure(
                hmrc.total.format(),
                f"Pay {hmrc.amount.format()} in tax and National Insurance by {long_date(hmrc.due)}.{rest}",
            )

    def _fill_checks(self, summary: BookSummary) -> None:
        if summary.warnings:
            shown = summary.warnings[:MAX_WARNINGS]
            more = len(summary.warnings) - len(shown)
            text = "\n\n".join(f"• {w}" for w in shown)
            if more:
                text += f"\n\n…and {more} more like these."
            self.checks.setText(text)
        else:
            self.checks.setText(
                "Nothing to check: the council's payments arrived as agreed and no spending "
                "looks like something councils refuse."
            )

    # -- layout ----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Two columns of figures when two of the widest figures fit side by side, else one: at
        # 200% text or in a narrow window the cards stack instead of running off the side.
        big = (
            self.balance.fontMetrics().horizontalAdvance(WIDE_FIGURE)
            + 6 * self.fontMetrics().averageCharWidth()
        )
        self._reflow(2 if event.size().width() - 48 >= 2 * big + 16 else 1)

    def _reflow(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for card in self._figure_cards():
            self.figure_grid.removeWidget(card)
        for index, card in enumerate(self._figure_cards()):
            self.figure_grid.addWidget(card, index // columns, index % columns)
        for column in range(2):
            self.figure_grid.setColumnStretch(column, 1 if column < columns else 0)

    def _on_failed(self, message: str) -> None:
        self.status.setText(f"The figures could not be added up. {message}")
        self.status.show()

    def _figure_cards(self) -> tuple[FigureCard, ...]:
        return (
            self.balance_card,
            self.available_card,
            self.weeks_card,
            self.council_card,
            self.payday_card,
            self.hmrc_card,
            self.return_card,
        )

    def _show_cards(self, shown: bool) -> None:
        for card in (*self._figure_cards(), self.todo_card, self.checks_card, self.year_card):
            card.setVisible(shown)
