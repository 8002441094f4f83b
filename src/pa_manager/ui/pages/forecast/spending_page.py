"""Spending: money out by category per month, against the budget the direct payment gives and the
PAs' planned hours (contracted weekly hours) against the hours their timesheets show.

Loads on the worker when first shown. The table holds the chart's numbers, and more.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from pa_manager.domain.money import Money
from pa_manager.services.book import Book
from pa_manager.services.spending import SpendingMonth, spending_by_month
from pa_manager.ui.pages.forecast.money_table import TextTableView, chart_and_table
from pa_manager.ui.pages.forecast.spending_chart import OTHERS, SpendingChart, chart_groups, grouped
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel
from pa_manager.ui.widgets.scrolling import fill_with_scrolling, page_column
from pa_manager.ui.widgets.shown_page import LoadsWhenShown

MONTHS = 12


def summary_sentence(months: Sequence[SpendingMonth]) -> str:
    spent = Money.total(m.total for m in months)
    budget = Money.total(m.budget for m in months)
    planned = sum((m.planned_hours for m in months), start=type(months[0].planned_hours)(0))
    worked = sum((m.worked_hours for m in months), start=type(months[0].worked_hours)(0))
    side = "under" if spent.pence <= budget.pence else "over"
    hours = (
        f" PAs worked {worked:,f} hours; their contracts plan {planned:,f}."
        if planned
        else f" PAs worked {worked:,f} hours (no contracted hours are recorded to compare with)."
    )
    return (
        f"Since {months[0].first:%B %Y}, {spent} went out against a budget of {budget}: "
        f"{abs(budget - spent)} {side} budget.{hours}"
    )


def table_rows(months: Sequence[SpendingMonth]) -> tuple[list[str], list[list[str]]]:
    groups = chart_groups(months)
    headers = [
        "Month",
        "Spent",
        "Budget",
        "Hours planned",
        "Hours worked",
        *(c.label for c in groups),
        OTHERS,
    ]
    rows = [
        [
            m.label if m.last.day > 27 or m.last.month != m.first.month else f"{m.label} (to {m.last.day})",
            m.total.format(),
            m.budget.format(),
            f"{m.planned_hours:f}",
            f"{m.worked_hours:f}",
            *(v.format() for v in grouped(m, groups)),
        ]
        for m in months
    ]
    return headers, rows


class SpendingPage(LoadsWhenShown):
    """The chart and its table for the last twelve months."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.months: list[SpendingMonth] = []
        heading = ScaledLabel("Spending", scale=1.6, bold=True)
        self.status = QLabel("Open a book to see its spending.")
        self.status.setWordWrap(True)
        self.sentence = ScaledLabel("", scale=1.1, bold=True)
        self.sentence.setWordWrap(True)
        self.chart = SpendingChart()
        self.table = TextTableView("Spending month by month")
        self.tabs = chart_and_table(self.chart, self.table)
        content, column = page_column()
        column.addWidget(heading)
        column.addWidget(self.status)
        column.addWidget(self.sentence)
        column.addWidget(self.tabs, 100)
        column.addStretch(1)  # takes the room instead when there is no chart to show
        fill_with_scrolling(self, content)
        self.tabs.hide()

    def _clear(self) -> None:
        self.months = []
        self.status.setText("Open a book to see its spending.")
        self.status.show()
        self.sentence.clear()
        self.table.set_rows([], [])
        self.chart.clear()
        self.tabs.hide()

    def _load(self, book: Book) -> None:
        self.status.setText("Adding up the spending…")
        self.status.show()
        self._tasks.run(
            lambda: spending_by_month(book, MONTHS, date.today()),
            self._on_loaded,
            self._on_failed,
            owner=self,
        )

    def _on_loaded(self, months: list[SpendingMonth]) -> None:
        if self._opened is None:
            return
        self.months = months
        if not any(m.total for m in months):
            self.status.setText(
                "Nothing has been spent in the last twelve months. Add payments on the Money page, or "
                "import a bank statement, and the spending appears here by month."
            )
            self.sentence.clear()
            self.tabs.hide()
            return
        self.status.hide()
        self.sentence.setText(summary_sentence(months))
        self.chart.show_months(months)
        self.table.set_rows(*table_rows(months))
        self.tabs.show()

    def _on_failed(self, message: str) -> None:
        self.status.setText(f"The spending could not be added up. {message}")
        self.status.show()
