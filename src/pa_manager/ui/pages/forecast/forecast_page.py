"""Forecast: the balance 3 to 12 months ahead as a chart and a table, with what-ifs.

The inputs are gathered from the book once on the worker (`services.forecast.forecast_inputs`);
the projection itself is pure and quick, so a what-if is projected again on every keystroke
without touching the book. The page loads when it is first shown, not at unlock.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QSpinBox, QWidget

from pa_manager.domain.errors import DomainError
from pa_manager.domain.forecast import FlowKind, Forecast, ForecastInputs, WhatIf, apply_what_if, project
from pa_manager.domain.people import long_date
from pa_manager.services.book import Book
from pa_manager.services.forecast import forecast_inputs
from pa_manager.ui.pages.forecast.forecast_chart import ForecastChart
from pa_manager.ui.pages.forecast.money_table import TextTableView, chart_and_table
from pa_manager.ui.pages.forecast.what_if_panel import WhatIfPanel
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel
from pa_manager.ui.widgets.scrolling import fill_with_scrolling, page_column
from pa_manager.ui.widgets.shown_page import LoadsWhenShown

DEFAULT_MONTHS = 6
DEBOUNCE_MS = 120
SIDE_BY_SIDE_CHARS = 80  # page width, in characters, needed for the chart and the panel side by side
_KINDS = tuple(FlowKind)


def band_sentence(f: Forecast) -> str:
    """One sentence on where the balance goes against the band."""
    out = f.out_of_band
    if f.inputs.weekly_dp.pence <= 0:
        return "Add the weekly direct payment in Settings to compare the forecast with the council's band."
    if out is None:
        return (
            f"The balance stays inside the allowed band ({f.inputs.band_floor} to {f.inputs.band_ceiling}) "
            f"until {long_date(f.inputs.end)}."
        )
    if out.day == f.inputs.start:
        side = "above" if out.above else "below"
        return f"The balance is already {side} the allowed band today ({out.balance})."
    if out.above:
        return (
            f"The balance would first go above the band on {long_date(out.day, weekday=True)}, reaching "
            f"{out.balance}. Money above {f.inputs.band_ceiling} may be reclaimed unless it is needed."
        )
    return (
        f"The balance would first fall below the band on {long_date(out.day, weekday=True)}, to "
        f"{out.balance} (the council expects at least {f.inputs.band_floor})."
    )


def table_rows(shown: Forecast, base: Forecast | None) -> tuple[list[str], list[list[str]]]:
    """Month by month: the numbers under the chart. With a what-if, the planned closing too."""
    headers = ["Month", "Opening", *(k.label for k in _KINDS), "Closing", "Lowest", "Highest"]
    if base is not None:
        headers.append("Closing as planned")
    rows = []
    for n, m in enumerate(shown.months):
        row = [
            f"{m.first:%d %b} to {m.last:%d %b %Y}".lstrip("0").replace(" 0", " "),
            m.opening.format(),
            *(m.totals[k].format() for k in _KINDS),
            m.closing.format(),
            m.lowest.format(),
            m.highest.format(),
        ]
        if base is not None:
            row.append(base.months[n].closing.format())
        rows.append(row)
    return headers, rows


class ForecastPage(LoadsWhenShown):
    """The chart, the table and the what-if panel."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.inputs: ForecastInputs | None = None
        self.base: Forecast | None = None
        self.shown_forecast: Forecast | None = None

        heading = ScaledLabel("Forecast", scale=1.6, bold=True)
        self.status = QLabel("Open a book to see its forecast.")
        self.status.setWordWrap(True)
        self.sentence = ScaledLabel("", scale=1.15, bold=True)
        self.sentence.setWordWrap(True)
        self.explain = QLabel(
            "From the council's payment schedule, each PA's usual week (with tax, National Insurance "
            "and pension paid on their own dates), money already owed, the insurance renewal and "
            "your usual other spending."
        )
        self.explain.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.months = QSpinBox()
        self.months.setRange(3, 12)
        self.months.setValue(DEFAULT_MONTHS)
        self.months.setSuffix(" months")
        self.months.setAccessibleName("How far ahead to look")
        months_label = QLabel("&Look ahead:")
        months_label.setBuddy(self.months)
        self.months.valueChanged.connect(self.refresh)

        self.chart = ForecastChart()
        self.table = TextTableView("Forecast month by month")
        self.tabs = chart_and_table(self.chart, self.table)
        self.what_if = WhatIfPanel()
        # Keystrokes in quick succession are projected once, a moment after the last one.
        self._pending: WhatIf | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_pending)
        self.what_if.changed.connect(self._what_if_typed)
        self.what_if.problem.connect(self._show_problem)

        top = QHBoxLayout()
        top.addWidget(months_label)
        top.addWidget(self.months)
        top.addStretch(1)
        self.body = body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.addWidget(self.tabs, 5)
        body.addWidget(self.what_if, 2, Qt.AlignmentFlag.AlignTop)
        content, column = page_column()
        column.addWidget(heading)
        column.addWidget(self.status)
        column.addWidget(self.sentence)
        column.addWidget(self.explain)
        column.addLayout(top)
        column.addWidget(self.problem)
        column.addLayout(body, 1)
        fill_with_scrolling(self, content)
        self._set_ready(False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The what-if panel sits beside the chart when there is room for both, else under it.
        wide = event.size().width() >= SIDE_BY_SIDE_CHARS * self.fontMetrics().averageCharWidth()
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)

    # -- book ------------------------------------------------------------------------------
    def set_book(self, opened: OpenedBook | None) -> None:
        self.inputs = self.base = self.shown_forecast = None
        super().set_book(opened)

    def _clear(self) -> None:
        self.status.setText("Open a book to see its forecast.")
        self.status.show()
        self.sentence.clear()
        self.table.set_rows([], [])
        self.chart.clear()
        self._set_ready(False)

    def _load(self, book: Book) -> None:
        months = self.months.value()
        self.status.setText("Working out the forecast…")
        self.status.show()
        self._tasks.run(
            lambda: forecast_inputs(book, months, date.today()), self._on_inputs, self._on_failed, owner=self
        )

    # -- results ---------------------------------------------------------------------------
    def _on_inputs(self, inputs: ForecastInputs) -> None:
        if self._opened is None:
            return
        self.inputs = inputs
        self.base = project(inputs)
        self.status.hide()
        self.what_if.set_pas([p.name for p in inputs.staff])
        self._set_ready(True)
        self.what_if.emit_current()
        self._debounce.stop()
        self._apply_pending()  # a fresh forecast is drawn at once, not after the pause

    def _what_if_typed(self, what_if: WhatIf) -> None:
        self._pending = what_if
        self._debounce.start()

    def _apply_pending(self) -> None:
        if self._pending is not None:
            self.apply_what_if(self._pending)

    def apply_what_if(self, what_if: WhatIf) -> None:
        """Project again with the changes (pure work, quick enough to do as the person types)."""
        if self.inputs is None or self.base is None:
            return
        changed = None
        if not what_if.is_empty:
            try:
                changed = project(apply_what_if(self.inputs, what_if))
            except DomainError as err:
                self._show_problem(str(err))
                return
        shown = changed or self.base
        self.shown_forecast = shown
        prefix = "With your changes: " if changed else ""
        self.sentence.setText(prefix + band_sentence(shown))
        self.chart.show_forecast(self.base, changed)
        self.table.set_rows(*table_rows(shown, self.base if changed else None))

    def _show_problem(self, message: str) -> None:
        self.problem.setText(f"⚠ {message}" if message else "")
        self.problem.setVisible(bool(message))

    def _on_failed(self, message: str) -> None:
        self.status.setText(f"The forecast could not be worked out. {message}")
        self.status.show()

    def _set_ready(self, ready: bool) -> None:
        for widget in (self.tabs, self.what_if, self.explain, self.months):
            widget.setEnabled(ready)
