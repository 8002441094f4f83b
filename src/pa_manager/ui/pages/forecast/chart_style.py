"""Charts that follow the app: the palette (light or dark), the text size, and £ axes.

Plotting needs floating-point coordinates; amounts become pounds as floats only here, for drawing.
Every number a person reads exactly is in the table beside the chart, formatted from Money.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from PySide6.QtCharts import QAbstractAxis, QAbstractSeries, QChart, QChartView
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from pa_manager.domain.money import Money

CHART_LINES = 22  # chart height in lines of text, so it grows with the text size


def pounds(amount: Money) -> float:
    """An amount as pounds for plotting (display only)."""
    return amount.pence / 100


def day_x(day: date, start: date) -> float:
    """Days after `start`: the x value of `day` on a chart starting then."""
    return float((day - start).days)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def band_colour(palette: QPalette) -> QColor:
    """A green for the allowed band, see-through so the lines show over it."""
    colour = QColor(80, 200, 120) if is_dark(palette) else QColor(40, 150, 80)
    colour.setAlpha(60)
    return colour


class Legend(QLabel):
    """The chart's key as wrapped text under it: a sign for each line, in its colour, and words.

    QtCharts' own legend cuts long names short when space is tight; this one wraps instead, and
    the sign and the words carry the meaning without the colour.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAccessibleName(name)

    def set_entries(self, entries: Sequence[tuple[str, QColor, str]]) -> None:
        """(sign, colour, words) for each line of the chart."""
        self.setText(
            "&nbsp;&nbsp;&nbsp; ".join(
                f'<span style="color:{c.name()}">{escape(sign)}</span>&nbsp;{escape(words)}'
                for sign, c, words in entries
            )
        )
        self.setAccessibleDescription("; ".join(words for _s, _c, words in entries))


class ChartView(QChartView):
    """A chart view styled from the app palette and font; restyle() after either changes."""

    def __init__(self, chart: QChart, name: str, parent: QWidget | None = None) -> None:
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(name)
        self.restyle()

    def restyle(self) -> None:
        chart = self.chart()
        palette = QApplication.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        font = QFont(QApplication.font())
        chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        chart.setPlotAreaBackgroundVisible(False)
        chart.setTitleBrush(text)
        chart.setTitleFont(font)
        chart.legend().hide()  # the Legend label under the chart names every line instead
        for axis in chart.axes():
            _style_axis(axis, text, font, palette)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * CHART_LINES)


class KeyedChart(QWidget):
    """A ChartView with its Legend underneath. A subclass draws into `fresh_chart()` and ends with
    `finish()`, which puts the axes on and the key under the chart."""

    def __init__(self, name: str, key_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = ChartView(QChart(), name)
        self.legend = Legend(key_name)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view, 1)
        column.addWidget(self.legend)

    def chart(self) -> QChart:
        return self.view.chart()

    def clear(self) -> None:
        self.chart().removeAllSeries()
        self.legend.clear()

    def fresh_chart(self) -> QChart:
        """The chart without the series and axes drawn last time."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        return chart

    def finish(
        self,
        x_axis: QAbstractAxis,
        y_axis: QAbstractAxis,
        series: Sequence[QAbstractSeries],
        key: Sequence[tuple[str, QColor, str]],
    ) -> None:
        chart = self.chart()
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for one in series:
            one.attachAxis(x_axis)
            one.attachAxis(y_axis)
        self.legend.set_entries(key)
        self.view.restyle()


def _style_axis(axis: QAbstractAxis, text: QColor, font: QFont, palette: QPalette) -> None:
    axis.setLabelsBrush(text)
    axis.setLabelsFont(font)
    axis.setTitleBrush(text)
    axis.setTitleFont(font)
    grid = palette.color(QPalette.ColorRole.Mid)
    axis.setGridLineColor(grid)
    axis.setLinePenColor(grid)
