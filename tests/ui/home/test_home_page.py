"""Home's to-do buttons go to the fix; the forecast follows the what-if as it is typed; the
spending table holds the chart's months; locking forgets everything."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import MappingProxyType

from pytestqt.qtbot import QtBot

from pa_manager.domain.forecast import WhatIf, apply_what_if, project
from pa_manager.services.forecast import forecast_inputs
from pa_manager.services.home_todos import FixTarget
from pa_manager.ui.main_window import SECTIONS, MainWindow
from tests.ui import helpers
from tests.ui.home.scenes_home import demo_window, forecast_demo, spending_demo
from tests.ui.scenes import Stage


def test_home_shows_the_figures_and_each_button_goes_to_its_fix(stage: Stage, qtbot: QtBot) -> None:
    window = demo_window(stage, "Home")
    assert isinstance(window, MainWindow)
    home = window.home_page
    assert home.figures is not None
    assert home.balance.text() == home.figures.summary.balance.format()
    assert home.hmrc_card.figure.text().startswith("£")
    todos = home.todos.items
    assert todos and len(home.todos.buttons) == len(todos)
    timesheet = next(n for n, t in enumerate(todos) if t.target is FixTarget.TIMESHEET)
    home.todos.buttons[timesheet].click()
    assert window.sidebar.currentRow() == SECTIONS.index("People & timesheets")
    qtbot.waitUntil(lambda: window.people_page.timesheet_dialog is not None, timeout=30_000)
    dialog = window.people_page.timesheet_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.close()
    helpers.wait_idle(qtbot, stage.tasks)
    window.sidebar.setCurrentRow(SECTIONS.index("Home"))
    record = next(n for n, t in enumerate(home.todos.items) if t.target is FixTarget.PA_RECORD)
    home.todos.buttons[record].click()
    qtbot.waitUntil(lambda: window.people_page.pa_dialog is not None, timeout=30_000)
    assert window.people_page.pa_dialog is not None
    window.people_page.pa_dialog.close()


def test_forecast_follows_the_what_if_as_it_is_typed(stage: Stage, qtbot: QtBot) -> None:
    window = forecast_demo(stage)
    assert isinstance(window, MainWindow)
    page = window.forecast_page
    assert page.base is not None and page.inputs is not None
    assert page.table.model_.rowCount() == page.months.value() == len(page.base.months)
    assert "Closing as planned" not in page.table.model_.headers
    name = page.what_if.pa.currentText()
    page.what_if.extra_hours.lineEdit().selectAll()
    qtbot.keyClicks(page.what_if.extra_hours.lineEdit(), "10")  # typed as a person would
    qtbot.waitUntil(lambda: page.sentence.text().startswith("With your changes:"), timeout=5_000)
    assert "Closing as planned" in page.table.model_.headers
    expected = project(apply_what_if(page.inputs, WhatIf(MappingProxyType({name: Decimal(10)}))))
    closing = page.table.model_.headers.index("Closing")
    assert page.table.model_.rows[-1][closing] == expected.months[-1].closing.format()
    # A rate that cannot be read says so and keeps the last good forecast.
    page.what_if.new_hours.setValue(20)
    page.what_if.new_rate.setText("abc")
    assert page.problem.isVisible() and "abc" in page.problem.text()
    page.what_if.reset.click()
    assert not page.problem.isVisible()
    qtbot.waitUntil(lambda: not page.sentence.text().startswith("With your changes:"), timeout=5_000)
    with qtbot.waitSignal(page.table.model_.modelReset, timeout=30_000):
        page.months.setValue(3)
    qtbot.waitUntil(lambda: page.table.model_.rowCount() == 3, timeout=30_000)
    window.lock()
    assert page.inputs is None and page.table.model_.rowCount() == 0


def test_spending_table_has_a_row_per_chart_month(stage: Stage) -> None:
    window = spending_demo(stage)
    assert isinstance(window, MainWindow)
    page = window.spending_page
    assert page.table.model_.rowCount() == len(page.months) == 12
    spent = page.table.model_.headers.index("Spent")
    assert page.table.model_.rows[0][spent] == page.months[0].total.format()
    assert page.sentence.text().startswith(f"Since {page.months[0].first:%B %Y}")
    assert "\t" in page.table.selected_text()


def test_forecast_inputs_are_not_worked_out_until_the_page_is_shown(stage: Stage) -> None:
    window = demo_window(stage, "Home")
    assert isinstance(window, MainWindow)
    assert window.forecast_page.inputs is None
    assert forecast_inputs(window.opened.book, 3, date.today()).staff  # type: ignore[union-attr]
