"""The spending chart: money out per month as stacked bars by category (the biggest five and
everything else), with the month's budget from the direct payment drawn as a line across them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QLineSeries, QStackedBarSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QApplication, QWidget

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services.spending import SpendingMonth
from pa_manager.ui.pages.forecast.chart_style import KeyedChart, pounds

TOP = 5
OTHERS = "Everything else"


def chart_groups(months: Sequence[SpendingMonth]) -> list[Category]:
    """The categories with the most spending over all the months, biggest first."""
    totals: dict[Category, int] = {}
    for m in months:
        for c, v in m.by_category.items():
            totals[c] = totals.get(c, 0) + v.pence
    return sorted(totals, key=lambda c: -totals[c])[:TOP]


def grouped(m: SpendingMonth, groups: Sequence[Category]) -> list[Money]:
    """The month's spending in each group, then everything else."""
    shown = [m.by_category.get(c, Money(0)) for c in groups]
    rest = Money.total(v for c, v in m.by_category.items() if c not in groups)
    return [*shown, rest]


class SpendingChart(KeyedChart):
    """Stacked monthly bars and the budget line, with the key underneath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        name = "Chart of spending by month (the table has the same numbers)"
        super().__init__(name, "Key to the spending chart", parent)

    def show_months(self, months: Sequence[SpendingMonth]) -> None:
        chart = self.fresh_chart()
        if not months:
            return
        groups = chart_groups(months)
        names = [c.label for c in groups] + [OTHERS]
        sets = [QBarSet(name) for name in names]
        for m in months:
            for bar_set, amount in zip(sets, grouped(m, groups), strict=True):
                bar_set.append(pounds(amount))
        bars = QStackedBarSeries()
        for bar_set in sets:
            bars.append(bar_set)
        chart.addSeries(bars)
        budget = QLineSeries()
        budget.setName("Budget (weekly direct payment × days ÷ 7)")
        budget.setPen(QPen(QApplication.palette().windowText().color(), 2, Qt.PenStyle.DashLine))
        for n, m in enumerate(months):
            budget.append(n, pounds(m.budget))
        chart.addSeries(budget)
        x_axis = QBarCategoryAxis()
        x_axis.append([f"{m.first:%b %y}" for m in months])
        x_axis.setLabelsAngle(-90)  # upright names never get cut short when the bars are narrow
        y_axis = QValueAxis()
        high = max(max(pounds(m.total) for m in months), max(pounds(m.budget) for m in months))
        y_axis.setRange(0, high * 1.1 or 100)
        y_axis.setLabelFormat("%.0f")
        y_axis.setTitleText("Money out in £")
        y_axis.applyNiceNumbers()
        key = [("■", s.color(), s.label()) for s in sets]
        key.append(("╍", QApplication.palette().windowText().color(), budget.name()))
        self.finish(x_axis, y_axis, (bars, budget), key)
