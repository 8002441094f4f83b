"""The forecast chart: the balance day by day (and with the what-if's changes, dashed), the
council's allowed band shaded, and the first day outside it marked; the key underneath names each."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QAreaSeries, QCategoryAxis, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QApplication, QWidget

from pa_manager.domain.forecast import Forecast
from pa_manager.domain.people import add_months, long_date
from pa_manager.ui.pages.forecast.chart_style import KeyedChart, band_colour, day_x, pounds

MARGIN = 0.08  # room above and below the lines


def _line(forecast: Forecast, name: str, start: date) -> QLineSeries:
    series = QLineSeries()
    series.setName(name)
    series.append(day_x(forecast.inputs.start, start), pounds(forecast.inputs.opening))
    for point in forecast.days:
        series.append(day_x(point.day, start), pounds(point.balance))
    return series


def month_axis(start: date, end: date) -> QCategoryAxis:
    """An x axis labelled with each month's name where the month begins."""
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setRange(0, day_x(end, start))
    month = add_months(start.replace(day=1), 1)
    while month <= end:
        label = f"{month:%b}" if month.month != 1 else f"{month:%b %Y}"
        axis.append(label, day_x(month, start))
        month = add_months(month, 1)
    return axis


class ForecastChart(KeyedChart):
    """Draws one forecast, or a forecast and the same with changes, with its key underneath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        name = "Chart of the balance forecast (the table has the same numbers)"
        super().__init__(name, "Key to the forecast chart", parent)
        self._band_edges: tuple[QLineSeries, QLineSeries] | None = None

    def show_forecast(self, base: Forecast, changed: Forecast | None = None) -> None:
        chart = self.fresh_chart()
        shown = changed or base
        inputs = shown.inputs
        start = inputs.start
        last = day_x(inputs.end, start)
        floor, ceiling = pounds(inputs.band_floor), pounds(inputs.band_ceiling)
        palette = QApplication.palette()
        upper, lower = QLineSeries(), QLineSeries()
        for x in (0.0, last):
            upper.append(x, ceiling)
            lower.append(x, floor)
        band = QAreaSeries(upper, lower)
        self._band_edges = (upper, lower)  # the area series does not own its edges: keep them alive
        weeks = f"{inputs.band_min_weeks.normalize():f} to {inputs.band_max_weeks.normalize():f} weeks"
        colour = band_colour(palette)
        band.setBrush(QBrush(colour))
        band.setPen(QPen(colour.darker(150), 1, Qt.PenStyle.DotLine))
        chart.addSeries(band)
        solid = QColor(colour)
        solid.setAlpha(255)
        key = [("■", solid, f"Allowed band, {weeks} ({inputs.band_floor} to {inputs.band_ceiling})")]
        planned_colour = palette.highlight().color()
        planned = _line(base, "Balance as planned", start)
        planned.setPen(QPen(planned_colour, 2))
        chart.addSeries(planned)
        key.append(("━", planned_colour, "Balance as planned"))
        lines = [planned]
        if changed is not None:
            text_colour = palette.windowText().color()
            what_if = _line(changed, "Balance with your changes", start)
            what_if.setPen(QPen(text_colour, 2, Qt.PenStyle.DashLine))
            chart.addSeries(what_if)
            lines.append(what_if)
            key.append(("╍", text_colour, "Balance with your changes"))
        values = [floor, ceiling] + [p.y() for s in lines for p in s.points()]
        out = shown.out_of_band
        if out is not None:
            marker = QScatterSeries()
            side = "above" if out.above else "below"
            marker.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeTriangle)
            marker.setMarkerSize(self.fontMetrics().height() * 0.9)
            marker.setColor(palette.windowText().color())
            marker.append(day_x(out.day, start), pounds(out.balance))
            chart.addSeries(marker)
            key.append(
                ("▲", palette.windowText().color(), f"First day {side} the band: {long_date(out.day)}")
            )
        x_axis = month_axis(start, inputs.end)
        y_axis = QValueAxis()
        low, high = min(values), max(values)
        pad = (high - low) * MARGIN or 100.0
        y_axis.setRange(low - pad, high + pad)
        y_axis.setLabelFormat("%.0f")
        y_axis.setTitleText("Balance in £")
        y_axis.applyNiceNumbers()
        self.finish(x_axis, y_axis, chart.series(), key)
