"""Home: the money in the account, what is free to spend after commitments and contingency,
weeks held against the council's band, what came in and went out, and what a council may ask.

The figures come from `summarise(book)` on the worker thread. Each figure has one plain sentence
saying what it means and, when something needs doing, what to do next.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.domain.periods import TaxYear
from pa_manager.services.summary import BookSummary, summarise
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel
from pa_manager.ui.widgets.scrolling import scrolling

TOP_CATEGORIES = 4
MAX_WARNINGS = 6


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


class _Card(QFrame):
    """A boxed section with a heading; the border is decoration, the heading carries the meaning."""

    def __init__(self, heading: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = ScaledLabel(heading, scale=1.25, bold=True)
        self.heading.setWordWrap(True)
        self.column = QVBoxLayout(self)
        self.column.addWidget(self.heading)


class HomePage(QWidget):
    """The first page after unlocking: big, plain figures."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._opened: OpenedBook | None = None
        self.summary: BookSummary | None = None

        self.heading = ScaledLabel("Home", scale=1.6, bold=True)
        self.heading.setWordWrap(True)
        self.status = QLabel("Open a book to see its figures.")
        self.status.setWordWrap(True)

        self.balance_card = _Card("Money in the account")
        self.balance = ScaledLabel("", scale=2.2, bold=True)
        self.balance_note = QLabel()
        self.balance_note.setWordWrap(True)
        self.balance_card.column.addWidget(self.balance)
        self.balance_card.column.addWidget(self.balance_note)

        self.available_card = _Card("Free to spend")
        self.available = ScaledLabel("", scale=2.2, bold=True)
        self.available_note = QLabel()
        self.available_note.setWordWrap(True)
        self.available_card.column.addWidget(self.available)
        self.available_card.column.addWidget(self.available_note)

        self.year_card = _Card("This tax year")
        self.year_note = QLabel()
        self.year_note.setWordWrap(True)
        self.year_grid = QGridLayout()
        self.year_grid.setColumnStretch(0, 1)
        self.year_card.column.addWidget(self.year_note)
        self.year_card.column.addLayout(self.year_grid)

        self.dp_card = _Card("Direct payment and weeks held")
        self.weekly_dp = ScaledLabel("", scale=1.25)
        self.weekly_dp.setWordWrap(True)
        self.weeks_held = ScaledLabel("", scale=1.25)
        self.weeks_held.setWordWrap(True)
        self.weeks_note = QLabel()
        self.weeks_note.setWordWrap(True)
        for widget in (self.weekly_dp, self.weeks_held, self.weeks_note):
            self.dp_card.column.addWidget(widget)

        self.checks_card = _Card("Things your council may ask about")
        self.checks = QLabel()
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.PlainText)
        self.checks_card.column.addWidget(self.checks)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 24, 24, 24)
        column.setSpacing(16)
        column.addWidget(self.heading)
        column.addWidget(self.status)
        for card in self._cards():
            column.addWidget(card)
        column.addStretch(1)
        scroll = scrolling(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
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
        book = self._opened.book
        today = date.today()
        year = TaxYear.containing(today)
        self.status.setText("Adding up the figures…")
        self._tasks.run(
            lambda: summarise(book, year.first_day, today),
            self._on_summary,
            self._on_summary_failed,
            owner=self,
        )

    def clear(self) -> None:
        """Forget every figure (the book was locked or closed)."""
        self.summary = None
        self.heading.setText("Home")
        self.status.setText("Open a book to see its figures.")
        for label in (
            self.balance,
            self.balance_note,
            self.available,
            self.available_note,
            self.year_note,
            self.weekly_dp,
            self.checks,
        ):
            label.clear()
        self.weeks_held.clear()
        self.weeks_note.clear()
        self._clear_grid()
        self._show_cards(False)

    # -- results ---------------------------------------------------------------------------
    def _on_summary(self, summary: BookSummary) -> None:
        if self._opened is None:
            return  # locked while the figures were being added up
        self.summary = summary
        first = summary.holder_name.split()[0] if summary.holder_name.split() else "the holder"
        self.heading.setText(f"{summary.holder_name}: home")
        council = f"{summary.council} (reference {summary.council_reference})"
        self.status.setText(f"Direct payment from {council}." if summary.council else "")
        self.status.setVisible(bool(summary.council))

        position = summary.position
        self.balance.setText(summary.balance.format())
        self.balance.setAccessibleName(f"Money in the account: {summary.balance.format()}")
        if summary.balance.is_negative:
            self.balance_note.setText(
                "The account is overdrawn: more has gone out than came in. Tell your council "
                "and check for missing payments."
            )
        else:
            self.balance_note.setText(
                f"What {first}'s account should hold, from everything recorded in this book."
            )
        self.available.setText(position.available.format())
        self.available.setAccessibleName(f"Free to spend: {position.available.format()}")
        self.available_note.setText(position.available_sentence())

        self.year_card.heading.setText(
            f"This tax year so far ({_long_date(summary.date_from)} to {_long_date(summary.date_to)})"
        )
        self._fill_year(summary)

        self.weekly_dp.setText(f"Weekly direct payment: {summary.weekly_dp.format()}")
        held = summary.weeks_held
        self.weeks_held.setText(position.weeks_sentence() if held is not None else "")
        self.weeks_held.setVisible(held is not None)
        self.weeks_note.setText(
            "Weeks held is the balance divided by the weekly direct payment. "
            + (
                f"Above the band, {position.surplus_at_risk.format()} is not explained by money "
                "committed or set aside."
                if position.surplus_at_risk
                else "Money committed or set aside in contingency pots is explained money."
            )
            if held is not None
            else "Add the weekly direct payment in Settings to see how many weeks you hold."
        )
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
        self._show_cards(True)

    def _on_summary_failed(self, message: str) -> None:
        self.status.setText(f"The figures could not be added up. {message}")
        self.status.show()

    def _fill_year(self, summary: BookSummary) -> None:
        self._clear_grid()
        if not summary.money_in and not summary.money_out:
            self.year_note.setText(
                "Nothing has been recorded in or out yet this tax year. When payments are "
                "added, the totals appear here."
            )
            return
        self.year_note.setText(
            "What came into the account and what was spent, with the biggest amounts first."
        )
        row = 0
        for title, total, by_category in (
            ("Money in", summary.total_in, summary.money_in),
            ("Money out", summary.total_out, summary.money_out),
        ):
            row = self._add_row(row, title, total, bold=True)
            ranked = sorted(by_category.items(), key=lambda kv: -abs(kv[1].pence))
            for category, amount in ranked[:TOP_CATEGORIES]:
                row = self._add_row(row, _label(category), amount, indent=True)
            if len(ranked) > TOP_CATEGORIES:
                rest = Money.total(amount for _c, amount in ranked[TOP_CATEGORIES:])
                others = len(ranked) - TOP_CATEGORIES
                row = self._add_row(row, f"Everything else ({others} more kinds)", rest, indent=True)

    def _add_row(
        self, row: int, title: str, amount: Money, *, bold: bool = False, indent: bool = False
    ) -> int:
        name = ScaledLabel(f"{'    ' if indent else ''}{title}", bold=bold)
        name.setWordWrap(True)
        value = ScaledLabel(amount.format(), bold=bold)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        value.setAccessibleName(f"{title}: {amount.format()}")
        self.year_grid.addWidget(name, row, 0)
        self.year_grid.addWidget(value, row, 1)
        return row + 1

    def _clear_grid(self) -> None:
        while self.year_grid.count():
            item = self.year_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _cards(self) -> tuple[_Card, ...]:
        return (self.balance_card, self.available_card, self.dp_card, self.checks_card, self.year_card)

    def _show_cards(self, shown: bool) -> None:
        for card in self._cards():
            card.setVisible(shown)


def _label(category: Category) -> str:
    return category.label
